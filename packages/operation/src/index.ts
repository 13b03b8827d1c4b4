export { OperationError } from './errors.js';
export type { OperationErrorCode, OperationErrorLocation } from './errors.js';
