import type { LocalizedText } from '@foederal/core';
// Human-readable documentation of the registry routes (German first, English second), kept apart
// from the contract so that clients in web pages do not carry it; the OpenAPI document uses it.
import type { RouteDocs } from '../contract/types.js';
import type { RegistryRouteId } from './contract.js';

const d = (de: string, en: string): Required<LocalizedText> => ({ de, en });

/**
 * Summary and success description of every registry route, for the OpenAPI document and for
 * pages that list the API.
 *
 * @example
 * registryRouteDocs.getRecommendation.summary.de; // 'Eine Empfehlung lesen (aktuelle Ausgabe)'
 */
export const registryRouteDocs: { readonly [K in RegistryRouteId]: RouteDocs } = {
  listRecommendations: {
    summary: d('Empfehlungen auflisten (Filter, Volltextsuche, seitenweise)', 'List recommendations (filter, full-text search, paged)'),
    response: d('Eine Seite des Katalogs', 'One page of the catalogue'),
  },
  createRecommendation: {
    summary: d('Empfehlung anlegen', 'Create a recommendation'),
    response: d('Angelegt', 'Created'),
  },
  getRecommendation: {
    summary: d('Eine Empfehlung lesen (aktuelle Ausgabe)', 'Read a recommendation (current edition)'),
    response: d('Die Empfehlung', 'The recommendation'),
  },
  updateRecommendation: {
    summary: d('Empfehlung ändern (If-Match erforderlich)', 'Update a recommendation (If-Match required)'),
    response: d('Geändert', 'Updated'),
  },
  transitionRecommendation: {
    summary: d('Lebenszyklus-Ereignis anwenden: überarbeiten, Konsultation öffnen/schließen, beschließen, veröffentlichen, ersetzen, zurückziehen, Einführung erfassen (If-Match erforderlich)', 'Apply a lifecycle event: revise, open/close consultation, adopt, publish, supersede, withdraw, record an adoption (If-Match required)'),
    response: d('Neuer Stand', 'New state'),
  },
  listRecommendationEditions: {
    summary: d('Alle Ausgaben (Versionen) einer Empfehlung, neueste zuerst', 'All editions (versions) of a recommendation, newest first'),
    response: d('Die Ausgaben', 'The editions'),
  },
  getRecommendationEdition: {
    summary: d('Eine Ausgabe lesen (unveränderlich)', 'Read one edition (immutable)'),
    response: d('Die Ausgabe', 'The edition'),
  },
  uploadAttachment: {
    summary: d('Dokument hochladen (Content-Digest mit SHA-256 erforderlich)', 'Upload a document (Content-Digest with SHA-256 required)'),
    response: d('Gespeichert', 'Stored'),
  },
  downloadAttachment: {
    summary: d('Dokument herunterladen', 'Download a document'),
    response: d('Der Inhalt; Content-Digest zur Prüfung', 'The content; Content-Digest to verify it'),
  },
  listConsultations: {
    summary: d('Konsultationen auflisten', 'List consultations'),
    response: d('Eine Seite', 'One page'),
  },
  createConsultation: {
    summary: d('Konsultation anlegen', 'Create a consultation'),
    response: d('Angelegt', 'Created'),
  },
  getConsultation: {
    summary: d('Eine Konsultation lesen (mit den veröffentlichten Beiträgen)', 'Read a consultation (with the published contributions)'),
    response: d('Die Konsultation', 'The consultation'),
  },
  listContributions: {
    summary: d('Beiträge auflisten (öffentlich: nur veröffentlichte und beantwortete)', 'List contributions (public: only published and answered ones)'),
    response: d('Eine Seite', 'One page'),
  },
  submitContribution: {
    summary: d('Beitrag einreichen (öffentlich)', 'Submit a contribution (public)'),
    response: d('Eingegangen', 'Received'),
  },
  getContribution: {
    summary: d('Einen Beitrag lesen', 'Read a contribution'),
    response: d('Der Beitrag', 'The contribution'),
  },
  importContribution: {
    summary: d(
      'Beitrag von anderswo übernehmen, z. B. ein openCode-Issue mit seiner URL als externalRef (Geschäftsstelle; nur neu: 409, wenn es die Kennung schon gibt)',
      'Import a contribution from elsewhere, e.g. an openCode issue with its URL as externalRef (secretariat; create only: 409 when the id exists)',
    ),
    response: d('Übernommen', 'Imported'),
  },
  disposeContribution: {
    summary: d('Beitrag abwägen (Geschäftsstelle, If-Match erforderlich)', 'Dispose of a contribution (secretariat, If-Match required)'),
    response: d('Neuer Stand', 'New state'),
  },
  erasePersonalData: {
    summary: d(
      'Personenbezogene Daten eines Beitrags auf Antrag löschen: Name, Organisation und Kontakt entfallen, Text und Abwägung bleiben (Geschäftsstelle, If-Match erforderlich)',
      'Erase the personal data of a contribution on request: name, organisation and contact go, text and disposition stay (secretariat, If-Match required)',
    ),
    response: d('Der Beitrag ohne personenbezogene Daten', 'The contribution without personal data'),
  },
  getBody: {
    summary: d('Das Gremium mit Organen, Mitgliedern, Sitzen und Geschäftsordnung', 'The body with its organs, members, seats and rules of procedure'),
    response: d('Das Gremium', 'The body'),
  },
  listDecisions: {
    summary: d('Beschlüsse des Gremiums', 'Decisions of the body'),
    response: d('Eine Seite', 'One page'),
  },
  getDecision: {
    summary: d('Einen Beschluss lesen (Ergebnis mit Begründung)', 'Read a decision (result with explanation)'),
    response: d('Der Beschluss', 'The decision'),
  },
  listPilots: {
    summary: d('Pilotregister (Filter nach Status, Ebene, Land, Empfehlung)', 'Pilot register (filter by status, level, Land, recommendation)'),
    response: d('Eine Seite', 'One page'),
  },
  createPilot: {
    summary: d('Pilotierung eintragen', 'Register a pilot'),
    response: d('Angelegt', 'Created'),
  },
  getPilot: {
    summary: d('Eine Pilotierung lesen', 'Read a pilot'),
    response: d('Die Pilotierung', 'The pilot'),
  },
  updatePilot: {
    summary: d('Pilotierung ändern (If-Match erforderlich)', 'Update a pilot (If-Match required)'),
    response: d('Geändert', 'Updated'),
  },
  listExperienceReports: {
    summary: d('Erfahrungsberichte einer Pilotierung (öffentlich: nur veröffentlichte)', 'Experience reports of a pilot (public: published only)'),
    response: d('Eine Seite', 'One page'),
  },
  submitExperienceReport: {
    summary: d('Erfahrungsbericht einreichen (Prüfung durch die Geschäftsstelle)', 'Submit an experience report (reviewed by the secretariat)'),
    response: d('Eingegangen', 'Received'),
  },
  getExperienceReport: {
    summary: d('Einen Erfahrungsbericht lesen', 'Read an experience report'),
    response: d('Der Bericht', 'The report'),
  },
  reviewExperienceReport: {
    summary: d('Erfahrungsbericht prüfen: veröffentlichen oder ablehnen (If-Match erforderlich)', 'Review an experience report: publish or reject (If-Match required)'),
    response: d('Neuer Stand', 'New state'),
  },
  listJointProjects: {
    summary: d('Gemeinsame Vorhaben', 'Joint projects'),
    response: d('Eine Seite', 'One page'),
  },
  createJointProject: {
    summary: d('Gemeinsames Vorhaben anlegen', 'Create a joint project'),
    response: d('Angelegt', 'Created'),
  },
  getJointProject: {
    summary: d('Ein gemeinsames Vorhaben lesen', 'Read a joint project'),
    response: d('Das Vorhaben', 'The project'),
  },
  updateJointProject: {
    summary: d('Gemeinsames Vorhaben ändern (If-Match erforderlich)', 'Update a joint project (If-Match required)'),
    response: d('Geändert', 'Updated'),
  },
  getCostShares: {
    summary: d('Kostenanteile des Vorhabens mit Erläuterung (Königsteiner Schlüssel, centgenau)', 'Cost shares of the project with their explanation (Königsteiner Schlüssel, exact to the cent)'),
    response: d('Die Anteile', 'The shares'),
  },
  atomFeed: {
    summary: d('Atom-Feed der Empfehlungen (RFC 4287)', 'Atom feed of the recommendations (RFC 4287)'),
    response: d('Der Feed', 'The feed'),
  },
  jsonFeed: {
    summary: d('JSON Feed 1.1 der Empfehlungen', 'JSON Feed 1.1 of the recommendations'),
    response: d('Der Feed', 'The feed'),
  },
  catalogTurtle: {
    summary: d('DCAT-AP.de-Katalog als Turtle (für GovData)', 'DCAT-AP.de catalogue as Turtle (for GovData)'),
    response: d('Der Katalog', 'The catalogue'),
  },
  catalogJsonLd: {
    summary: d('DCAT-AP.de-Katalog als JSON-LD', 'DCAT-AP.de catalogue as JSON-LD'),
    response: d('Der Katalog', 'The catalogue'),
  },
  openApiDocument: {
    summary: d('Diese Schnittstellenbeschreibung (OpenAPI 3.1)', 'This API description (OpenAPI 3.1)'),
    response: d('Das Dokument', 'The document'),
  },
};
