import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { IfcError } from './errors.js';
import { openIfcFile } from './node.js';
import { openIfc, parseIfc } from './open.js';

const ifc = corpus('ifc');
const dir = mkdtempSync(join(tmpdir(), 'foederal-ifc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!ifc.available)('openIfcFile', () => {
  const path = join(ifc.path, 'duplex.ifc');
  it('reads a file in chunks with progress and gives the same model as parseIfc', async () => {
    const progress: number[] = [];
    const m = await openIfcFile(path, { onProgress: (p) => progress.push(p.bytes) });
    const expected = parseIfc(readFileSync(path));
    expect(m.size).toBe(expected.size);
    expect(m.typeCounts()).toEqual(expected.typeCounts());
    expect(progress.at(-1)).toBe(readFileSync(path).length);
  });
  it('reads .ifczip files', async () => {
    const zipPath = join(dir, 'duplex.ifczip');
    writeFileSync(zipPath, zipSync({ 'duplex.ifc': readFileSync(path) }));
    const m = await openIfcFile(zipPath);
    expect(m.schema).toBe('IFC2X3');
    expect(m.size).toBe(parseIfc(readFileSync(path)).size);
  });
  it('reads Node streams through openIfc', async () => {
    const m = await openIfc(createReadStream(path, { highWaterMark: 10_000 }));
    expect(m.typeCounts()).toEqual(parseIfc(readFileSync(path)).typeCounts());
  });
  it('stops when aborted and reports missing files as io errors', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(openIfcFile(path, { signal: ac.signal })).rejects.toMatchObject({ code: 'aborted' });
    const err = await openIfcFile(join(dir, 'missing.ifc')).catch((e: unknown) => e);
    expect(IfcError.isInstance(err)).toBe(true);
    expect((err as IfcError).code).toBe('io');
  });
});
