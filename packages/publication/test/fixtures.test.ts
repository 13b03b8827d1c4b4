import { consultationSchema, decisionSchema, pilotSchema, recommendationSchema } from '@foederal/recommendations';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { bodySchema, experienceReportSubmissionSchema } from '../src/registry/schemas.js';
import { body, consultation, decision, pilot, recommendation, reportSubmission } from './fixtures.js';

describe('test fixtures', () => {
  it('are valid records', () => {
    for (const [schema, value] of [
      [recommendationSchema, recommendation('gebaeudedaten-2027')],
      [consultationSchema, consultation('k-1', 'gebaeudedaten-2027')],
      [decisionSchema, decision],
      [pilotSchema, pilot('pilot-1')],
      [experienceReportSubmissionSchema, reportSubmission],
      [bodySchema, body],
    ] as const) {
      const r = z.safeParse(schema as z.core.$ZodType, value);
      expect(r.success ? [] : r.error.issues).toEqual([]);
    }
  });
});
