import { randomBytes } from 'node:crypto';
import { createServer, Socket, type Server } from 'node:net';
import fc from 'fast-check';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { mqttBroker } from '../../test/mqtt-broker.js';
import type { Sample } from '../store/sample.js';
import { decodeMqttPayload, subscribeMqtt, topicMatches } from './mqtt.js';
import type { MqttEvent, MqttStats, MqttSubscription } from './mqtt.js';

const broker = await mqttBroker();
const enc = (text: string) => new TextEncoder().encode(text);

describe('decodeMqttPayload', () => {
  it('reads numbers as text, German decimals, switch words and JSON objects', () => {
    expect(decodeMqttPayload(enc('21.5'))).toEqual({ value: 21.5 });
    expect(decodeMqttPayload(enc(' 21,5\n'))).toEqual({ value: 21.5 });
    expect(decodeMqttPayload(enc('-3e2'))).toEqual({ value: -300 });
    expect(decodeMqttPayload(enc('ON'))).toEqual({ value: 1 });
    expect(decodeMqttPayload(enc('aus'))).toEqual({ value: 0 });
    expect(decodeMqttPayload(enc('{"value":61.25,"time":"2026-01-05T08:00:00Z","quality":"uncertain"}'))).toEqual({
      value: 61.25,
      time: Date.UTC(2026, 0, 5, 8),
      quality: 1,
    });
    expect(decodeMqttPayload(enc('{"v":true,"ts":1767600000}'))).toEqual({ value: 1, time: 1_767_600_000_000 });
    expect(decodeMqttPayload(enc('{"val":"7","timestamp":1767600000123,"q":2}'))).toEqual({ value: 7, time: 1_767_600_000_123, quality: 2 });
  });
  it('refuses what is not a usable value with a reason', () => {
    expect(decodeMqttPayload(enc('kaputt'))).toBe('not-a-number');
    expect(decodeMqttPayload(enc('1.000,5'))).toBe('not-a-number');
    expect(decodeMqttPayload(enc('NaN'))).toBe('not-a-number');
    expect(decodeMqttPayload(enc('1e999'))).toBe('not-a-number');
    expect(decodeMqttPayload(enc('{"value":"x"}'))).toBe('not-a-number');
    expect(decodeMqttPayload(enc('{"value":1'))).toBe('not-a-number');
    expect(decodeMqttPayload(enc('[1]'))).toBe('not-a-number');
    expect(decodeMqttPayload(enc('{"value":1,"time":"gestern"}'))).toBe('invalid-time');
    expect(decodeMqttPayload(enc('{"value":1,"time":-5}'))).toBe('invalid-time');
    expect(decodeMqttPayload(enc('{"value":1,"quality":"prima"}'))).toBe('invalid-quality');
    expect(decodeMqttPayload(new Uint8Array(70_000))).toBe('too-large');
  });
  it('never throws and yields finite values for any bytes (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.json().map(enc), fc.string().map(enc)), (bytes) => {
        const r = decodeMqttPayload(bytes);
        if (typeof r !== 'string') expect(Number.isFinite(r.value)).toBe(true);
      }),
    );
  });
});

describe('topicMatches', () => {
  it('follows the MQTT wildcard rules', () => {
    expect(topicMatches('a/+/c', 'a/b/c')).toBe(true);
    expect(topicMatches('a/+/c', 'a/b/d')).toBe(false);
    expect(topicMatches('a/#', 'a')).toBe(true);
    expect(topicMatches('a/#', 'a/b/c')).toBe(true);
    expect(topicMatches('#', '$SYS/x')).toBe(false);
    expect(topicMatches('+/x', '$SYS/x')).toBe(false);
    expect(topicMatches('a/b', 'a/b/c')).toBe(false);
  });
});

describe('subscribeMqtt input checks', () => {
  it('refuses bad URLs and topic filters with typed errors', () => {
    expect(() => subscribeMqtt({ url: 'nicht da', topics: [{ filter: 'a' }] })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => subscribeMqtt({ url: 'http://127.0.0.1', topics: [{ filter: 'a' }] })).toThrow(/mqtt:\/\//);
    expect(() => subscribeMqtt({ url: 'mqtt://127.0.0.1', topics: [] })).toThrow(/no topics/);
    expect(() => subscribeMqtt({ url: 'mqtt://127.0.0.1', topics: [{ filter: 'a/#/b' }] })).toThrow(/invalid topic filter/);
    expect(() => subscribeMqtt({ url: 'mqtt://127.0.0.1', topics: [{ filter: 'a/b+' }] })).toThrow(/invalid topic filter/);
  });
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const publisher = async (): Promise<MqttClient> => {
  const p = await connectAsync(broker.url, { clientId: `foederal-test-pub-${randomBytes(4).toString('hex')}` });
  cleanups.push(() => p.endAsync());
  return p;
};
const prefix = () => `foederal-test/${randomBytes(6).toString('hex')}`;
const waitFor = async (check: () => boolean, what: string, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const take = async (subscription: MqttSubscription, n: number): Promise<Sample[]> => {
  // next() without return(): breaking out of for-await would end the subscription.
  const iterator = subscription[Symbol.asyncIterator]();
  const out: Sample[] = [];
  while (out.length < n) {
    const r = await iterator.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
};
const balanced = (s: MqttStats) => s.received === s.delivered + s.rejected + s.dropped + s.queued + s.undelivered + s.duplicates;

describe.skipIf(!broker.available)('subscribeMqtt on the real broker', () => {
  it('delivers published values as samples with point ids from the topic mapping', async () => {
    const base = prefix();
    const subscription = subscribeMqtt({
      url: broker.url,
      topics: [
        { filter: `${base}/+/temperatur`, pointId: (topic) => `SCHULE.${topic.split('/')[2]}.RT` },
        { filter: `${base}/pumpe`, pointId: 'HZG.PUMPE.BM' },
      ],
    });
    cleanups.push(() => subscription.close());
    await subscription.ready;
    const pub = await publisher();
    const before = Date.now();
    await pub.publishAsync(`${base}/raum-101/temperatur`, '21,5', { qos: 1 });
    await pub.publishAsync(`${base}/pumpe`, '{"value":true,"time":"2026-01-05T22:00:00Z","quality":"good"}', { qos: 1 });
    await pub.publishAsync(`${base}/raum-102/temperatur`, JSON.stringify({ v: 19.75, q: 'bad' }), { qos: 1 });
    const samples = await take(subscription, 3);
    expect(samples.map((s) => [s.pointId, s.value, s.quality])).toEqual([
      ['SCHULE.raum-101.RT', 21.5, 0],
      ['HZG.PUMPE.BM', 1, 0],
      ['SCHULE.raum-102.RT', 19.75, 2],
    ]);
    expect(samples[1]!.time).toBe(Date.UTC(2026, 0, 5, 22));
    expect(samples[0]!.time).toBeGreaterThanOrEqual(before);
    expect(subscription.stats()).toMatchObject({ received: 3, delivered: 3, rejected: 0, dropped: 0, connected: true });
  });

  it('counts and reports refused messages with topic and reason, and keeps going', async () => {
    const base = prefix();
    const events: MqttEvent[] = [];
    const subscription = subscribeMqtt({
      url: broker.url,
      topics: [{ filter: `${base}/#` }],
      onEvent: (e) => {
        events.push(e);
        throw new Error('a careless callback'); // must not break the client
      },
    });
    cleanups.push(() => subscription.close());
    await subscription.ready;
    const pub = await publisher();
    for (const payload of ['kaputt', '{"value":1,"time":"gestern"}', '{"value":1,"quality":"prima"}', '42']) {
      await pub.publishAsync(`${base}/x`, payload, { qos: 1 });
    }
    const [sample] = await take(subscription, 1);
    expect(sample).toMatchObject({ pointId: `${base}/x`, value: 42 });
    const stats = subscription.stats();
    expect(stats).toMatchObject({ received: 4, delivered: 1, rejected: 3 });
    expect(stats.rejectedByReason).toEqual({ 'not-a-number': 1, 'invalid-time': 1, 'invalid-quality': 1 });
    const rejected = events.filter((e) => e.type === 'rejected');
    expect(rejected.map((e) => e.type === 'rejected' && [e.topic, e.reason, e.error.code])).toEqual([
      [`${base}/x`, 'not-a-number', 'live-protocol'],
      [`${base}/x`, 'invalid-time', 'live-protocol'],
      [`${base}/x`, 'invalid-quality', 'live-protocol'],
    ]);
    expect(balanced(stats)).toBe(true);
  });

  it('refuses what a throwing custom decoder or point-id function gives, without stopping', async () => {
    const base = prefix();
    const subscription = subscribeMqtt({
      url: broker.url,
      topics: [{ filter: `${base}/+`, pointId: (topic) => (topic.endsWith('/leer') ? '' : topic.endsWith('/wirft') ? (() => { throw new Error('x'); })() : 'OK') }],
      decode: (payload) => {
        const text = new TextDecoder().decode(payload);
        if (text === 'boom') throw new Error('decoder bug');
        return text === 'nan' ? { value: Number.NaN } : { value: Number(text) };
      },
    });
    cleanups.push(() => subscription.close());
    await subscription.ready;
    const pub = await publisher();
    await pub.publishAsync(`${base}/a`, 'boom', { qos: 1 });
    await pub.publishAsync(`${base}/a`, 'nan', { qos: 1 });
    await pub.publishAsync(`${base}/wirft`, '1', { qos: 1 });
    await pub.publishAsync(`${base}/leer`, '1', { qos: 1 });
    await pub.publishAsync(`${base}/a`, '5', { qos: 1 });
    expect(await take(subscription, 1)).toMatchObject([{ pointId: 'OK', value: 5 }]);
    expect(subscription.stats().rejectedByReason).toEqual({ 'decode-error': 2, 'not-a-number': 1, 'unmapped-topic': 1 });
  });

  it('drops the oldest samples beyond maxQueue for a slow consumer and counts them', async () => {
    const base = prefix();
    const events: MqttEvent[] = [];
    const subscription = subscribeMqtt({ url: broker.url, topics: [{ filter: `${base}/v` }], maxQueue: 3, onEvent: (e) => events.push(e) });
    cleanups.push(() => subscription.close());
    await subscription.ready;
    const pub = await publisher();
    for (let i = 1; i <= 10; i++) await pub.publishAsync(`${base}/v`, String(i), { qos: 1 });
    await waitFor(() => subscription.stats().received === 10, '10 messages');
    expect(subscription.stats()).toMatchObject({ dropped: 7, queued: 3 });
    expect((await take(subscription, 3)).map((s) => s.value)).toEqual([8, 9, 10]);
    // Breaking out of for-await ends the subscription, like any async iterator.
    await pub.publishAsync(`${base}/v`, '11', { qos: 1 });
    for await (const s of subscription) {
      expect(s.value).toBe(11);
      break;
    }
    expect(await take(subscription, 1)).toEqual([]);
    expect(events.find((e) => e.type === 'dropped')).toMatchObject({ count: 1, error: { code: 'live-connection' } });
    await subscription.close();
    expect(balanced(subscription.stats())).toBe(true);
  });

  it('ends the iteration on abort and counts what was left undelivered', async () => {
    const base = prefix();
    const controller = new AbortController();
    const subscription = subscribeMqtt({ url: broker.url, topics: [{ filter: `${base}/v` }], signal: controller.signal });
    await subscription.ready;
    const pub = await publisher();
    await pub.publishAsync(`${base}/v`, '1', { qos: 1 });
    await pub.publishAsync(`${base}/v`, '2', { qos: 1 });
    await waitFor(() => subscription.stats().received === 2, '2 messages');
    controller.abort();
    expect(await take(subscription, 5)).toEqual([]);
    expect(subscription.stats()).toMatchObject({ received: 2, undelivered: 2, delivered: 0 });
  });

  it('survives the broker going away: offline event, reconnect, and the messages published meanwhile arrive', async () => {
    // A TCP relay in front of the real broker that we can take down and bring back.
    const sockets = new Set<Socket>();
    const relay = (): Server =>
      createServer((downstream) => {
        const upstream = new Socket();
        sockets.add(downstream).add(upstream);
        upstream.connect(broker.port, broker.host);
        downstream.pipe(upstream).pipe(downstream);
        const close = () => {
          downstream.destroy();
          upstream.destroy();
        };
        downstream.on('error', close).on('close', close);
        upstream.on('error', close).on('close', close);
      });
    let server = relay();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const stop = async () => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
    cleanups.push(() => (server.listening ? stop() : undefined));

    const base = prefix();
    const events: MqttEvent[] = [];
    const subscription = subscribeMqtt({
      url: `mqtt://127.0.0.1:${port}`,
      topics: [{ filter: `${base}/v` }],
      clientId: `foederal-test-${randomBytes(4).toString('hex')}`,
      reconnectPeriodMs: 100,
      onEvent: (e) => events.push(e),
    });
    cleanups.push(() => subscription.close());
    await subscription.ready;
    const pub = await publisher();
    await pub.publishAsync(`${base}/v`, '1', { qos: 1 });
    expect((await take(subscription, 1)).map((s) => s.value)).toEqual([1]);

    await stop(); // the broker "goes away"
    await waitFor(() => events.some((e) => e.type === 'offline'), 'offline event');
    for (let i = 2; i <= 6; i++) await pub.publishAsync(`${base}/v`, String(i), { qos: 1 }); // published while offline
    await waitFor(() => subscription.stats().reconnects >= 1, 'a reconnection attempt');

    server = relay();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)); // the broker is back
    expect((await take(subscription, 5)).map((s) => s.value)).toEqual([2, 3, 4, 5, 6]);
    const offline = events.find((e) => e.type === 'offline');
    expect(offline).toMatchObject({ error: { code: 'live-connection' } });
    expect(events.filter((e) => e.type === 'connected').map((e) => e.type === 'connected' && e.sessionPresent)).toEqual([false, true]);
    const stats = subscription.stats();
    // Message 1 comes again (flagged DUP) when its acknowledgement was lost with the connection.
    expect(stats).toMatchObject({ delivered: 6, dropped: 0, rejected: 0, connected: true });
    expect(stats.received).toBe(6 + stats.duplicates);
    expect(balanced(stats)).toBe(true);
  });

  it('keeps retrying an unreachable broker without crashing and ends on abort', async () => {
    const unused = createServer();
    await new Promise<void>((resolve) => unused.listen(0, '127.0.0.1', resolve));
    const port = (unused.address() as { port: number }).port;
    await new Promise<void>((resolve) => unused.close(() => resolve()));
    const events: MqttEvent[] = [];
    const controller = new AbortController();
    const subscription = subscribeMqtt({
      url: `mqtt://127.0.0.1:${port}`,
      topics: [{ filter: 'x' }],
      reconnectPeriodMs: 50,
      signal: controller.signal,
      onEvent: (e) => events.push(e),
    });
    await waitFor(() => subscription.stats().reconnects >= 2, 'two reconnection attempts');
    expect(events.some((e) => e.type === 'offline' && e.error.code === 'live-connection')).toBe(true);
    controller.abort();
    await expect(subscription.ready).rejects.toMatchObject({ code: 'aborted' });
    expect(await take(subscription, 1)).toEqual([]);
  });
});

describe('subscribeMqtt against a broker that refuses (no real broker needed)', () => {
  it('ends with a live-connection error when the broker refuses the connection', async () => {
    // A fake broker answering every CONNECT with CONNACK "not authorized" (MQTT 3.1.1 return code 5).
    const fake = createServer((socket) => {
      socket.once('data', () => socket.write(Buffer.from([0x20, 0x02, 0x00, 0x05])));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => fake.close(() => resolve())));
    const port = (fake.address() as { port: number }).port;
    const subscription = subscribeMqtt({ url: `mqtt://127.0.0.1:${port}`, topics: [{ filter: 'x' }], username: 'falsch', password: 'falsch' });
    await expect(subscription.ready).rejects.toMatchObject({ code: 'live-connection', message: expect.stringContaining('refused the connection') });
    await expect(take(subscription, 1)).rejects.toMatchObject({ code: 'live-connection' });
  });
});
