// Cross-check against the peer web-ifc 0.0.78 on every corpus model: type counts, storey names
// and space names must agree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import * as WebIFC from 'web-ifc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIfc } from './open.js';

const ifc = corpus('ifc');

function models(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...models(join(dir, e.name)));
    else if (e.name.endsWith('.ifc')) out.push(join(dir, e.name));
  }
  return out.sort();
}

/** web-ifc's `{ type, value }` label, or null. */
function label(v: unknown): string | null {
  return v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value) : null;
}

describe.skipIf(!ifc.available)('agreement with web-ifc', () => {
  const api = new WebIFC.IfcAPI();
  beforeAll(async () => {
    await api.Init(undefined, true);
  });
  afterAll(() => api.Dispose());
  const files = ifc.available ? models(ifc.path) : [];
  for (const file of files) {
    it(`${file.slice(ifc.path.length + 1)}: type counts, storey and space names`, () => {
      const bytes = readFileSync(file);
      const model = parseIfc(bytes);
      const id = api.OpenModel(new Uint8Array(bytes));
      try {
        const theirs: Record<string, number> = {};
        const all = api.GetAllLines(id);
        for (let k = 0; k < all.size(); k++) {
          const name = api.GetNameFromTypeCode(api.GetLineType(id, all.get(k))).toUpperCase();
          theirs[name] = (theirs[name] ?? 0) + 1;
        }
        expect(model.typeCounts()).toEqual(theirs);
        for (const [type, code] of [
          ['IFCBUILDINGSTOREY', WebIFC.IFCBUILDINGSTOREY],
          ['IFCSPACE', WebIFC.IFCSPACE],
        ] as const) {
          const ids = api.GetLineIDsWithType(id, code);
          const theirNames: (string | null)[] = [];
          for (let k = 0; k < ids.size(); k++) theirNames.push(label(api.GetLine(id, ids.get(k)).Name));
          const ours = model.ofType(type).map((e) => model.get(e)?.attributes['Name'] ?? null);
          expect(ours.sort(), type).toEqual(theirNames.sort());
        }
      } finally {
        api.CloseModel(id);
      }
    });
  }
});
