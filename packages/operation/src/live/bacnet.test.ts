import { createSocket, type Socket } from 'node:dgram';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { OperationError } from '../errors.js';
import { sampleQuality } from '../store/sample.js';
import type { Sample } from '../store/sample.js';
import { createBacnetReader } from './bacnet.js';
import type { BacnetObjectRef, BacnetReader } from './bacnet.js';
import { startBacnetSimulator } from './bacnet-simulator.js';
import { BacnetClientClass } from './bacnet-stack.js';
import type { BacnetSimulator } from './bacnet-simulator.js';
import { SafeBacnetTransport } from './bacnet-transport.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const reader = async (timeoutMs = 1000): Promise<BacnetReader> => {
  const r = await createBacnetReader({ interface: '127.0.0.1', timeoutMs });
  cleanups.push(() => r.close());
  return r;
};
const simulator = async (): Promise<BacnetSimulator> => {
  const s = await startBacnetSimulator({
    deviceId: 1201,
    objects: [
      { objectType: 0, instance: 1, presentValue: 21.5, name: 'RT Raum 101' },
      { objectType: 0, instance: 2, presentValue: 61.25, status: { fault: true } },
      { objectType: 1, instance: 7, presentValue: 35, status: { overridden: true } },
      { objectType: 3, instance: 4, presentValue: 1 },
      { objectType: 19, instance: 9, presentValue: 3, status: { outOfService: true } },
    ],
  });
  cleanups.push(() => s.close());
  return s;
};
/** A UDP socket on loopback that receives and never answers. */
const silentDevice = async (): Promise<{ socket: Socket; address: string }> => {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return { socket, address: `127.0.0.1:${socket.address().port}` };
};

const objects: BacnetObjectRef[] = [
  { pointId: 'RT.101', objectType: 0, instance: 1 },
  { pointId: 'HZG.VL', objectType: 0, instance: 2 },
  { pointId: 'HZG.VENTIL', objectType: 1, instance: 7 },
  { pointId: 'HZG.PUMPE.BM', objectType: 3, instance: 4 },
  { pointId: 'LUE.STUFE', objectType: 19, instance: 9 },
];

describe('BACnet/IP reader against a simulated device on loopback', () => {
  it('reads Present_Value and derives the quality from Status_Flags', async () => {
    const device = await simulator();
    const r = await reader();
    const before = Date.now();
    const { samples, errors } = await r.readPresentValues({ address: device.address, deviceId: 1201 }, objects);
    const after = Date.now();
    expect(errors).toEqual([]);
    expect(samples.map((s) => [s.pointId, s.value, s.quality])).toEqual([
      ['RT.101', 21.5, sampleQuality.good],
      ['HZG.VL', 61.25, sampleQuality.bad], // fault
      ['HZG.VENTIL', 35, sampleQuality.uncertain], // overridden
      ['HZG.PUMPE.BM', 1, sampleQuality.good], // binary-input active
      ['LUE.STUFE', 3, sampleQuality.uncertain], // out of service
    ]);
    for (const s of samples) {
      expect(s.time).toBeGreaterThanOrEqual(before);
      expect(s.time).toBeLessThanOrEqual(after);
    }
    // Present_Value and Status_Flags per object
    expect(device.requests).toBe(10);
    expect(r.stats()).toMatchObject({ requests: 10, samples: 5, timeouts: 0, protocolErrors: 0, malformed: 0 });
  });

  it('names device and object in the error for an unknown object and still reads the others', async () => {
    const device = await simulator();
    const r = await reader();
    const { samples, errors } = await r.readPresentValues({ address: device.address, deviceId: 1201 }, [
      { pointId: 'RT.101', objectType: 0, instance: 1 },
      { pointId: 'FEHLT', objectType: 2, instance: 99 },
    ]);
    expect(samples.map((s) => s.pointId)).toEqual(['RT.101']);
    expect(errors).toHaveLength(1);
    const error = errors[0]!;
    expect(OperationError.isInstance(error)).toBe(true);
    expect(error.code).toBe('live-protocol');
    expect(error.point).toBe('FEHLT');
    expect(error.message).toContain(`${device.address} (device 1201), analog-value 99, present-value`);
    expect(error.message).toMatch(/Class:1 - Code:31/); // object, unknown-object
  });

  it('polls until aborted and follows changed values', async () => {
    const device = await simulator();
    const r = await reader();
    const controller = new AbortController();
    const seen: Sample[] = [];
    for await (const sample of r.poll({ address: device.address }, [objects[0]!], { intervalMs: 20, signal: controller.signal })) {
      seen.push(sample);
      if (seen.length === 1) device.set(0, 1, 22.75);
      if (seen.length === 3) controller.abort();
    }
    expect(seen.map((s) => s.value)).toEqual([21.5, 22.75, 22.75]);
  });

  it('hands the errors of a poll round to onError and goes on', async () => {
    const device = await simulator();
    const r = await reader();
    const controller = new AbortController();
    const errors: OperationError[] = [];
    const seen: Sample[] = [];
    const wanted = [objects[0]!, { pointId: 'FEHLT', objectType: 2, instance: 99 }];
    for await (const sample of r.poll({ address: device.address }, wanted, { intervalMs: 10, signal: controller.signal, onError: (e) => errors.push(e) })) {
      seen.push(sample);
      if (seen.length === 2) controller.abort();
    }
    expect(seen.map((s) => s.pointId)).toEqual(['RT.101', 'RT.101']);
    expect(errors.map((e) => [e.code, e.point])).toEqual([
      ['live-protocol', 'FEHLT'],
      ['live-protocol', 'FEHLT'],
    ]);
  });

  it('subscribes to COV: initial values, a change, errors for refused objects, cancelled on abort', async () => {
    const device = await simulator();
    const r = await reader();
    const controller = new AbortController();
    const errors: OperationError[] = [];
    const seen: Sample[] = [];
    const wanted = [objects[0]!, objects[2]!, { pointId: 'FEHLT', objectType: 2, instance: 99 }];
    for await (const sample of r.subscribeCov({ address: device.address, deviceId: 1201 }, wanted, { lifetimeSeconds: 60, signal: controller.signal, onError: (e) => errors.push(e) })) {
      seen.push(sample);
      if (seen.length === 2) {
        expect(device.subscriptions).toBe(2);
        device.set(0, 1, 23.25, { fault: true });
      }
      if (seen.length === 3) controller.abort();
    }
    // initial notifications of both objects (in either order), then the change
    expect(seen.slice(0, 2).map((s) => [s.pointId, s.value, s.quality]).sort()).toEqual([
      ['HZG.VENTIL', 35, sampleQuality.uncertain],
      ['RT.101', 21.5, sampleQuality.good],
    ]);
    expect([seen[2]!.pointId, seen[2]!.value, seen[2]!.quality]).toEqual(['RT.101', 23.25, sampleQuality.bad]);
    expect(errors.map((e) => [e.code, e.point])).toEqual([['live-protocol', 'FEHLT']]);
    expect(errors[0]!.message).toContain('analog-value 99, subscribe-cov');
    expect(device.subscriptions).toBe(0); // cancelled when the iteration ended
    expect(r.stats().notifications).toBe(3);
  });

  it('reports a COV subscription the device does not answer through onError', async () => {
    const { address } = await silentDevice();
    const r = await reader(200);
    const controller = new AbortController();
    const errors: OperationError[] = [];
    const iteration = (async () => {
      for await (const sample of r.subscribeCov({ address }, [objects[0]!], { signal: controller.signal, onError: (e) => errors.push(e) })) {
        throw new Error(`unexpected sample ${sample.pointId}`);
      }
    })();
    for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await iteration;
    expect(errors.map((e) => e.code)).toEqual(['live-timeout']);
    expect(errors[0]!.message).toContain('subscribe-cov');
  });

  it('reports a device that does not answer as live-timeout naming device and object', async () => {
    const { address } = await silentDevice();
    const r = await reader(250);
    const { samples, errors } = await r.readPresentValues({ address, deviceId: 77 }, objects.slice(0, 2));
    expect(samples).toEqual([]);
    expect(errors.map((e) => [e.code, e.point])).toEqual([
      ['live-timeout', 'RT.101'],
      ['live-timeout', 'HZG.VL'],
    ]);
    expect(errors[0]!.message).toContain(`${address} (device 77), analog-input 1, present-value`);
    expect(r.stats().timeouts).toBe(2);
  });

  it('reports a non-numeric Present_Value as live-protocol', async () => {
    const transport = new SafeBacnetTransport({ port: 0, interface: '127.0.0.1', broadcastAddress: '255.255.255.255' });
    const odd = new BacnetClientClass({ transport });
    cleanups.push(() => odd.close());
    const port = await transport.listening;
    odd.on('readProperty', (content) => {
      const { objectId, property } = content.payload;
      // A character string where a number belongs, or an answer for another object.
      const answerFor = objectId.instance === 2 ? { type: objectId.type, instance: 3 } : objectId;
      odd.readPropertyResponse(content.header!.sender, content.invokeId!, answerFor, property, { type: 7, value: 'kaputt' });
    });
    const r = await reader();
    const { samples, errors } = await r.readPresentValues({ address: `127.0.0.1:${port}` }, objects.slice(0, 2));
    expect(samples).toEqual([]);
    expect(errors.map((e) => e.code)).toEqual(['live-protocol', 'live-protocol']);
    expect(errors[0]!.message).toContain('data type 7 instead of a number');
    expect(errors[1]!.message).toContain('answer for another object: analog-input 3');
  });

  it('survives garbage and mutated answers: no crash, a typed error or a sample per object, malformed datagrams counted', async () => {
    const device = await simulator();
    const { socket, address } = await silentDevice();
    // A relay in front of the simulator that corrupts the answers.
    let mutate: (answer: Buffer) => Buffer = (b) => b;
    let readerAddress: { port: number; address: string } | undefined;
    const [simHost, simPort] = device.address.split(':') as [string, string];
    socket.on('message', (message, remote) => {
      if (remote.port === Number(simPort)) {
        if (readerAddress) socket.send(mutate(message), readerAddress.port, readerAddress.address);
      } else {
        readerAddress = { port: remote.port, address: remote.address };
        socket.send(message, Number(simPort), simHost);
      }
    });
    const r = await reader(150);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 0, maxLength: 40 }).map((garbage) => () => Buffer.from(garbage)),
          fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => (answer: Buffer) => {
            const copy = Buffer.from(answer);
            copy[at % copy.length] = byte;
            return copy;
          }),
          fc.nat().map((cut) => (answer: Buffer) => answer.subarray(0, cut % answer.length)),
        ),
        async (corrupt) => {
          mutate = corrupt;
          const { samples, errors } = await r.readPresentValues({ address }, [objects[0]!]);
          expect(samples.length + errors.length).toBe(1);
          for (const e of errors) expect(['live-timeout', 'live-protocol']).toContain(e.code);
          for (const s of samples) expect(Number.isFinite(s.value)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
    const stats = r.stats();
    expect(stats.samples + stats.timeouts + stats.protocolErrors).toBeGreaterThanOrEqual(25);
    // After the storm the reader still reads correctly.
    mutate = (b) => b;
    const { samples } = await r.readPresentValues({ address }, [objects[0]!]);
    expect(samples[0]?.value).toBe(21.5);
  });

  it('drops and counts a datagram that makes the stack throw (the stack alone would crash the process)', async () => {
    const device = await simulator();
    const r = await reader();
    const { socket } = await silentDevice();
    // A Register-Foreign-Device BVLC with a bad length: the stack's decoder throws a RangeError.
    const poison = Buffer.from('8105001400400040004000380000400040004000', 'hex');
    await new Promise<void>((resolve) => socket.send(poison, r.port, '127.0.0.1', () => resolve()));
    for (let i = 0; i < 50 && r.stats().malformed === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(r.stats().malformed).toBe(1);
    const { samples } = await r.readPresentValues({ address: device.address }, [objects[0]!]);
    expect(samples[0]?.value).toBe(21.5);
  });

  it('refuses a local port that is taken with live-connection', async () => {
    const { socket } = await silentDevice();
    await expect(createBacnetReader({ interface: '127.0.0.1', port: socket.address().port })).rejects.toMatchObject({
      code: 'live-connection',
    });
  });

  it('refuses a bad address and an aborted read with typed errors', async () => {
    const r = await reader();
    await expect(r.readPresentValues({ address: 'not an address' }, objects)).rejects.toMatchObject({ code: 'invalid-input' });
    const { address } = await silentDevice();
    const controller = new AbortController();
    const pending = r.readPresentValues({ address }, objects, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    await r.close();
    await expect(r.readPresentValues({ address }, objects)).rejects.toMatchObject({ code: 'live-connection' });
  });
});
