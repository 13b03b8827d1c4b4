import * as z from 'zod/mini';
import { idsDocumentSchema } from './model.js';
import { idsReportSchema } from './result.js';

/**
 * JSON Schemas (draft 2020-12) of the typed IDS document and of the check report, for consumers
 * that do not use TypeScript. The package ships them as `schema/*.schema.json`.
 *
 * @example
 * const { 'ids-report.schema.json': reportSchema } = jsonSchemas();
 */
export function jsonSchemas(): Record<string, unknown> {
  const withId = (id: string, title: string, schema: object) => ({
    $id: `https://gitlab.opencode.de/foederal/foederal/-/raw/main/packages/ids/schema/${id}`,
    title,
    ...schema,
  });
  return {
    'ids-document.schema.json': withId('ids-document.schema.json', 'IDS 1.0 document (typed)', z.toJSONSchema(idsDocumentSchema)),
    'ids-report.schema.json': withId('ids-report.schema.json', 'IDS check report', z.toJSONSchema(idsReportSchema)),
  };
}
