// Entry point: registers <foederal-recommendation-list> (a side effect, listed in package.json "sideEffects").
import { define } from './define.js';
import { FoederalRecommendationList } from './elements/recommendation-list.js';

define('foederal-recommendation-list', FoederalRecommendationList);

export { FoederalRecommendationList };

declare global {
  interface HTMLElementTagNameMap {
    'foederal-recommendation-list': FoederalRecommendationList;
  }
}
