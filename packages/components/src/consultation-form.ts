// Entry point: registers <foederal-consultation-form> (a side effect, listed in package.json "sideEffects").
import { define } from './define.js';
import { FoederalConsultationForm } from './elements/consultation-form.js';

define('foederal-consultation-form', FoederalConsultationForm);

export { FoederalConsultationForm };

declare global {
  interface HTMLElementTagNameMap {
    'foederal-consultation-form': FoederalConsultationForm;
  }
}
