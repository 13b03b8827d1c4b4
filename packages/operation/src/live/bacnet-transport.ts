import { createSocket, type Socket } from 'node:dgram';
import { EventEmitter } from 'node:events';

/** The standard BACnet/IP port (0xBAC0). @internal */
export const defaultBacnetPort = 47808;

/**
 * A BACnet/IP UDP transport for `@bacnet-js/client` that (unlike the stack's own) binds any port
 * including 0 (an ephemeral one, so tests and several readers on one host do not collide) and
 * never lets a malformed datagram throw out of the socket handler: exceptions in decoding are
 * counted as `malformed` and the datagram is dropped.
 *
 * @internal
 */
export class SafeBacnetTransport extends EventEmitter {
  readonly #socket: Socket;
  readonly #port: number;
  readonly #interface: string | undefined;
  readonly #broadcastAddress: string;
  #boundPort = 0;
  /** Datagrams whose decoding threw inside the stack. */
  malformed = 0;
  /** Datagrams received. */
  received = 0;
  readonly listening: Promise<number>;

  constructor(options: { port: number; interface?: string; broadcastAddress: string }) {
    super();
    this.#port = options.port;
    this.#interface = options.interface;
    this.#broadcastAddress = options.broadcastAddress;
    this.#socket = createSocket({ type: 'udp4', reuseAddr: false });
    this.listening = new Promise((resolve, reject) => {
      this.#socket.once('listening', () => {
        this.#boundPort = this.#socket.address().port;
        resolve(this.#boundPort);
      });
      this.#socket.once('error', reject);
    });
    this.listening.catch(() => undefined);
    this.#socket.on('message', (message, remote) => {
      this.received++;
      const from = remote.address + (remote.port === defaultBacnetPort ? '' : `:${remote.port}`);
      try {
        this.emit('message', message, from);
      } catch {
        this.malformed++;
      }
    });
    this.#socket.on('error', (error) => {
      if (this.listenerCount('error') > 0) this.emit('error', error);
    });
  }

  /** The bound UDP port (after `listening`). */
  get port(): number {
    return this.#boundPort;
  }

  getBroadcastAddress(): string {
    return this.#broadcastAddress;
  }

  getMaxPayload(): number {
    return 1482;
  }

  send(buffer: Buffer, offset: number, receiver?: string): void {
    const target = receiver ?? this.#broadcastAddress;
    const colon = target.lastIndexOf(':');
    const host = colon > 0 ? target.slice(0, colon) : target;
    const port = colon > 0 ? Number(target.slice(colon + 1)) : defaultBacnetPort;
    this.#socket.send(buffer, 0, offset, port, host, () => undefined);
  }

  open(): void {
    this.#socket.bind(this.#port, this.#interface, () => {
      try {
        this.#socket.setBroadcast(true);
      } catch {
        // loopback-only sockets cannot broadcast; unicast reads still work
      }
    });
  }

  close(): void {
    try {
      this.#socket.close();
    } catch {
      // already closed
    }
  }
}
