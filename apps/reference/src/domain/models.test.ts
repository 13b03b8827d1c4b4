import { describe, expect, it } from 'vitest';
import { sqliteBackend, freshRepository } from '../../test/backends.js';
import type { Repository } from '../db/repository.js';
import { school, schoolAreas, schoolIfc } from '../demo/school-ifc.js';
import { schoolIds } from '../demo/school-ids.js';
import { analyseModel, checkModel, uploadModel } from './models.js';

describe('building models', () => {
  let repo: Repository;
  freshRepository(sqliteBackend(), (opened) => (repo = opened));

  it('reads the generated school: storeys, spaces and the DIN 277 sums written into it', async () => {
    const { summary } = await analyseModel(new TextEncoder().encode(schoolIfc()));
    expect(summary.schema).toBe('IFC4');
    const storeys = summary.buildings[0]!.storeys;
    expect(storeys.map((s) => [s.name, s.elevation, s.spaces.length])).toEqual(school.storeys.map((s) => [s.name, s.elevation, s.spaces.length]));
    const expected = schoolAreas();
    expect(summary.areas.nuf5).toBeCloseTo(expected['NUF 5'] as number, 2);
    expect(summary.areas.vf).toBeCloseTo(expected['VF'] as number, 2);
    expect(summary.areas.nrf).toBeCloseTo(Object.values(expected).reduce((a, b) => a + b, 0), 2);
    expect(summary.spacesWithoutArea).toBe(1);
  });

  it('stores the reading progress of a large upload and ends ready', async () => {
    const filler = Array.from({ length: 200_000 }, (_, i) => `#${100000 + i}=IFCCARTESIANPOINT((${i}.,0.,0.));`).join('\n');
    const bytes = new TextEncoder().encode(schoolIfc().replace('ENDSEC;\nEND-ISO', `${filler}\nENDSEC;\nEND-ISO`));
    expect(bytes.byteLength).toBeGreaterThan(8 * 1024 * 1024);
    const { doc, task } = await uploadModel(repo, { name: 'Groß', fileName: 'gross.ifc', bytes, uploadedBy: 'Test', now: new Date() });
    expect(doc.data.state).toBe('reading');
    await task;
    const done = await repo.models.require(doc.id);
    expect((done.data).state).toBe('ready');
    expect((done.data).progress).toBe(100);
    // version 1 at upload, at least one progress write, then the result
    expect(done.version).toBeGreaterThanOrEqual(3);
  });

  it('checks a stored model against the demo IDS: exactly the room without an area fails', async () => {
    const { doc, task } = await uploadModel(repo, { name: 'Schule', fileName: 'schule.ifc', bytes: new TextEncoder().encode(schoolIfc()), uploadedBy: 'Test', now: new Date() });
    await task;
    const { report } = await checkModel(repo, doc.id, schoolIds(), 'Demo', new Date());
    expect(report.summary).toMatchObject({ specifications: 4, passed: 3, failed: 1 });
    const failing = report.specifications.find((s) => s.status === 'fail')!;
    expect(failing.failedEntities).toBe(1);
    expect(failing.requirements[0]!.failures[0]!.entity.name).toBe('1.05');
  });
});
