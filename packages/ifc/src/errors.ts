import { bilingual, knownLocation, type ErrorLocation, type ErrorMessages } from '@foederal/core';

export type { ErrorLocation, ErrorMessages };

/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.ifc');


/**
 * Stable codes of {@link IfcError} and {@link IfcWarning}.
 *
 * @example
 * const fatal: IfcErrorCode[] = ['not-step', 'not-ifc'];
 */
export type IfcErrorCode =
  | 'not-step'
  | 'not-ifc'
  | 'unsupported-schema'
  | 'truncated'
  | 'syntax'
  | 'unbalanced-parentheses'
  | 'unterminated-string'
  | 'garbage'
  | 'duplicate-id'
  | 'unknown-type'
  | 'dangling-reference'
  | 'argument-count'
  | 'missing-entity'
  | 'too-large'
  | 'zip'
  | 'unzip-limit'
  | 'io'
  | 'aborted';

/**
 * Where in the file something happened. `line` is 1-based; `offset` is a byte offset.
 *
 * @example
 * const where: IfcLocation = { offset: 1234, line: 17, entityId: 5 };
 */
export interface IfcLocation {
  /** Byte offset in the (unzipped) STEP file. */
  readonly offset?: number;
  /** 1-based line number. */
  readonly line?: number;
  /** Express id (`#id`) of the entity concerned, when there is one. */
  readonly entityId?: number;
}

/**
 * The one error class of `@foederal/ifc`: a stable `code`, the location (byte offset, line,
 * entity id) where known, and a message in German, then English.
 *
 * @example
 * try {
 *   parseIfc(new TextEncoder().encode('hello'));
 * } catch (error) {
 *   if (IfcError.isInstance(error)) console.log(error.code, error.offset); // 'not-step' 0
 * }
 */
export class IfcError extends Error implements IfcLocation {
  override readonly name: string = 'IfcError';
  readonly code: IfcErrorCode;
  readonly offset?: number;
  readonly line?: number;
  readonly entityId?: number;
  /** The message in German and English (without the location suffix of `message`). */
  readonly messages: ErrorMessages;
  /** Where: byte offset and line in the (unzipped) STEP file, and `#id` as the path. */
  readonly location: ErrorLocation;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(code: IfcErrorCode, message: string | ErrorMessages, location: IfcLocation = {}, options?: { cause?: unknown }) {
    const messages = bilingual(message);
    super((typeof message === 'string' ? message : `${messages.de} / ${messages.en}`) + formatLocation(location), options);
    this.code = code;
    this.messages = messages;
    this.location = knownLocation({
      path: location.entityId === undefined ? undefined : `#${location.entityId}`,
      line: location.line,
      offset: location.offset,
    });
    if (location.offset !== undefined) this.offset = location.offset;
    if (location.line !== undefined) this.line = location.line;
    if (location.entityId !== undefined) this.entityId = location.entityId;
  }

  /** True for any `@foederal/*` error of this class, even from a duplicate install. */
  static isInstance(value: unknown): value is IfcError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}

/**
 * A problem that did not stop reading (the model is still usable), for example a duplicate id
 * or an unknown entity type. Collected in `model.warnings`.
 *
 * @example
 * const model = parseIfc(bytes);
 * for (const w of model.warnings) console.warn(`${w.code} at line ${w.line}: ${w.message}`);
 */
export interface IfcWarning extends IfcLocation {
  readonly code: IfcErrorCode;
  /** German, then English. */
  readonly message: string;
}

/** `(Byte 12, Zeile 3, #5 / byte 12, line 3, #5)`. */
export function formatLocation(l: IfcLocation): string {
  const de: string[] = [];
  const en: string[] = [];
  if (l.offset !== undefined) {
    de.push(`Byte ${l.offset}`);
    en.push(`byte ${l.offset}`);
  }
  if (l.line !== undefined) {
    de.push(`Zeile ${l.line}`);
    en.push(`line ${l.line}`);
  }
  if (l.entityId !== undefined) {
    de.push(`#${l.entityId}`);
    en.push(`#${l.entityId}`);
  }
  return de.length ? ` (${de.join(', ')} / ${en.join(', ')})` : '';
}
