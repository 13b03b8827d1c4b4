// Entry point: registers <foederal-roster> (a side effect, listed in package.json "sideEffects").
import { define } from './define.js';
import { FoederalRoster } from './elements/roster.js';

define('foederal-roster', FoederalRoster);

export { FoederalRoster };

declare global {
  interface HTMLElementTagNameMap {
    'foederal-roster': FoederalRoster;
  }
}
