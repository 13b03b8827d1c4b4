import * as z from 'zod/mini';
import { cardinalitySchema, ifcVersionSchema } from './model.js';

/**
 * Outcome of one specification.
 *
 * @example
 * specificationStatusSchema.parse('pass');
 */
export const specificationStatusSchema = z.enum(['pass', 'fail']);
/**
 * Outcome of one specification.
 *
 * @example
 * const s: SpecificationStatus = report.specifications[0]!.status; // 'pass' | 'fail'
 */
export type SpecificationStatus = z.infer<typeof specificationStatusSchema>;

/**
 * An entity of the model as named in reports.
 *
 * @example
 * entityRefSchema.parse({ id: 11, type: 'IFCWALL', globalId: '0bbbbbbbbbbbbbbbbbbbbb', name: 'Wand 2' });
 */
export const entityRefSchema = z.object({
  id: z.number(),
  type: z.string(),
  globalId: z.nullable(z.string()),
  name: z.nullable(z.string()),
});
/**
 * An entity of the model as named in reports.
 *
 * @example
 * report.specifications[0]!.requirements[0]!.failures.map((f) => f.entity.globalId);
 */
export type EntityRef = z.infer<typeof entityRefSchema>;

/**
 * One failing entity of a requirement with the reason (German and English).
 *
 * @example
 * requirementFailureSchema.parse(report.specifications[0]!.requirements[0]!.failures[0]);
 */
export const requirementFailureSchema = z.object({
  entity: entityRefSchema,
  reason: z.object({ de: z.string(), en: z.string() }),
});
/**
 * One failing entity of a requirement with the reason.
 *
 * @example
 * const f: RequirementFailure | undefined = report.specifications[0]?.requirements[0]?.failures[0];
 * console.log(f?.reason.de);
 */
export type RequirementFailure = z.infer<typeof requirementFailureSchema>;

/**
 * Result of one requirement facet over all applicable entities.
 *
 * @example
 * requirementResultSchema.parse(report.specifications[0]!.requirements[0]);
 */
export const requirementResultSchema = z.object({
  facet: z.enum(['entity', 'attribute', 'property', 'classification', 'material', 'partOf']),
  cardinality: cardinalitySchema,
  /** Readable statement of the requirement. */
  description: z.object({ de: z.string(), en: z.string() }),
  instructions: z.optional(z.string()),
  line: z.number(),
  passed: z.number(),
  failed: z.number(),
  /** The failing entities (at most `maxFailures` per requirement; `failed` counts all). */
  failures: z.array(requirementFailureSchema),
});
/**
 * Result of one requirement facet.
 *
 * @example
 * for (const r of report.specifications[0]!.requirements) console.log(r.description.en, r.passed, r.failed);
 */
export type RequirementResult = z.infer<typeof requirementResultSchema>;

/**
 * Result of one specification.
 *
 * @example
 * specificationResultSchema.parse(report.specifications[0]);
 */
export const specificationResultSchema = z.object({
  name: z.string(),
  identifier: z.optional(z.string()),
  description: z.optional(z.string()),
  instructions: z.optional(z.string()),
  ifcVersion: z.array(ifcVersionSchema),
  usage: cardinalitySchema,
  status: specificationStatusSchema,
  /** Why the specification failed, when not per requirement. */
  message: z.optional(z.object({ de: z.string(), en: z.string() })),
  applicability: z.array(z.object({ de: z.string(), en: z.string() })),
  applicable: z.number(),
  passedEntities: z.number(),
  failedEntities: z.number(),
  /** Up to `maxFailures` applicable entities when the specification is prohibited. */
  prohibitedEntities: z.array(entityRefSchema),
  requirements: z.array(requirementResultSchema),
});
/**
 * Result of one specification.
 *
 * @example
 * const failing = report.specifications.filter((s: SpecificationResult) => s.status === 'fail');
 */
export type SpecificationResult = z.infer<typeof specificationResultSchema>;

/**
 * The typed JSON report of {@link checkIds}.
 *
 * @example
 * idsReportSchema.parse(JSON.parse(readFileSync('report.json', 'utf8')));
 * z.toJSONSchema(idsReportSchema); // JSON Schema of the report
 */
export const idsReportSchema = z.object({
  title: z.string(),
  ids: z.object({
    title: z.string(),
    version: z.optional(z.string()),
    author: z.optional(z.string()),
    date: z.optional(z.string()),
    description: z.optional(z.string()),
  }),
  model: z.object({ schema: z.string(), entities: z.number() }),
  passed: z.boolean(),
  summary: z.object({
    specifications: z.number(),
    passed: z.number(),
    failed: z.number(),
    checkedEntities: z.number(),
  }),
  specifications: z.array(specificationResultSchema),
  /** Entities of the model that could not be decoded and were skipped (at most 100). */
  problems: z.array(z.object({ id: z.number(), message: z.string() })),
});
/**
 * The typed JSON report of {@link checkIds}.
 *
 * @example
 * const report: IdsReport = checkIds(ids, model);
 * writeFileSync('report.json', JSON.stringify(report));
 */
export type IdsReport = z.infer<typeof idsReportSchema>;
