import * as bacnetModule from '@bacnet-js/client';

/** The client class of `@bacnet-js/client`. @internal */
export type BacnetClientClass = typeof bacnetModule.default.default;
/** A client (or device) of `@bacnet-js/client`. @internal */
export type BacnetClient = InstanceType<BacnetClientClass>;

/**
 * The stack is CommonJS with `exports.default = Client`: Node's ESM loader hands over
 * `module.exports` as the default import, bundlers and Vite hand over `exports.default`.
 * Accept both.
 *
 * @internal
 */
export const BacnetClientClass: BacnetClientClass = ((): BacnetClientClass => {
  const imported = bacnetModule.default as unknown as BacnetClientClass | { default: BacnetClientClass };
  return typeof imported === 'function' ? imported : imported.default;
})();
