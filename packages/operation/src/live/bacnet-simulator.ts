import { OperationError } from '../errors.js';
import { BacnetClientClass } from './bacnet-stack.js';
import { SafeBacnetTransport } from './bacnet-transport.js';


/**
 * One object of a simulated BACnet device.
 *
 * @example
 * ```ts
 * const object: SimulatedBacnetObject = { objectType: 0, instance: 1, presentValue: 21.5, name: 'RT Raum 101' };
 * ```
 */
export interface SimulatedBacnetObject {
  /** Object type number: 0-2 analog (REAL values), 3-5 binary and 13/14/19 multi-state (ENUMERATED). */
  readonly objectType: number;
  readonly instance: number;
  readonly presentValue: number;
  readonly name?: string;
  readonly status?: { readonly inAlarm?: boolean; readonly fault?: boolean; readonly overridden?: boolean; readonly outOfService?: boolean };
}

/**
 * Options of {@link startBacnetSimulator}.
 *
 * @example
 * ```ts
 * const options: BacnetSimulatorOptions = { deviceId: 1201, objects: [], interface: '127.0.0.1' };
 * ```
 */
export interface BacnetSimulatorOptions {
  readonly deviceId: number;
  readonly objects: readonly SimulatedBacnetObject[];
  /** UDP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to bind; default `127.0.0.1` (loopback only). */
  readonly interface?: string;
}

/**
 * A running simulated BACnet device.
 *
 * @example
 * ```ts
 * simulator.set(0, 1, 22.0);
 * console.log(simulator.address); // '127.0.0.1:50123'
 * ```
 */
export interface BacnetSimulator {
  /** `host:port` to read from. */
  readonly address: string;
  readonly port: number;
  /** ReadProperty requests answered so far. */
  readonly requests: number;
  /** Active COV subscriptions. */
  readonly subscriptions: number;
  /** Change the present value (and optionally the status) of an object. */
  set(objectType: number, instance: number, presentValue: number, status?: SimulatedBacnetObject['status']): void;
  close(): Promise<void>;
}

const enumerated = new Set([3, 4, 5, 13, 14, 19]);

/**
 * Start a simulated BACnet/IP device on the same stack as {@link createBacnetReader}: a real
 * BACnet server answering ReadProperty for Present_Value, Status_Flags, Object_Name,
 * Object_Type and Object_Identifier (analog objects as REAL, binary and multi-state as
 * ENUMERATED), with BACnet errors for unknown objects and properties, and SubscribeCOV with
 * unconfirmed COV notifications (an initial one, then one per `set`). For tests, demos and
 * trying a configuration without a building.
 *
 * @example
 * ```ts
 * const simulator = await startBacnetSimulator({ deviceId: 1201, objects: [{ objectType: 0, instance: 1, presentValue: 21.5 }] });
 * const reader = await createBacnetReader();
 * const { samples } = await reader.readPresentValues({ address: simulator.address }, [{ pointId: 'RT', objectType: 0, instance: 1 }]);
 * await reader.close();
 * await simulator.close();
 * ```
 */
export async function startBacnetSimulator(options: BacnetSimulatorOptions): Promise<BacnetSimulator> {
  const objects = new Map<string, SimulatedBacnetObject>();
  for (const o of options.objects) objects.set(`${o.objectType}:${o.instance}`, o);
  const host = options.interface ?? '127.0.0.1';
  const transport = new SafeBacnetTransport({ port: options.port ?? 0, interface: host, broadcastAddress: '255.255.255.255' });
  const device = new BacnetClientClass({ transport });
  device.on('error', () => undefined);
  let port: number;
  try {
    port = await transport.listening;
  } catch (cause) {
    device.close();
    throw new OperationError('live-connection', `BACnet-Simulator: UDP-Port nicht nutzbar / cannot bind UDP port`, { cause });
  }
  let requests = 0;
  /** COV subscriptions: (subscriber address, process id, object) → until (ms). */
  const subscriptions = new Map<string, { receiver: { address: string }; processId: number; objectType: number; instance: number; until: number }>();
  const covValues = (o: SimulatedBacnetObject) => {
    const s = o.status ?? {};
    const byte = (s.inAlarm ? 1 : 0) | (s.fault ? 2 : 0) | (s.overridden ? 4 : 0) | (s.outOfService ? 8 : 0);
    return [
      { property: { id: 85, index: 0xffffffff }, value: [{ type: enumerated.has(o.objectType) ? 9 : 4, value: o.presentValue }] },
      { property: { id: 111, index: 0xffffffff }, value: [{ type: 8, value: { bitsUsed: 4, value: [byte] } }] },
    ];
  };
  const notify = (o: SimulatedBacnetObject) => {
    const now = Date.now();
    for (const [key, sub] of subscriptions) {
      if (sub.until <= now) {
        subscriptions.delete(key);
        continue;
      }
      if (sub.objectType !== o.objectType || sub.instance !== o.instance) continue;
      device.unconfirmedCOVNotification(
        sub.receiver,
        sub.processId,
        options.deviceId,
        { type: o.objectType, instance: o.instance },
        Number.isFinite(sub.until) ? Math.max(0, Math.round((sub.until - now) / 1000)) : 0,
        covValues(o) as never,
      );
    }
  };
  device.on('subscribeCov', (content) => {
    const sender = content.header?.sender;
    const invokeId = content.invokeId;
    if (sender === undefined || invokeId === undefined || sender.address === undefined) return;
    const { subscriberProcessId, monitoredObjectId, lifetime } = content.payload;
    const object = objects.get(`${monitoredObjectId.type}:${monitoredObjectId.instance}`);
    if (!object) {
      device.errorResponse(sender, 5, invokeId, 1, 31); // subscribe-cov: object, unknown-object
      return;
    }
    const key = `${sender.address}|${subscriberProcessId}|${monitoredObjectId.type}:${monitoredObjectId.instance}`;
    const cancel = (content.payload as { cancellationRequest?: boolean }).cancellationRequest === true;
    if (cancel) subscriptions.delete(key);
    else {
      subscriptions.set(key, {
        receiver: { address: sender.address },
        processId: subscriberProcessId,
        objectType: monitoredObjectId.type,
        instance: monitoredObjectId.instance,
        until: lifetime ? Date.now() + lifetime * 1000 : Number.POSITIVE_INFINITY, // lifetime 0: indefinite
      });
    }
    device.simpleAckResponse(sender, 5, invokeId);
    if (!cancel) notify(object); // the initial notification, as the standard asks
  });
  device.on('readProperty', (content) => {
    const sender = content.header?.sender;
    const invokeId = content.invokeId;
    if (sender === undefined || invokeId === undefined) return;
    requests++;
    const { objectId, property } = content.payload;
    const isDevice = objectId.type === 8 && objectId.instance === options.deviceId;
    const object = objects.get(`${objectId.type}:${objectId.instance}`);
    if (!object && !isDevice) {
      device.errorResponse(sender, 12, invokeId, 1, 31); // class object, unknown-object
      return;
    }
    const respond = (value: { type: number; value: unknown }) =>
      device.readPropertyResponse(sender, invokeId, objectId, property, value as never);
    switch (property.id) {
      case 75: // Object_Identifier
        respond({ type: 12, value: objectId });
        return;
      case 77: // Object_Name
        respond({ type: 7, value: isDevice ? `Simulator ${options.deviceId}` : (object?.name ?? `${objectId.type}-${objectId.instance}`) });
        return;
      case 79: // Object_Type
        respond({ type: 9, value: objectId.type });
        return;
      case 85: // Present_Value
        if (object) {
          respond({ type: enumerated.has(object.objectType) ? 9 : 4, value: object.presentValue });
          return;
        }
        break;
      case 111: // Status_Flags
        if (object) {
          const s = object.status ?? {};
          const byte = (s.inAlarm ? 1 : 0) | (s.fault ? 2 : 0) | (s.overridden ? 4 : 0) | (s.outOfService ? 8 : 0);
          respond({ type: 8, value: { bitsUsed: 4, value: [byte] } });
          return;
        }
        break;
      default:
        break;
    }
    device.errorResponse(sender, 12, invokeId, 2, 32); // class property, unknown-property
  });
  return {
    address: `${host}:${port}`,
    port,
    get requests() {
      return requests;
    },
    get subscriptions() {
      return subscriptions.size;
    },
    set: (objectType, instance, presentValue, status) => {
      const key = `${objectType}:${instance}`;
      const current = objects.get(key);
      if (!current) {
        throw new OperationError('invalid-input', `Objekt nicht im Simulator / object not simulated: ${objectType}:${instance}`, {
          location: { segment: key },
        });
      }
      const next = { ...current, presentValue, ...(status === undefined ? {} : { status }) };
      objects.set(key, next);
      notify(next);
    },
    close: async () => {
      device.close();
    },
  };
}
