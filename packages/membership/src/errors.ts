import { bilingual, knownLocation, type ErrorLocation, type ErrorMessages } from '@foederal/core';

export type { ErrorLocation, ErrorMessages };

/** Brand of every foederal error, whatever its package. */
const brand = Symbol.for('foederal.error');
/** Marker of this package's errors: `isInstance` checks only this, so it is exact across packages. */
const marker = Symbol.for('foederal.error.membership');


/**
 * Stable error codes of `@foederal/membership`. Each says what went wrong; `path` and `memberId`
 * on the error say where.
 *
 * @example
 * const code: MembershipErrorCode = 'unknown-member';
 */
export type MembershipErrorCode =
  | 'invalid-input'
  | 'invalid-rules'
  | 'unknown-preset'
  | 'unknown-member'
  | 'duplicate-member'
  | 'ballot-from-absent-member'
  | 'ballot-from-non-voting-member'
  | 'unknown-option'
  | 'voting-level-not-allowed'
  | 'too-many-voting-seats'
  | 'unknown-motion-kind'
  | 'written-procedure-not-allowed'
  | 'ballots-in-written-procedure'
  | 'objections-in-meeting'
  | 'missing-deadline'
  | 'unknown-weights-edition'
  | 'no-chair-rotation'
  | 'invalid-cost-share'
  | 'invalid-oparl'
  | 'invalid-popolo';

/** Options of {@link MembershipError}. @example const o: MembershipErrorOptions = { path: ['members', 0] }; */
export interface MembershipErrorOptions {
  /** JSON path of the offending value, e.g. `['ballots', 'dst']`. */
  readonly path?: readonly (string | number)[];
  /** Id of the member the error is about. */
  readonly memberId?: string;
  /** The underlying error. */
  readonly cause?: unknown;
}

/** Render a JSON path as `$.members[3].id`. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/**
 * The one error class of `@foederal/membership`. Messages are German first, then English.
 * `code` is stable; `path` is the JSON path of the offending value; `memberId` names the member.
 *
 * @example
 * try {
 *   evaluateDecision(scenario);
 * } catch (error) {
 *   if (MembershipError.isInstance(error) && error.code === 'unknown-member') console.log(error.memberId);
 * }
 */
export class MembershipError extends Error {
  override readonly name = 'MembershipError';
  /** Stable machine-readable code. */
  readonly code: MembershipErrorCode;
  /** JSON path of the offending value (empty when the whole input is meant). */
  readonly path: readonly (string | number)[];
  /** Id of the member the error is about, if any. */
  readonly memberId: string | undefined;
  /** The message in German and English. */
  readonly messages: ErrorMessages;
  /** Where: `path` is the JSON path of the offending value (absent when the whole input is meant). */
  readonly location: ErrorLocation;
  readonly [brand] = true;
  readonly [marker] = true;

  constructor(code: MembershipErrorCode, message: string | ErrorMessages, options: MembershipErrorOptions = {}) {
    const messages = bilingual(message);
    super(typeof message === 'string' ? message : `${messages.de} / ${messages.en}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path ?? [];
    this.memberId = options.memberId;
    this.messages = messages;
    this.location = knownLocation({ path: this.path.length > 0 ? formatPath(this.path) : undefined });
  }

  /** True for any `MembershipError`, also one from another copy of this package. */
  static isInstance(value: unknown): value is MembershipError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}

/** Throw `invalid-input` unless `input` is a non-null object (not an array). @internal */
export function requireObject(input: unknown, what: string): asserts input is object {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MembershipError('invalid-input', `${what}: Objekt erwartet / expected an object`, { path: [] });
  }
}
