import { bilingual, knownLocation, type ErrorLocation, type ErrorMessages } from '@foederal/core';

export type { ErrorLocation, ErrorMessages };

/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.ids');


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
