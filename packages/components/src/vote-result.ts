// Entry point: registers <foederal-vote-result> (a side effect, listed in package.json "sideEffects").
import { define } from './define.js';
import { FoederalVoteResult } from './elements/vote-result.js';

define('foederal-vote-result', FoederalVoteResult);

export { FoederalVoteResult };

declare global {
  interface HTMLElementTagNameMap {
    'foederal-vote-result': FoederalVoteResult;
  }
}
