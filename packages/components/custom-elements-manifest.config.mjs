// @custom-elements-manifest/analyzer: documents every element (attributes, properties, events,
// CSS parts and custom properties) from the sources into custom-elements.json.

/** Internal reactive state (Lit `state: true`) is neither an attribute nor public API. */
const internalState = new Set(['loadState']);

function publicOnly() {
  return {
    name: 'foederal-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          const hidden = new Set(internalState);
          for (const member of declaration.members ?? []) {
            if (member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('#')) {
              hidden.add(member.name);
            }
          }
          declaration.members = (declaration.members ?? []).filter((m) => !hidden.has(m.name));
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName ?? a.name));
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/*.ts', 'src/base.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [publicOnly()],
};
