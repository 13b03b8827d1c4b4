import { defineProjectConfig } from '@foederal/vitest-config';

export default defineProjectConfig();
