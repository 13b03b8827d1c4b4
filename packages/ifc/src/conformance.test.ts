// Conformance against the golden facts beside each corpus model (../shared/corpus/ifc).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import { describe, expect, it } from 'vitest';
import { parseIfc } from './open.js';

const ifc = corpus('ifc');

interface Golden {
  schema: string;
  entityCount: number;
  maxExpressId: number;
  typeCount: number;
  typeCounts: Record<string, number>;
  spatialCounts: Record<string, number>;
}

function models(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...models(join(dir, e.name)));
    else if (e.name.endsWith('.ifc')) out.push(join(dir, e.name));
  }
  return out.sort();
}

describe.skipIf(!ifc.available)('golden facts of the IFC corpus', () => {
  const files = ifc.available ? models(ifc.path) : [];
  it('has all 13 models', () => {
    expect(files).toHaveLength(13);
  });
  for (const file of files) {
    const name = file.slice(ifc.path.length + 1);
    it(`${name}: schema, entity count, max id and type counts`, () => {
      const golden = JSON.parse(readFileSync(file.replace(/\.ifc$/, '.golden.json'), 'utf8')) as Golden;
      const model = parseIfc(readFileSync(file));
      expect(model.schemaIdentifier).toBe(golden.schema);
      expect(model.size).toBe(golden.entityCount);
      expect(model.maxExpressId).toBe(golden.maxExpressId);
      const counts = model.typeCounts();
      expect(Object.keys(counts).length).toBe(golden.typeCount);
      expect(counts).toEqual(golden.typeCounts);
      expect(model.warnings).toEqual([]);
    });
  }
});
