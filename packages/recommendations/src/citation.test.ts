import { describe, expect, it } from 'vitest';
import { citation, toCreativeWork, ValidationError, type Recommendation } from './index.js';
import { exampleCatalogue } from './examples.js';

const byId = (id: string): Recommendation => {
  const r = exampleCatalogue.recommendations.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

describe('citation', () => {
  it('cites a published edition in German', () => {
    expect(citation(byId('wartung-2026'), { url: 'https://empfehlungen.foederal.example/empfehlungen/wartung-2026', accessed: '2026-11-28' })).toBe(
      'Geschäftsstelle des Föderalen Arbeitskreises Gebäudedaten und Gebäudetechnik (Hrsg.): Wartung 2026. '
      + 'Wartung, Inspektion und damit verbundene kleine Instandsetzungsarbeiten von technischen Anlagen in öffentlichen Gebäuden. '
      + 'Empfehlung Nr. 175, Version 1.0.0, veröffentlicht am 4. Mai 2026. Lizenz: CC BY 4.0. '
      + 'Online: https://empfehlungen.foederal.example/empfehlungen/wartung-2026 (abgerufen am 28. November 2026).',
    );
  });

  it('says when an edition was superseded, withdrawn, adopted or is a draft', () => {
    expect(citation(byId('wartung-2022'), { successorTitle: 'Wartung 2026' })).toContain('veröffentlicht am 1. April 2022, ersetzt durch Wartung 2026 am 4. Mai 2026.');
    expect(citation(byId('fernwirken-2025'))).toContain('zurückgezogen am 1. September 2026.');
    expect(citation(byId('technisches-monitoring-2026'))).toContain('beschlossen am 20. November 2026 (Beschluss 2026/19), noch nicht veröffentlicht.');
    expect(citation(byId('technisches-monitoring-2026'))).toContain('Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0.');
    expect(citation(byId('gebaeudedaten-2027'))).toContain('Entwurf zur öffentlichen Konsultation bis 18. Dezember 2026.');
    expect(citation(byId('gebaeudebetrieb-2027'))).toContain('Entwurf, Stand 25. November 2026.');
    expect(citation(byId('gebaeudebetrieb-2027'))).not.toContain('Lizenz');
  });

  it('has an English form', () => {
    expect(citation(byId('wartung-2026-en'), { language: 'en' })).toBe(
      'Secretariat of the Federal Working Group on Building Data and Building Services (ed.): Maintenance 2026. '
      + 'Maintenance, inspection and related minor repairs of technical installations in public buildings. '
      + 'Recommendation no. 175 en, Version 1.0.0, published on 1 June 2026. Licence: CC BY 4.0.',
    );
  });
});

describe('toCreativeWork', () => {
  it('describes the page as a schema.org CreativeWork', () => {
    const work = toCreativeWork(byId('wartung-2026'), {
      url: 'https://empfehlungen.foederal.example/empfehlungen/wartung-2026',
      pageOf: (id) => `https://empfehlungen.foederal.example/empfehlungen/${id}`,
    });
    expect(work).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'CreativeWork',
      '@id': 'https://empfehlungen.foederal.example/empfehlungen/wartung-2026',
      name: 'Wartung 2026',
      version: '1.0.0',
      datePublished: '2026-05-04',
      creativeWorkStatus: 'Published',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      isBasedOn: 'https://empfehlungen.foederal.example/empfehlungen/wartung-2022',
      publisher: { '@type': 'GovernmentOrganization' },
    });
    expect(work['associatedMedia']).toEqual([
      expect.objectContaining({ '@type': 'MediaObject', encodingFormat: 'text/markdown', sha256: '5b77dbd67de267bbb33c51e83c74333ee561f5f400cae5d1b862e44833283133' }),
      expect.objectContaining({ encodingFormat: 'text/csv' }),
    ]);
  });

  it('marks superseded works as expired', () => {
    const work = toCreativeWork(byId('wartung-2022'), { url: 'https://example.org/w' });
    expect(work).toMatchObject({ creativeWorkStatus: 'Superseded', expires: '2026-05-04' });
  });
});

describe('citation and toCreativeWork on broken input', () => {
  it('throw a ValidationError naming the path', () => {
    const broken = { ...byId('wartung-2026'), shortTitle: undefined } as unknown as Recommendation;
    expect(() => citation(broken)).toThrow(ValidationError);
    expect(() => toCreativeWork(broken, { url: 'https://example.org/x' })).toThrow(/\$\.shortTitle/);
  });
});
