import { translate } from '../i18n.js';

/** German texts of home, the type source of the keys. */
export const de = {
  thisReferenceAppShows: 'Diese Referenzanwendung zeigt, wie die offenen Bausteine zusammenwirken: ein föderaler Arbeitskreis nach dem Vorbild des AMEV beschließt Empfehlungen für Gebäudedaten, konsultiert die Öffentlichkeit und veröffentlicht die Ergebnisse frei nutzbar.',
  theFlowInSeven: 'Der Ablauf in sieben Schritten',
  currentRecommendations: 'Aktuelle Empfehlungen',
  workingGroupAndSeat: 'Arbeitskreis und Sitzverteilung',
  catalogueOfRecommendations: 'Empfehlungskatalog',
  runningConsultation: 'Laufende Konsultation',
  votes: 'Abstimmungen',
  dcatApDeCatalogue: 'DCAT-AP.de-Katalog',
  buildingDataPilot: 'Gebäudedaten-Pilot',
  pilots: 'Pilotvorhaben',
  stepBody: 'Die Geschäftsstelle richtet den Arbeitskreis mit Bund, Ländern, Kommunen und beratenden Gästen ein; die Sitzverteilung wird geprüft.',
  stepDraft: 'Eine Arbeitsgruppe entwirft eine Empfehlung mit Dokumenten und maschinenlesbaren Datenanforderungen (IDS).',
  stepConsultation: 'Der Entwurf geht in die öffentliche Konsultation; jeder Beitrag erhält eine begründete Abwägung.',
  stepVote: 'Das Plenum stimmt föderal ausgewogen ab; das Ergebnis wird nach der Geschäftsordnung erklärt.',
  stepPublication: 'Die beschlossene Empfehlung wird offen veröffentlicht: Webseite, JSON-API, Feeds und DCAT-AP.de-Katalog.',
  stepBuildingData: 'Eine Pilotkommune lädt das IFC-Modell einer Schule hoch und prüft es gegen die IDS der Empfehlung.',
  stepPilots: 'Verwaltungen erproben Empfehlungen und offene Lösungen und berichten ihre Erfahrungen; gemeinsame Kosten werden fair geteilt.',
} as const;

/** A key of the start page. */
export type HomeKey = keyof typeof de;

/** English texts of home, complete by type. */
export const en: Record<HomeKey, string> = {
  thisReferenceAppShows: 'This reference app shows how the open building blocks work together: a federal working group modelled on the AMEV adopts recommendations on building data, consults the public and publishes the results for free use.',
  theFlowInSeven: 'The flow in seven steps',
  currentRecommendations: 'Current recommendations',
  workingGroupAndSeat: 'Working group and seat balance',
  catalogueOfRecommendations: 'Catalogue of recommendations',
  runningConsultation: 'Running consultation',
  votes: 'Votes',
  dcatApDeCatalogue: 'DCAT-AP.de catalogue',
  buildingDataPilot: 'Building-data pilot',
  pilots: 'Pilots',
  stepBody: 'The secretariat sets up the working group with the Bund, Länder, municipalities and advisory guests; the seat balance is checked.',
  stepDraft: 'A working group drafts a recommendation with documents and machine-readable data requirements (IDS).',
  stepConsultation: 'The draft goes to public consultation; every contribution gets a reasoned disposition.',
  stepVote: 'The plenary votes in a federally balanced way; the result is explained under the rules of procedure.',
  stepPublication: 'The adopted recommendation is published openly: web page, JSON API, feeds and a DCAT-AP.de catalogue.',
  stepBuildingData: 'A pilot municipality uploads the IFC model of a school and checks it against the recommendation\'s IDS.',
  stepPilots: 'Administrations pilot recommendations and open solutions and report their experience; joint costs are shared fairly.',
};

/** A text of home in a language, with its placeholders filled. */
export const homeText = translate({ de, en });

