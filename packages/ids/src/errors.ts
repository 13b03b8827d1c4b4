/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.ids');

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
 * Stable codes of every error this package throws.
 *
 * @example
 * if (IdsError.isInstance(e) && e.code === 'xml-doctype') console.warn('DTDs are refused');
 */
export type IdsErrorCode =
  | 'xml-too-large'
  | 'xml-encoding'
  | 'xml-malformed'
  | 'xml-doctype'
  | 'xml-too-deep'
  | 'xml-too-many-nodes'
  | 'xml-attribute-too-long'
  | 'xml-text-too-long'
  | 'ids-invalid';

/**
 * One finding of the IDS audit: where and why an IDS document is not valid.
 *
 * @example
 * auditIds(xml).issues.forEach((i: IdsIssue) => console.log(i.line, i.rule, i.message));
 */
export interface IdsIssue {
  /** 1-based line of the offending element (0 when unknown). */
  readonly line: number;
  /** 1-based column of the offending element (0 when unknown). */
  readonly column: number;
  /** Element path such as `/ids/specifications/specification[2]/requirements/attribute[1]`. */
  readonly path: string;
  /** `error` makes the document invalid; `warning` points at something suspicious. */
  readonly severity: 'error' | 'warning';
  /** Stable rule identifier, e.g. `xsd-unexpected-element` or `attribute-unknown-name`. */
  readonly rule: string;
  /** Reason, German first, then English (`"… / …"`). */
  readonly message: string;
}

/**
 * The one base error of `@foederal/ids`. Every error carries a stable `code`, the place (line and
 * column when known) and, for an invalid IDS document, the list of audit `issues`.
 *
 * @example
 * try {
 *   parseIds(xml);
 * } catch (error) {
 *   if (IdsError.isInstance(error)) console.log(error.code, error.line, error.issues);
 * }
 */
export class IdsError extends Error {
  /** Brand shared by all foederal errors, survives duplicate installs. */
  readonly [brand] = true;
  readonly [marker] = true;
  override readonly name: string = 'IdsError';
  /** Stable machine-readable code. */
  readonly code: IdsErrorCode;
  /** 1-based line where the problem was found (0 when unknown). */
  readonly line: number;
  /** 1-based column where the problem was found (0 when unknown). */
  readonly column: number;
  /** Audit findings (only for `ids-invalid`). */
  readonly issues: readonly IdsIssue[];
  /** The message in German and English. */
  readonly messages: ErrorMessages;
  /** Where: line and column when known, and the element path of the first audit finding. */
  readonly location: ErrorLocation;

  constructor(
    code: IdsErrorCode,
    message: string | ErrorMessages,
    options: { line?: number; column?: number; path?: string; issues?: readonly IdsIssue[]; cause?: unknown } = {},
  ) {
    const messages = bilingual(message);
    super(typeof message === 'string' ? message : `${messages.de} / ${messages.en}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.line = options.line ?? 0;
    this.column = options.column ?? 0;
    this.issues = options.issues ?? [];
    this.messages = messages;
    this.location = knownLocation({ path: options.path ?? this.issues[0]?.path, line: this.line, column: this.column });
  }

  /** True for any `IdsError`, also one created by another copy of this package. */
  static isInstance(value: unknown): value is IdsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
