import { translate } from '../i18n.js';

/** German texts of home, the type source of the keys. */
export const de = {
  thisReferenceAppShows: 'Diese Referenzanwendung zeigt, wie die offenen Bausteine zusammenwirken: ein föderaler Arbeitskreis nach dem Vorbild des AMEV beschließt Empfehlungen für Gebäudedaten, konsultiert die Öffentlichkeit und veröffentlicht die Ergebnisse frei nutzbar.',
  theFlowInSeven: 'Der Ablauf in sieben Schritten',
  currentRecommendations: 'Aktuelle Empfehlungen',
} as const;

/** English texts of home, complete by type. */
export const en: Record<keyof typeof de, string> = {
  thisReferenceAppShows: 'This reference app shows how the open building blocks work together: a federal working group modelled on the AMEV adopts recommendations on building data, consults the public and publishes the results for free use.',
  theFlowInSeven: 'The flow in seven steps',
  currentRecommendations: 'Current recommendations',
};

/** A text of home in a language, with its placeholders filled. */
export const homeText = translate({ de, en });
