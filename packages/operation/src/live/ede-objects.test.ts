import { importEde } from '@foederal/building-data';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSchoolEde } from '../examples/demo-school.js';
import { openSqliteSampleStore } from '../store/sqlite.js';
import { createBacnetReader } from './bacnet.js';
import { startBacnetSimulator } from './bacnet-simulator.js';
import { bacnetObjectsFromDataPoints } from './ede-objects.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('bacnetObjectsFromDataPoints', () => {
  it('turns the demo school EDE list into objects of its device and reads them live into a store', async () => {
    const { dataPoints } = await importEde(demoSchoolEde);
    const objects = bacnetObjectsFromDataPoints(dataPoints, { deviceInstance: 1001 });
    expect(objects).toHaveLength(dataPoints.length); // all 15 are analog, binary or multi-state objects
    expect(bacnetObjectsFromDataPoints(dataPoints, { deviceInstance: 9 })).toEqual([]);
    for (const [i, o] of objects.entries()) {
      const p = dataPoints[i]!;
      expect(o.pointId).toBe(p.key ?? p.name);
      expect(o.instance).toBe(p.objectIdentifier.instance);
    }
    // One simulated device holding every object, value = 10 × position + 0.5 (exact in REAL) or position for binary/multi-state.
    const enumerated = new Set([3, 4, 5, 13, 14, 19]);
    const valueOf = (i: number, type: number) => (enumerated.has(type) ? i % 2 : 10 * i + 0.5);
    const device = await startBacnetSimulator({
      deviceId: 1001,
      objects: objects.map((o, i) => ({ objectType: o.objectType, instance: o.instance, presentValue: valueOf(i, o.objectType) })),
    });
    cleanups.push(() => device.close());
    const reader = await createBacnetReader({ interface: '127.0.0.1' });
    cleanups.push(() => reader.close());
    const { samples, errors } = await reader.readPresentValues({ address: device.address, deviceId: 1001 }, objects);
    expect(errors).toEqual([]);
    expect(samples.map((s) => [s.pointId, s.value])).toEqual(objects.map((o, i) => [o.pointId, valueOf(i, o.objectType)]));

    const store = await openSqliteSampleStore({ file: ':memory:' });
    cleanups.push(() => store.close());
    expect((await store.write(samples)).written).toBe(objects.length);
    expect(await store.points()).toEqual(objects.map((o) => o.pointId).sort());
  });
});
