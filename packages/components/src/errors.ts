/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.components');

/**
 * The text of an error in German and English; `message` is `"deutsch / english"`.
 *
 * @example
 * const text: ErrorMessages = { de: 'Datei fehlt', en: 'file missing' };
 */
export interface ErrorMessages {
  /** German text. */
  readonly de: string;
  /** English text. */
  readonly en: string;
}

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
function bilingual(message: string | ErrorMessages): ErrorMessages {
  if (typeof message !== 'string') return { de: message.de, en: message.en };
  const at = message.indexOf(' / ');
  return at < 0 ? { de: message, en: message } : { de: message.slice(0, at), en: message.slice(at + 3) };
}

/** A location with only the fields that are known (no `undefined`, no 0 for "unknown line"). */
function knownLocation(where: { path?: string | undefined; line?: number | undefined; column?: number | undefined; offset?: number | undefined }): ErrorLocation {
  return {
    ...(where.path !== undefined && where.path !== '' ? { path: where.path } : {}),
    ...(where.line !== undefined && where.line > 0 ? { line: where.line } : {}),
    ...(where.column !== undefined && where.column > 0 ? { column: where.column } : {}),
    ...(where.offset !== undefined && where.offset >= 0 ? { offset: where.offset } : {}),
  };
}

/**
 * Stable codes of {@link ComponentsError}.
 *
 * @example
 * const code: ComponentsErrorCode = 'invalid-data';
 */
export type ComponentsErrorCode =
  | 'no-source'
  | 'load-failed'
  | 'not-found'
  | 'network'
  | 'rejected'
  | 'invalid-data';

/**
 * The one error class of `@foederal/components`: a stable `code`, the underlying `cause`, and the
 * cross-package brand so `isInstance` works across duplicate installs.
 *
 * @example
 * try { await load(); } catch (e) { if (ComponentsError.isInstance(e)) console.log(e.code); }
 */
export class ComponentsError extends Error {
  override readonly name: string = 'ComponentsError';
  /** Stable machine-readable code. */
  readonly code: ComponentsErrorCode;
  /** For `invalid-data`: JSON path of the first invalid value, e.g. `$.recommendations[0].title`. */
  readonly path: string | undefined;
  /** The message in German and English. */
  readonly messages: ErrorMessages;
  /** Where: the JSON path of the first invalid value, when there is one. */
  readonly location: ErrorLocation;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(code: ComponentsErrorCode, message: string | ErrorMessages, options?: { cause?: unknown; path?: string }) {
    const messages = bilingual(message);
    super(typeof message === 'string' ? message : `${messages.de} / ${messages.en}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options?.path;
    this.messages = messages;
    this.location = knownLocation({ path: options?.path });
  }

  /** True for any foederal error of this package, also from another copy of it. */
  static isInstance(value: unknown): value is ComponentsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
