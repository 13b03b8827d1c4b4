/** Package name. @example name */
export const packageName = '@foederal/membership';
