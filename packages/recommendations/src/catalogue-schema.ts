import * as z from 'zod/mini';
import { bilingual, httpUrlSchema, isoDateTimeSchema, localizedTextSchema, publisherSchema } from './common-schemas.js';
import { consultationSchema } from './consultation-schema.js';
import { experienceReportSchema, pilotSchema } from './pilot-schema.js';
import { recommendationSchema } from './recommendation-schema.js';

/**
 * A catalogue of recommendations with their consultations, pilots and experience reports; all
 * references between them (supersedes, consultation → recommendation, report → pilot, pilot →
 * recommendation) must resolve.
 *
 * @example
 * catalogueSchema.parse(exampleCatalogue);
 */
export const catalogueSchema = z.strictObject({
  id: httpUrlSchema,
  title: localizedTextSchema,
  description: localizedTextSchema,
  homepage: httpUrlSchema,
  publisher: publisherSchema,
  modified: isoDateTimeSchema,
  recommendations: z.array(recommendationSchema),
  consultations: z.array(consultationSchema),
  pilots: z.array(pilotSchema),
  experienceReports: z.array(experienceReportSchema),
}).check(z.superRefine((value, ctx) => {
  const add = (path: (string | number)[], de: string, en: string): void => {
    ctx.addIssue({ code: 'custom', path, input: value, ...bilingual(de, en) });
  };
  const byId = new Map<string, (typeof value.recommendations)[number]>();
  value.recommendations.forEach((r, i) => {
    if (byId.has(r.id)) add(['recommendations', i, 'id'], `Kennung ${r.id} doppelt`, `id ${r.id} is duplicated`);
    byId.set(r.id, r);
  });
  const numbers = new Set<string>();
  value.recommendations.forEach((r, i) => {
    if (numbers.has(r.number)) add(['recommendations', i, 'number'], `laufende Nummer ${r.number} doppelt`, `running number ${r.number} is duplicated`);
    numbers.add(r.number);
    if (r.supersedes !== undefined && byId.get(r.supersedes)?.supersededBy !== r.id) {
      add(['recommendations', i, 'supersedes'],
        `${r.supersedes} ist nicht als durch ${r.id} ersetzt verzeichnet`,
        `${r.supersedes} is not recorded as superseded by ${r.id}`);
    }
    if (r.supersededBy !== undefined && byId.get(r.supersededBy)?.supersedes !== r.id) {
      add(['recommendations', i, 'supersededBy'],
        `Nachfolger ${r.supersededBy} fehlt oder verweist nicht zurück`,
        `successor ${r.supersededBy} is missing or does not point back`);
    }
    r.references.forEach((ref, j) => {
      if (ref.kind === 'recommendation' && !byId.has(ref.id)) {
        add(['recommendations', i, 'references', j, 'id'], `Empfehlung ${ref.id} fehlt im Katalog`, `recommendation ${ref.id} is not in the catalogue`);
      }
    });
  });
  const consultationIds = new Set<string>();
  value.consultations.forEach((c, i) => {
    if (consultationIds.has(c.id)) add(['consultations', i, 'id'], `Kennung ${c.id} doppelt`, `id ${c.id} is duplicated`);
    consultationIds.add(c.id);
    if (!byId.has(c.recommendation)) {
      add(['consultations', i, 'recommendation'], `Empfehlung ${c.recommendation} fehlt im Katalog`, `recommendation ${c.recommendation} is not in the catalogue`);
    }
  });
  const pilotIds = new Set<string>();
  value.pilots.forEach((p, i) => {
    if (pilotIds.has(p.id)) add(['pilots', i, 'id'], `Kennung ${p.id} doppelt`, `id ${p.id} is duplicated`);
    pilotIds.add(p.id);
    if (p.subject.kind === 'recommendation' && !byId.has(p.subject.recommendation)) {
      add(['pilots', i, 'subject', 'recommendation'],
        `Empfehlung ${p.subject.recommendation} fehlt im Katalog`, `recommendation ${p.subject.recommendation} is not in the catalogue`);
    }
  });
  const reportIds = new Set<string>();
  value.experienceReports.forEach((r, i) => {
    if (reportIds.has(r.id)) add(['experienceReports', i, 'id'], `Kennung ${r.id} doppelt`, `id ${r.id} is duplicated`);
    reportIds.add(r.id);
    if (!pilotIds.has(r.pilot)) add(['experienceReports', i, 'pilot'], `Pilot ${r.pilot} fehlt im Katalog`, `pilot ${r.pilot} is not in the catalogue`);
  });
}));
/** A catalogue. @example const c: Catalogue = exampleCatalogue; */
export type Catalogue = z.infer<typeof catalogueSchema>;
