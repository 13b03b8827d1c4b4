// Entry point: registers <foederal-recommendation> (a side effect, listed in package.json "sideEffects").
import { define } from './define.js';
import { FoederalRecommendation } from './elements/recommendation.js';

define('foederal-recommendation', FoederalRecommendation);

export { FoederalRecommendation };

declare global {
  interface HTMLElementTagNameMap {
    'foederal-recommendation': FoederalRecommendation;
  }
}
