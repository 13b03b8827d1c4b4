/**
 * Registers `constructor` as `name` unless that name is taken (a page may load the bundle and an
 * ESM entry, or two copies of the package).
 * @internal
 */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(name)) {
    customElements.define(name, constructor);
  }
}
