import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/**
 * scrypt parameters of new hashes: the minimum of the OWASP Password Storage Cheat Sheet
 * (N=2^17, r=8, p=1; 128 MiB and about 0.3 to 1 s per hash). Hashes name their parameters, so
 * older ones (N=2^14) still verify and are rehashed at the next sign-in ({@link needsRehash}).
 */
export const scryptParameters = { N: 2 ** 17, r: 8, p: 1 } as const;
const keyLength = 32;
// 128 * N * r bytes for the work area, plus room.
const maxmem = 256 * 1024 * 1024;

/**
 * Hash a password with scrypt from `node:crypto` ({@link scryptParameters}, 16-byte random salt).
 * The result names its parameters, so they can be raised later without breaking old hashes.
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple');
 * await verifyPassword('correct horse battery staple', stored); // true
 */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = scryptParameters;
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** How many scrypt verifications ran in this process (tests check that every sign-in runs one). */
export const passwordChecks = { count: 0 };

/** Compare a password with a stored hash in constant time; malformed hashes never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, rr, pp] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![n, rr, pp].every((v) => Number.isInteger(v) && v > 0) || n > 2 ** 20 || rr > 32 || pp > 16 || 128 * n * rr > maxmem - 1024 * 1024) return false;
  const salt = Buffer.from(parts[4] as string, 'base64url');
  const expected = Buffer.from(parts[5] as string, 'base64url');
  if (expected.length === 0 || expected.length > 128) return false;
  passwordChecks.count++;
  const actual = await scrypt(password.normalize('NFC'), salt, expected.length, { N: n, r: rr, p: pp, maxmem });
  return timingSafeEqual(actual, expected);
}

/** True when a stored hash uses weaker parameters than {@link scryptParameters} (rehash it). */
export function needsRehash(stored: string): boolean {
  const [kind, n, r, p] = stored.split('$');
  const { N, r: R, p: P } = scryptParameters;
  return kind !== 'scrypt' || Number(n) < N || Number(r) < R || Number(p) < P;
}

let dummy: Promise<string> | undefined;

/**
 * Spend the time of one password check without an account (unknown user names), so the answer
 * time does not tell which names exist.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('base64url'));
  await verifyPassword(password, await dummy);
  return false;
}

/** A new random password (16 characters of base64url, 96 bits). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
