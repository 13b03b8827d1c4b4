export { run } from './program.js';
export { CliError, exitCodes } from './errors.js';
export type { CliErrorCode, ErrorLocation, ErrorMessages } from './errors.js';
export { localeLang } from './lang.js';
export type { Language } from './lang.js';
export type { CliIo, InStream, OutStream } from './io.js';
