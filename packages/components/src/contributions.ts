// Entry point: registers <foederal-contributions> (a side effect, listed in package.json "sideEffects").
import { define } from './define.js';
import { FoederalContributions } from './elements/contributions.js';

define('foederal-contributions', FoederalContributions);

export { FoederalContributions };

declare global {
  interface HTMLElementTagNameMap {
    'foederal-contributions': FoederalContributions;
  }
}
