import { translate } from '../i18n.js';

/** German texts of embed, the type source of the keys. */
export const de = {
  catalogueOfRecommendations: 'Empfehlungskatalog',
  consultationForm: 'Konsultationsformular',
  membersAndSeatBalance: 'Mitglieder und Sitzverteilung',
  embed: 'Einbetten',
  embedInYourOwn: 'In die eigene Website einbetten',
  administrationsPutTheCatalogue: 'Verwaltungen binden Katalog, Konsultationsformular und Mitgliederliste mit einem Skript und einem HTML-Element in ihr CMS ein. Die Elemente lesen diese Anwendung über ihre API.',
  theComponentsPackageIs: 'Das Komponentenpaket ist in dieser Installation nicht gebaut; die Beispiele zeigen nur den Code.',
} as const;

/** English texts of embed, complete by type. */
export const en: Record<keyof typeof de, string> = {
  catalogueOfRecommendations: 'Catalogue of recommendations',
  consultationForm: 'Consultation form',
  membersAndSeatBalance: 'Members and seat balance',
  embed: 'Embed',
  embedInYourOwn: 'Embed in your own website',
  administrationsPutTheCatalogue: 'Administrations put the catalogue, the consultation form and the member list into their CMS with one script and one HTML element. The elements read this app through its API.',
  theComponentsPackageIs: 'The components package is not built in this installation; the examples show the code only.',
};

/** A text of embed in a language, with its placeholders filled. */
export const embedText = translate({ de, en });
