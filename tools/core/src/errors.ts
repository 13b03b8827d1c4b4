import type { LocalizedText } from './text.js';

// The one error shape of every foederal package (ADR 0120): the message in German and English and
// a location with path, line, column and offset. This private package is bundled into each
// published package by its build (tsup bundles workspace devDependencies), so the published
// packages keep depending on nothing of ours at run time.
/**
 * The text of an error in German and English, both always present; `message` is
 * `"deutsch / english"`.
 *
 * @example
 * const text: ErrorMessages = { de: 'Datei fehlt', en: 'file missing' };
 */
export type ErrorMessages = Required<LocalizedText>;

/**
 * Where an error is, in the one shape every foederal package uses; a field is absent when it is
 * not known.
 *
 * @example
 * const where: ErrorLocation = { path: '$.members[3].id', line: 12 };
 */
export interface ErrorLocation {
  /** JSON path (`$.members[3].id`) into JSON input, element path (`/ids/specifications`) into XML. */
  readonly path?: string;
  /** 1-based line in a text input. */
  readonly line?: number;
  /** 1-based column in a text input. */
  readonly column?: number;
  /** 0-based offset (bytes in a file, characters in a string). */
  readonly offset?: number;
}

/** Both languages of a message: `"deutsch / english"` is split at the first separator. */
export function bilingual(message: string | ErrorMessages): ErrorMessages {
  if (typeof message !== 'string') return { de: message.de, en: message.en };
  const at = message.indexOf(' / ');
  return at < 0 ? { de: message, en: message } : { de: message.slice(0, at), en: message.slice(at + 3) };
}

/** A location with only the fields that are known (no `undefined`, no 0 for "unknown line"). */
export function knownLocation(where: { path?: string | undefined; line?: number | undefined; column?: number | undefined; offset?: number | undefined }): ErrorLocation {
  return {
    ...(where.path !== undefined && where.path !== '' ? { path: where.path } : {}),
    ...(where.line !== undefined && where.line > 0 ? { line: where.line } : {}),
    ...(where.column !== undefined && where.column > 0 ? { column: where.column } : {}),
    ...(where.offset !== undefined && where.offset >= 0 ? { offset: where.offset } : {}),
  };
}
