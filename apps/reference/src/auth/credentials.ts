import type { Role } from './roles.js';

/** An account created or changed at start, with the password to show once (never logged). */
export interface StartCredential {
  readonly username: string;
  readonly role: Role;
  /** The generated password; `undefined` when it is the one of `ADMIN_PASSWORD`. */
  readonly password: string | undefined;
}
