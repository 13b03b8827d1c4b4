import { OperationError } from '../errors.js';
import { sampleQuality } from '../store/sample.js';
import type { Sample } from '../store/sample.js';
import { SafeBacnetTransport } from './bacnet-transport.js';
import { abortable, sleep } from './abort.js';
import { BacnetClientClass, type BacnetClient } from './bacnet-stack.js';

/** BACnet property identifiers used here (ASHRAE 135, clause 21). */
const presentValue = 85;
const statusFlags = 111;

/** Names of the common BACnet object types, for messages. */
const objectTypeNames: Readonly<Record<number, string>> = {
  0: 'analog-input',
  1: 'analog-output',
  2: 'analog-value',
  3: 'binary-input',
  4: 'binary-output',
  5: 'binary-value',
  13: 'multi-state-input',
  14: 'multi-state-output',
  19: 'multi-state-value',
  23: 'accumulator',
  24: 'pulse-converter',
};

/**
 * A BACnet device on BACnet/IP: its address (`host` or `host:port`; port 47808 when absent).
 *
 * @example
 * ```ts
 * const device: BacnetDeviceRef = { address: '10.1.2.3', deviceId: 1201 };
 * ```
 */
export interface BacnetDeviceRef {
  readonly address: string;
  /** Device instance, for messages. */
  readonly deviceId?: number;
}

/**
 * A BACnet object whose Present_Value becomes the samples of a data point (as in an EDE list:
 * object type number and instance).
 *
 * @example
 * ```ts
 * const object: BacnetObjectRef = { pointId: 'HZG.WE01.VL.TEMP', objectType: 0, instance: 3 };
 * ```
 */
export interface BacnetObjectRef {
  readonly pointId: string;
  /** BACnet object type number (0 analog-input, 3 binary-input, …). */
  readonly objectType: number;
  readonly instance: number;
}

/**
 * Options of {@link createBacnetReader}.
 *
 * @example
 * ```ts
 * const options: BacnetReaderOptions = { port: 47808, interface: '0.0.0.0', timeoutMs: 2000 };
 * ```
 */
export interface BacnetReaderOptions {
  /** Local UDP port; 0 (default) picks a free one. Use 47808 where devices answer to the standard port only. */
  readonly port?: number;
  /** Local interface address to bind; all interfaces by default. */
  readonly interface?: string;
  /** Broadcast address for Who-Is; default `255.255.255.255`. */
  readonly broadcastAddress?: string;
  /** How long to wait for an answer (APDU timeout); default 3000 ms. */
  readonly timeoutMs?: number;
  /** Also read Status_Flags for the quality (fault → bad, overridden/out of service → uncertain); default true. */
  readonly statusFlags?: boolean;
  /** Requests in flight per device; default 4. */
  readonly concurrency?: number;
}

/**
 * Outcome of one round of reads: the samples that came, and a typed error for every object that
 * did not deliver one (timeout, BACnet error, unusable answer). Every object is in exactly one.
 *
 * @example
 * ```ts
 * const { samples, errors } = await reader.readPresentValues(device, objects);
 * ```
 */
export interface LiveReadResult {
  readonly samples: Sample[];
  readonly errors: OperationError[];
}

/**
 * Counters of a live source, for monitoring and for proving nothing went missing unnoticed.
 *
 * @example
 * ```ts
 * const { timeouts, malformed } = reader.stats();
 * ```
 */
export interface BacnetReaderStats {
  readonly requests: number;
  readonly samples: number;
  readonly timeouts: number;
  readonly protocolErrors: number;
  /** Datagrams the stack could not decode (dropped, counted). */
  readonly malformed: number;
  /** COV notifications received for an active subscription. */
  readonly notifications: number;
  /** COV samples dropped because the consumer fell more than `maxQueue` behind. */
  readonly dropped: number;
}

/**
 * A BACnet/IP client reading Present_Value (and Status_Flags) of objects.
 *
 * @example
 * ```ts
 * const reader = await createBacnetReader();
 * const { samples } = await reader.readPresentValues({ address: '10.1.2.3' }, objects);
 * await reader.close();
 * ```
 */
export interface BacnetReader {
  /** The local UDP port in use. */
  readonly port: number;
  /** Read every object once. Never rejects for a device fault; rejects only on abort. */
  readPresentValues(device: BacnetDeviceRef, objects: readonly BacnetObjectRef[], options?: { signal?: AbortSignal }): Promise<LiveReadResult>;
  /**
   * Read every object every `intervalMs` until the signal aborts (then the iteration ends);
   * errors go to `onError` and into {@link BacnetReaderStats}.
   */
  poll(
    device: BacnetDeviceRef,
    objects: readonly BacnetObjectRef[],
    options: { intervalMs: number; signal?: AbortSignal; onError?: (error: OperationError) => void },
  ): AsyncIterable<Sample>;
  /**
   * Subscribe to change-of-value notifications (SubscribeCOV, unconfirmed) of the objects and
   * deliver each notification's Present_Value (quality from its Status_Flags) until the signal
   * aborts; subscriptions are renewed at half their lifetime and cancelled at the end. Objects
   * whose subscription the device refuses or does not answer go to `onError` (and can be polled
   * instead). At most `maxQueue` (10,000) samples wait for the consumer; older ones are dropped
   * and counted in {@link BacnetReaderStats}.
   */
  subscribeCov(
    device: BacnetDeviceRef,
    objects: readonly BacnetObjectRef[],
    options: { lifetimeSeconds?: number; signal?: AbortSignal; onError?: (error: OperationError) => void; maxQueue?: number },
  ): AsyncIterable<Sample>;
  stats(): BacnetReaderStats;
  close(): Promise<void>;
}

function objectName(objectType: number, instance: number): string {
  return `${objectTypeNames[objectType] ?? `object-type-${objectType}`} ${instance}`;
}

function numericValue(entry: { type: number; value: unknown } | undefined): number | string {
  if (entry === undefined) return 'keinen Wert / no value';
  const { type, value } = entry;
  switch (type) {
    case 1: // BOOLEAN
      return value ? 1 : 0;
    case 2: // UNSIGNED_INTEGER
    case 3: // SIGNED_INTEGER
    case 4: // REAL
    case 5: // DOUBLE
    case 9: // ENUMERATED (binary: 0 inactive, 1 active; multi-state: state number)
      return typeof value === 'number' && Number.isFinite(value)
        ? value
        : `keine endliche Zahl / not a finite number (${typeof value === 'number' ? String(value) : typeof value})`;
    default:
      return `Datentyp ${type} statt einer Zahl / data type ${type} instead of a number`;
  }
}

function qualityOf(flags: unknown): number {
  // Status_Flags bits: 0 in-alarm, 1 fault, 2 overridden, 3 out-of-service.
  const bits = (flags as { value?: number[] } | undefined)?.value;
  const byte = Array.isArray(bits) && typeof bits[0] === 'number' ? bits[0] : 0;
  if (byte & 0b0010) return sampleQuality.bad;
  if (byte & 0b1100) return sampleQuality.uncertain;
  return sampleQuality.good;
}

/**
 * Open a BACnet/IP reader on the maintained `@bacnet-js/client` stack (ReadProperty of
 * Present_Value and Status_Flags). Failures become typed errors naming device and object:
 * `live-timeout` (no answer within `timeoutMs`), `live-protocol` (a BACnet error, reject or abort,
 * an answer for another object, a non-numeric value). Malformed datagrams are dropped and counted.
 *
 * @example
 * ```ts
 * const reader = await createBacnetReader({ timeoutMs: 2000 });
 * for await (const sample of reader.poll({ address: '10.1.2.3' }, objects, { intervalMs: 60_000, signal })) {
 *   console.log(sample.pointId, sample.value);
 * }
 * ```
 */
export async function createBacnetReader(options: BacnetReaderOptions = {}): Promise<BacnetReader> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const withStatus = options.statusFlags ?? true;
  const transport = new SafeBacnetTransport({
    port: options.port ?? 0,
    ...(options.interface === undefined ? {} : { interface: options.interface }),
    broadcastAddress: options.broadcastAddress ?? '255.255.255.255',
  });
  const client: BacnetClient = new BacnetClientClass({ transport, apduTimeout: timeoutMs });
  client.on('error', () => {
    // socket errors surface as timeouts of the reads concerned
  });
  let port: number;
  try {
    port = await transport.listening;
  } catch (cause) {
    client.close();
    throw new OperationError('live-connection', `BACnet/IP: UDP-Port ${options.port ?? 0} nicht nutzbar / cannot bind UDP port`, { cause });
  }
  const counters = { requests: 0, samples: 0, timeouts: 0, protocolErrors: 0, notifications: 0, dropped: 0 };
  /** Active COV listeners by subscriber process id. */
  const covListeners = new Map<number, (payload: { initiatingDeviceId: number; monitoredObjectId: { type: number; instance: number }; values: { property: { id: number }; value: { type: number; value: unknown }[] }[] }) => void>();
  let nextProcessId = 1 + Math.floor(Math.random() * 1000) * 1000;
  client.on('covNotifyUnconfirmed', (content) => {
    const payload = content.payload as { subscriberProcessId: number } | undefined;
    if (payload === undefined) return;
    covListeners.get(payload.subscriberProcessId)?.(payload as never);
  });
  let closed = false;

  const fail = (device: BacnetDeviceRef, object: BacnetObjectRef, property: string, cause: unknown): OperationError => {
    const where = `${device.address}${device.deviceId === undefined ? '' : ` (device ${device.deviceId})`}, ${objectName(object.objectType, object.instance)}, ${property}`;
    const text = cause instanceof Error ? cause.message : String(cause);
    if (/TIMEOUT/i.test(text)) {
      counters.timeouts++;
      return new OperationError('live-timeout', `BACnet-Gerät antwortet nicht binnen ${timeoutMs} ms / BACnet device did not answer within ${timeoutMs} ms: ${where}`, {
        cause,
        location: { point: object.pointId, segment: where },
      });
    }
    counters.protocolErrors++;
    return new OperationError('live-protocol', `BACnet-Antwort unbrauchbar / unusable BACnet answer (${text}): ${where}`, {
      cause,
      location: { point: object.pointId, segment: where },
    });
  };

  const readOne = async (device: BacnetDeviceRef, object: BacnetObjectRef, property: number) => {
    counters.requests++;
    const ack = await client.readProperty({ address: device.address }, { type: object.objectType, instance: object.instance }, property);
    if (ack.objectId.type !== object.objectType || ack.objectId.instance !== object.instance || ack.property.id !== property) {
      throw new Error(
        `Antwort für ein anderes Objekt / answer for another object: ${objectName(ack.objectId.type, ack.objectId.instance)} property ${ack.property.id}`,
      );
    }
    return ack.values;
  };

  const readObject = async (device: BacnetDeviceRef, object: BacnetObjectRef): Promise<Sample | OperationError> => {
    let values: { type: number; value: unknown }[];
    try {
      values = await readOne(device, object, presentValue);
    } catch (cause) {
      return fail(device, object, 'present-value', cause);
    }
    const value = numericValue(values[0]);
    if (typeof value === 'string') return fail(device, object, 'present-value', new Error(value));
    const time = Date.now();
    let quality: number = sampleQuality.good;
    if (withStatus) {
      try {
        quality = qualityOf((await readOne(device, object, statusFlags))[0]?.value);
      } catch {
        quality = sampleQuality.uncertain; // value arrived, its status is unknown
      }
    }
    counters.samples++;
    return { pointId: object.pointId, time, value, quality };
  };

  const readPresentValues: BacnetReader['readPresentValues'] = async (device, objects, callOptions = {}) => {
    if (closed) throw new OperationError('live-connection', 'BACnet-Leser ist geschlossen / reader is closed');
    if (typeof device?.address !== 'string' || !/^[^\s:]+(:\d{1,5})?$/.test(device.address)) {
      throw new OperationError('invalid-input', `Ungültige BACnet/IP-Adresse / invalid BACnet/IP address: ${JSON.stringify(device?.address)}`, {
        location: { segment: 'address' },
      });
    }
    const results: (Sample | OperationError)[] = new Array(objects.length);
    let next = 0;
    const worker = async () => {
      while (next < objects.length) {
        const i = next++;
        results[i] = await readObject(device, objects[i] as BacnetObjectRef);
      }
    };
    await abortable(Promise.all(Array.from({ length: Math.min(concurrency, objects.length) }, worker)), callOptions.signal);
    const samples: Sample[] = [];
    const errors: OperationError[] = [];
    for (const r of results) {
      if (OperationError.isInstance(r)) errors.push(r);
      else samples.push(r as Sample);
    }
    return { samples, errors };
  };

  return {
    port,
    readPresentValues,
    poll: (device, objects, pollOptions) => ({
      async *[Symbol.asyncIterator]() {
        const { signal, intervalMs, onError } = pollOptions;
        while (!signal?.aborted && !closed) {
          let round: LiveReadResult;
          try {
            round = await readPresentValues(device, objects, signal === undefined ? {} : { signal });
          } catch (error) {
            if (OperationError.isInstance(error) && error.code === 'aborted') return;
            throw error;
          }
          for (const e of round.errors) onError?.(e);
          yield* round.samples;
          if (!(await sleep(intervalMs, signal))) return;
        }
      },
    }),
    subscribeCov: (device, objects, covOptions) => ({
      async *[Symbol.asyncIterator]() {
        const { signal, onError } = covOptions;
        const lifetime = Math.max(10, Math.floor(covOptions.lifetimeSeconds ?? 300));
        const maxQueue = Math.max(1, Math.floor(covOptions.maxQueue ?? 10_000));
        if (closed) throw new OperationError('live-connection', 'BACnet-Leser ist geschlossen / reader is closed');
        const processId = nextProcessId++;
        const byObject = new Map(objects.map((o) => [`${o.objectType}:${o.instance}`, o]));
        const queue: Sample[] = [];
        let wake: (() => void) | undefined;
        // Matched by our process id and the object (the sender may be a name resolved to an address).
        covListeners.set(processId, (payload) => {
          const object = byObject.get(`${payload.monitoredObjectId.type}:${payload.monitoredObjectId.instance}`);
          if (!object) return;
          counters.notifications++;
          const pv = payload.values.find((v) => v.property.id === presentValue);
          const value = numericValue(pv?.value[0]);
          if (typeof value === 'string') {
            onError?.(fail(device, object, 'cov-notification', new Error(value)));
            return;
          }
          const flags = payload.values.find((v) => v.property.id === statusFlags);
          queue.push({ pointId: object.pointId, time: Date.now(), value, quality: flags ? qualityOf(flags.value[0]?.value) : sampleQuality.good });
          counters.samples++;
          if (queue.length > maxQueue) {
            queue.shift();
            counters.dropped++;
          }
          wake?.();
        });
        const subscribeAll = async (cancel: boolean) => {
          await Promise.all(
            objects.map(async (object) => {
              counters.requests++;
              try {
                await client.subscribeCov({ address: device.address }, { type: object.objectType, instance: object.instance }, processId, cancel, false, cancel ? 0 : lifetime);
              } catch (cause) {
                if (!cancel) onError?.(fail(device, object, 'subscribe-cov', cause));
              }
            }),
          );
        };
        const onAbort = () => wake?.();
        signal?.addEventListener('abort', onAbort, { once: true });
        let renewAt = Date.now();
        try {
          while (!signal?.aborted && !closed) {
            if (Date.now() >= renewAt) {
              renewAt = Date.now() + (lifetime * 1000) / 2;
              await subscribeAll(false);
            }
            while (queue.length > 0) {
              yield queue.shift() as Sample;
              if (signal?.aborted) return;
            }
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, Math.max(0, renewAt - Date.now()));
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = undefined;
          }
        } finally {
          signal?.removeEventListener('abort', onAbort);
          covListeners.delete(processId);
          if (!closed) await subscribeAll(true);
        }
      },
    }),
    stats: () => ({ ...counters, malformed: transport.malformed }),
    close: async () => {
      if (closed) return;
      closed = true;
      client.close();
    },
  };
}
