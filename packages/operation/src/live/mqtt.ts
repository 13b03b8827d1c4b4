import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { OperationError } from '../errors.js';
import { maxSampleTime, minSampleTime, sampleQuality } from '../store/sample.js';
import type { Sample } from '../store/sample.js';

/**
 * Which topics become which data points. `filter` is an MQTT topic filter (`+` one level, `#` the
 * rest); `pointId` names the data point: a fixed id, a function of the topic, or (absent) the
 * topic itself.
 *
 * @example
 * ```ts
 * const mapping: MqttTopicMapping = {
 *   filter: 'schule-1/+/temperatur',
 *   pointId: (topic) => `SCHULE1.${topic.split('/')[1]}.RT`,
 * };
 * ```
 */
export interface MqttTopicMapping {
  readonly filter: string;
  readonly pointId?: string | ((topic: string) => string);
}

/**
 * A decoded payload: the value, and where the payload carries them, its time and quality.
 *
 * @example
 * ```ts
 * const decoded: MqttDecodedValue = { value: 21.5, time: Date.UTC(2026, 0, 5, 8) };
 * ```
 */
export interface MqttDecodedValue {
  readonly value: number;
  readonly time?: number;
  readonly quality?: number;
}

/**
 * Why a message did not become a sample (counted, and reported through `onEvent`).
 *
 * @example
 * ```ts
 * const reason: MqttRejection = 'not-a-number';
 * ```
 */
export type MqttRejection = 'not-a-number' | 'invalid-time' | 'invalid-quality' | 'unmapped-topic' | 'too-large' | 'decode-error';

/**
 * What happens on a subscription besides samples: connection changes and refused messages, each
 * with a typed error where something went wrong.
 *
 * @example
 * ```ts
 * const onEvent = (event: MqttEvent) => {
 *   if (event.type === 'offline') console.warn(event.error.message);
 * };
 * ```
 */
export type MqttEvent =
  | { readonly type: 'connected'; readonly sessionPresent: boolean }
  | { readonly type: 'offline'; readonly error: OperationError }
  | { readonly type: 'reconnecting'; readonly attempt: number }
  | { readonly type: 'rejected'; readonly topic: string; readonly reason: MqttRejection; readonly error: OperationError }
  | { readonly type: 'dropped'; readonly count: number; readonly error: OperationError };

/**
 * Options of {@link subscribeMqtt}.
 *
 * @example
 * ```ts
 * const options: MqttSubscriptionOptions = {
 *   url: 'mqtt://127.0.0.1:1883',
 *   topics: [{ filter: 'schule-1/#' }],
 *   clientId: 'foederal-betrieb-schule-1',
 * };
 * ```
 */
export interface MqttSubscriptionOptions {
  /** Broker URL: `mqtt://`, `mqtts://`, `ws://` or `wss://`. */
  readonly url: string;
  readonly topics: readonly MqttTopicMapping[];
  /**
   * Client id. With an id the broker keeps the session while the connection is down (clean
   * session off) and hands over the QoS 1/2 messages published meanwhile; without one, a random
   * id and a clean session (messages published while offline are lost to this client).
   */
  readonly clientId?: string;
  /** Subscription QoS; default 1 (at least once: nothing is lost while the session lasts). */
  readonly qos?: 0 | 1 | 2;
  readonly username?: string;
  readonly password?: string;
  /** Default decoder: see {@link decodeMqttPayload}. */
  readonly decode?: (payload: Uint8Array, topic: string) => MqttDecodedValue | MqttRejection;
  /**
   * Samples waiting for the consumer at most; beyond that the oldest are dropped, counted and
   * reported (an `dropped` event). Default 100,000.
   */
  readonly maxQueue?: number;
  /** Wait between reconnection attempts; default 1000 ms. */
  readonly reconnectPeriodMs?: number;
  /** Ends the subscription (the iteration finishes). */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: MqttEvent) => void;
}

/**
 * Counters of a subscription. At every moment `received = delivered + rejected + dropped +
 * queued + undelivered + duplicates`, so no message disappears unnoticed.
 *
 * @example
 * ```ts
 * const s = subscription.stats();
 * console.log(s.received === s.delivered + s.rejected + s.dropped + s.queued + s.undelivered + s.duplicates); // true
 * ```
 */
export interface MqttStats {
  readonly received: number;
  readonly delivered: number;
  readonly rejected: number;
  readonly rejectedByReason: Partial<Record<MqttRejection, number>>;
  /** Dropped because the consumer fell more than `maxQueue` behind. */
  readonly dropped: number;
  /** Waiting for the consumer now. */
  readonly queued: number;
  /** Left in the queue when the subscription ended. */
  readonly undelivered: number;
  /** QoS 1/2 redeliveries (DUP flag, packet id seen before) that were delivered already. */
  readonly duplicates: number;
  readonly reconnects: number;
  readonly connected: boolean;
}

/**
 * A running subscription: iterate it for samples.
 *
 * @example
 * ```ts
 * for await (const sample of subscription) console.log(sample.pointId, sample.value);
 * ```
 */
export interface MqttSubscription extends AsyncIterable<Sample> {
  /** Resolves when the broker confirmed the subscriptions the first time. */
  readonly ready: Promise<void>;
  stats(): MqttStats;
  close(): Promise<void>;
}

const maxPayload = 65_536;
const utf8 = new TextDecoder('utf-8', { fatal: false });

function parseTime(raw: unknown): number | undefined | 'invalid' {
  if (raw === undefined || raw === null) return undefined;
  let t: number;
  if (typeof raw === 'number') t = raw < 1e11 ? raw * 1000 : raw; // seconds or milliseconds since 1970
  else if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(raw)) t = Date.parse(raw);
  else return 'invalid';
  if (!Number.isFinite(t) || t < minSampleTime || t >= maxSampleTime) return 'invalid';
  return Math.round(t);
}

function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (/^(true|on|ein|an)$/i.test(text)) return 1;
  if (/^(false|off|aus)$/i.test(text)) return 0;
  // German decimal comma ("21,5") as well as "21.5"; no thousands separators.
  const normal = /^[-+]?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normal)) return undefined;
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

const qualityNames: Readonly<Record<string, number>> = { good: 0, uncertain: 1, bad: 2, gut: 0, unsicher: 1, schlecht: 2 };

/**
 * The default payload decoder: a number as text (`21.5`, `21,5`), `true`/`false`/`on`/`off`, a
 * JSON number or boolean, or a JSON object `{ "value": 21.5, "time": "2026-01-05T08:00:00Z",
 * "quality": "good" }` (also `v`/`val`, `ts`/`timestamp` as ISO 8601 text or epoch seconds or
 * milliseconds, quality as `good`/`uncertain`/`bad` or 0/1/2). Anything else is a rejection reason.
 *
 * @example
 * ```ts
 * decodeMqttPayload(new TextEncoder().encode('{"v":1,"ts":1767600000}')); // { value: 1, time: 1767600000000 }
 * decodeMqttPayload(new TextEncoder().encode('kaputt')); // 'not-a-number'
 * ```
 */
export function decodeMqttPayload(payload: Uint8Array): MqttDecodedValue | MqttRejection {
  if (payload.length > maxPayload) return 'too-large';
  const text = utf8.decode(payload).trim();
  const direct = parseNumber(text);
  if (direct !== undefined) return { value: direct };
  if (!text.startsWith('{')) return 'not-a-number';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'not-a-number';
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'not-a-number';
  const o = json as Record<string, unknown>;
  const value = parseNumber(o['value'] ?? o['v'] ?? o['val']);
  if (value === undefined) return 'not-a-number';
  const time = parseTime(o['time'] ?? o['ts'] ?? o['timestamp']);
  if (time === 'invalid') return 'invalid-time';
  const rawQuality = o['quality'] ?? o['q'];
  let quality: number | undefined;
  if (rawQuality !== undefined) {
    quality = typeof rawQuality === 'string' ? qualityNames[rawQuality.toLowerCase()] : typeof rawQuality === 'number' ? rawQuality : undefined;
    if (quality === undefined || !Number.isInteger(quality) || quality < 0 || quality > 255) return 'invalid-quality';
  }
  return { value, ...(time === undefined ? {} : { time }), ...(quality === undefined ? {} : { quality }) };
}

/** Does an MQTT topic match a filter (`+`, `#`)? @internal */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    const part = f[i];
    if (part === '#') return i > 0 || !topic.startsWith('$');
    if (i >= t.length) return false;
    if (part === '+') {
      if (i === 0 && (t[0] ?? '').startsWith('$')) return false;
      continue;
    }
    if (part !== t[i]) return false;
  }
  return f.length === t.length;
}

function validFilter(filter: string): boolean {
  if (typeof filter !== 'string' || filter.length === 0 || filter.length > 65_535 || filter.includes('\u0000')) return false;
  const parts = filter.split('/');
  return parts.every((p, i) => (p.includes('#') ? p === '#' && i === parts.length - 1 : !p.includes('+') || p === '+'));
}

/**
 * Subscribe to MQTT topics (client `mqtt` 5) and receive their messages as samples. The client
 * reconnects by itself when the broker goes away; each loss of connection is an `offline` event
 * with a `live-connection` error, nothing throws. With a `clientId` and QoS 1 (the default) the
 * broker keeps what is published meanwhile, so nothing is lost; what cannot become a sample is
 * rejected and counted, what the consumer cannot take in time is dropped and counted
 * ({@link MqttStats}). The iteration ends when `signal` aborts or `close()` is called; it fails
 * with a `live-connection` error only when the broker refuses the connection (credentials,
 * authorisation) or a subscription, because no retry can fix that.
 *
 * @example
 * ```ts
 * const subscription = subscribeMqtt({ url: 'mqtt://127.0.0.1:1883', topics: [{ filter: 'schule-1/#' }], signal });
 * for await (const sample of subscription) await store.write([sample]);
 * ```
 */
export function subscribeMqtt(options: MqttSubscriptionOptions): MqttSubscription {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch (cause) {
    throw new OperationError('invalid-input', `Ungültige MQTT-URL / invalid MQTT URL: ${JSON.stringify(options.url)}`, { cause, location: { segment: 'url' } });
  }
  if (!/^(mqtts?|wss?):$/.test(url.protocol)) {
    throw new OperationError('invalid-input', `MQTT-URL braucht mqtt://, mqtts://, ws:// oder wss:// / MQTT URL needs mqtt://, mqtts://, ws:// or wss://: ${options.url}`, {
      location: { segment: 'url' },
    });
  }
  if (options.topics.length === 0) {
    throw new OperationError('invalid-input', 'Keine Themen / no topics to subscribe', { location: { segment: 'topics' } });
  }
  for (const t of options.topics) {
    if (!validFilter(t.filter)) {
      throw new OperationError('invalid-input', `Ungültiger Themenfilter / invalid topic filter: ${JSON.stringify(t.filter)}`, {
        location: { segment: 'topics' },
      });
    }
  }
  const qos = options.qos ?? 1;
  const maxQueue = Math.max(1, Math.floor(options.maxQueue ?? 100_000));
  const decode = options.decode ?? decodeMqttPayload;
  const userOnEvent = options.onEvent;
  // Called from MQTT.js's handlers: a throwing callback must not break the client.
  const onEvent = (event: MqttEvent): void => {
    try {
      userOnEvent?.(event);
    } catch {
      // the caller's error; the subscription goes on
    }
  };
  const where = `${url.protocol}//${url.host}`;

  const queue: Sample[] = [];
  let head = 0;
  let waiting: { resolve: (r: IteratorResult<Sample>) => void; reject: (e: unknown) => void } | undefined;
  let ended = false;
  let fatal: OperationError | undefined;
  const counters = { received: 0, delivered: 0, rejected: 0, dropped: 0, undelivered: 0, duplicates: 0, reconnects: 0 };
  const recentIds = new Set<number>();
  const rejectedByReason: Partial<Record<MqttRejection, number>> = {};
  let connected = false;
  let resolveReady: () => void = () => undefined;
  let rejectReady: (e: unknown) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined);

  const clientOptions: IClientOptions = {
    clientId: options.clientId ?? `foederal-${Math.random().toString(16).slice(2, 10)}`,
    clean: options.clientId === undefined,
    reconnectPeriod: options.reconnectPeriodMs ?? 1000,
    connectTimeout: 10_000,
    resubscribe: true,
    ...(options.username === undefined ? {} : { username: options.username }),
    ...(options.password === undefined ? {} : { password: options.password }),
  };
  const client: MqttClient = connect(options.url, clientOptions);

  const finish = (error?: OperationError) => {
    if (ended) return;
    ended = true;
    if (error) fatal = error;
    counters.undelivered += queue.length - head;
    queue.length = 0;
    head = 0;
    options.signal?.removeEventListener('abort', onAbort);
    client.end(true);
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      if (fatal) w.reject(fatal);
      else w.resolve({ done: true, value: undefined });
    }
    rejectReady(fatal ?? new OperationError('aborted', 'Abonnement beendet / subscription ended'));
  };
  const onAbort = () => finish();
  if (options.signal?.aborted) queueMicrotask(onAbort);
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const reject = (topic: string, reason: MqttRejection) => {
    counters.rejected++;
    rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + 1;
    onEvent({
      type: 'rejected',
      topic,
      reason,
      error: new OperationError('live-protocol', `MQTT-Nachricht abgelehnt (${reason}) / MQTT message refused (${reason}): ${topic}`, {
        location: { segment: topic },
      }),
    });
  };

  client.on('connect', (packet) => {
    connected = true;
    onEvent({ type: 'connected', sessionPresent: packet.sessionPresent });
    const filters = Object.fromEntries(options.topics.map((t) => [t.filter, { qos }]));
    client.subscribe(filters, (error, granted) => {
      const refused = granted?.find((g) => g.qos === 128);
      if (error || refused) {
        finish(
          new OperationError('live-connection', `MQTT-Broker ${where} verweigert das Abonnement / broker refused the subscription: ${refused?.topic ?? ''}`, {
            cause: error ?? undefined,
            location: { segment: refused?.topic ?? where },
          }),
        );
        return;
      }
      resolveReady();
    });
  });
  client.on('offline', () => {
    if (ended) return;
    connected = false;
    onEvent({
      type: 'offline',
      error: new OperationError('live-connection', `MQTT-Broker ${where} nicht erreichbar, neuer Versuch folgt / broker unreachable, will reconnect`, {
        location: { segment: where },
      }),
    });
  });
  client.on('close', () => {
    connected = false;
  });
  client.on('reconnect', () => {
    counters.reconnects++;
    onEvent({ type: 'reconnecting', attempt: counters.reconnects });
  });
  client.on('error', (error) => {
    // Network errors are followed by 'offline'/'close' and a reconnect and are reported there. A
    // broker that refuses the connection (CONNACK with a reason code: bad credentials, not
    // authorised, banned) is final: MQTT.js stops reconnecting, so the subscription ends.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number' && /^Connection refused/i.test(error.message)) {
      finish(
        new OperationError('live-connection', `MQTT-Broker ${where} lehnt die Verbindung ab / broker refused the connection: ${error.message}`, {
          cause: error,
          location: { segment: where },
        }),
      );
    }
  });
  client.on('message', (topic, payload, packet) => {
    if (ended) return;
    counters.received++;
    // QoS 1 is "at least once": a message whose acknowledgement was lost with the connection
    // comes again, flagged DUP, with the same packet id. Deliver it once.
    const id = packet.messageId;
    if (id !== undefined && packet.qos > 0) {
      if (packet.dup && recentIds.has(id)) {
        counters.duplicates++;
        return;
      }
      recentIds.add(id);
      if (recentIds.size > 4096) recentIds.delete(recentIds.values().next().value as number);
    }
    const mapping = options.topics.find((t) => topicMatches(t.filter, topic));
    if (!mapping) {
      reject(topic, 'unmapped-topic');
      return;
    }
    let decoded: MqttDecodedValue | MqttRejection;
    let pointId: string;
    try {
      decoded = decode(payload, topic);
      pointId = mapping.pointId === undefined ? topic : typeof mapping.pointId === 'string' ? mapping.pointId : mapping.pointId(topic);
    } catch {
      reject(topic, 'decode-error'); // a throwing custom decoder or point-id function must not stop the client
      return;
    }
    if (typeof decoded === 'string') {
      reject(topic, decoded);
      return;
    }
    if (typeof decoded !== 'object' || decoded === null || typeof decoded.value !== 'number' || !Number.isFinite(decoded.value)) {
      reject(topic, 'not-a-number');
      return;
    }
    if (typeof pointId !== 'string' || pointId.length === 0) {
      reject(topic, 'unmapped-topic');
      return;
    }
    const sample: Sample = {
      pointId,
      time: decoded.time ?? Date.now(),
      value: decoded.value,
      quality: decoded.quality ?? sampleQuality.good,
    };
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      counters.delivered++;
      w.resolve({ done: false, value: sample });
      return;
    }
    queue.push(sample);
    if (queue.length - head > maxQueue) {
      head++;
      counters.dropped++;
      if (counters.dropped === 1 || counters.dropped % 1000 === 0) {
        onEvent({
          type: 'dropped',
          count: counters.dropped,
          error: new OperationError('live-connection', `Verbraucher zu langsam, ${counters.dropped} älteste Werte verworfen / consumer too slow, ${counters.dropped} oldest samples dropped`, {
            location: { segment: where },
          }),
        });
      }
    }
    if (head > 4096 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  });

  return {
    ready,
    stats: () => ({
      ...counters,
      rejectedByReason: { ...rejectedByReason },
      queued: queue.length - head,
      connected,
    }),
    close: async () => {
      finish();
    },
    [Symbol.asyncIterator]: () => ({
      next: () => {
        if (head < queue.length) {
          const value = queue[head++] as Sample;
          counters.delivered++;
          if (head === queue.length) {
            queue.length = 0;
            head = 0;
          }
          return Promise.resolve({ done: false, value });
        }
        if (ended) return fatal ? Promise.reject(fatal) : Promise.resolve({ done: true, value: undefined });
        return new Promise<IteratorResult<Sample>>((resolve, rejectNext) => {
          waiting = { resolve, reject: rejectNext };
        });
      },
      return: () => {
        finish();
        return Promise.resolve({ done: true, value: undefined });
      },
    }),
  };
}
