import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { sampleSchema, toColumns } from './sample.js';
import type { Sample } from './sample.js';

describe('sampleSchema', () => {
  it('describes the Sample type', () => {
    expectTypeOf<z.infer<typeof sampleSchema>>().toExtend<Sample>();
  });
  it('accepts exactly what the stores accept (property)', () => {
    const anyField = fc.oneof(fc.double(), fc.integer({ min: -5, max: 300 }), fc.integer({ min: 0, max: 8e12 }), fc.anything());
    fc.assert(
      fc.property(
        fc.record({ pointId: fc.oneof(fc.string({ maxLength: 4 }), fc.constant('A\uD800'), fc.constant(''), fc.anything()), time: anyField, value: anyField, quality: anyField }),
        (candidate) => {
          const stored = toColumns([candidate as unknown as Sample]).length === 1;
          expect(sampleSchema.safeParse(candidate).success).toBe(stored);
        },
      ),
      { numRuns: 500, examples: [[{ pointId: ' ', time: 0, value: 0, quality: undefined }]] },
    );
  });
});
