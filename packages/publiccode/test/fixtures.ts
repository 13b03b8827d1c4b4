// A small valid publiccode.yml written for these tests (not from the corpus), and a way to vary it.
import { stringify } from 'yaml';

export const longText =
  'Ein Werkzeug, mit dem Bund, Länder und Kommunen gemeinsam Empfehlungen erarbeiten, zur Konsultation stellen, beschließen und veröffentlichen; mit Abwägung jeder Stellungnahme.';

export function baseDocument(): Record<string, unknown> {
  return {
    publiccodeYmlVersion: '0',
    name: 'Beispiel',
    url: 'https://gitlab.opencode.de/beispiel/beispiel.git',
    platforms: ['web'],
    categories: ['knowledge-management'],
    developmentStatus: 'beta',
    softwareType: 'standalone/web',
    description: {
      de: { shortDescription: 'Ein Beispiel', longDescription: longText, features: ['Konsultation'] },
    },
    legal: { license: 'EUPL-1.2' },
    maintenance: { type: 'community', contacts: [{ name: 'Team Beispiel', email: 'team@example.org', phone: '+49 30 1234567' }] },
    localisation: { localisationReady: true, availableLanguages: ['de', 'en'] },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit nested keys of a plain document freely
type Editable = Record<string, any>;

/** The base document with changes applied, as YAML text. */
export function yamlWith(change: (doc: Editable) => void): string {
  const doc = baseDocument() as Editable;
  change(doc);
  return stringify(doc);
}
