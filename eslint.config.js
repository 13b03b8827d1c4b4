import foederal from '@foederal/eslint-config';

export default foederal;
