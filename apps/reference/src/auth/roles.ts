import type { LocalizedText } from '@foederal/recommendations';

/** The roles of the app, from least to most privileged. */
export const roles = ['public', 'member', 'secretariat', 'admin'] as const;

/** A role. `public` is everyone, signed in or not. */
export type Role = (typeof roles)[number];

/** German and English names of the roles. */
export const roleLabels: Record<Role, Required<LocalizedText>> = {
  public: { de: 'Öffentlichkeit', en: 'Public' },
  member: { de: 'Mitglied', en: 'Member' },
  secretariat: { de: 'Geschäftsstelle', en: 'Secretariat' },
  admin: { de: 'Administration', en: 'Administrator' },
};

/** True when `role` has at least the rights of `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(required);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
