/**
 * Demo data of `@foederal/operation` (the demo school): kept out of the root entry so the root
 * import carries no demo data.
 *
 * @packageDocumentation
 */
export const examplesVersion = 1;
