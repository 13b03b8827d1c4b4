import { IfcError, type IfcWarning } from './errors.js';
import { ArgumentDecoder } from './step/decode.js';
import { countLines, type Scanner } from './step/scanner.js';
import type { StepValue } from './step/values.js';

/** Holds the index arrays and decodes on demand. Not constructed directly: see `openIfc`. */
export class IfcIndex {
  readonly bytes: Uint8Array;
  readonly count: number;
  readonly ids: Uint32Array;
  readonly types: Uint16Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly typeNames: readonly string[];
  readonly maxId: number;
  readonly #dense: Int32Array | undefined;
  readonly #sparse: Map<number, number> | undefined;
  readonly decoder: ArgumentDecoder;

  constructor(scanner: Scanner, warn: (w: Omit<IfcWarning, 'line'> & { offset: number }) => void) {
    this.bytes = scanner.bytes;
    this.count = scanner.count;
    this.ids = scanner.ids;
    this.types = scanner.types;
    this.starts = scanner.starts;
    this.ends = scanner.ends;
    this.typeNames = scanner.typeNames;
    this.maxId = scanner.maxId;
    this.decoder = new ArgumentDecoder(this.bytes);
    const n = this.count;
    const ids = this.ids;
    if (this.maxId <= n * 4 + 65536) {
      const dense = new Int32Array(this.maxId + 1).fill(-1);
      for (let i = 0; i < n; i++) {
        const id = ids[i] as number;
        if (dense[id] !== -1) {
          warn({
            code: 'duplicate-id',
            message: `Doppelte Id #${id}, die erste gilt / duplicate id #${id}, the first one counts`,
            offset: this.starts[i] as number,
            entityId: id,
          });
        } else dense[id] = i;
      }
      this.#dense = dense;
    } else {
      const sparse = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const id = ids[i] as number;
        if (sparse.has(id)) {
          warn({
            code: 'duplicate-id',
            message: `Doppelte Id #${id}, die erste gilt / duplicate id #${id}, the first one counts`,
            offset: this.starts[i] as number,
            entityId: id,
          });
        } else sparse.set(id, i);
      }
      this.#sparse = sparse;
    }
  }

  /** Position of `id` in the index arrays, or -1. */
  indexOf(id: number): number {
    if (this.#dense) return id >= 0 && id < this.#dense.length ? (this.#dense[id] as number) : -1;
    return this.#sparse?.get(id) ?? -1;
  }

  /** Decodes the arguments of the entity at index position `i`; errors carry offset, line and id. */
  argsAt(i: number): StepValue[] {
    try {
      return this.decoder.decodeList(this.starts[i] as number, this.ends[i] as number, this.ids[i]);
    } catch (e) {
      if (IfcError.isInstance(e) && e.line === undefined && e.offset !== undefined) {
        throw new IfcError(
          e.code,
          e.message.replace(/ \(Byte .*\)$/, ''),
          { offset: e.offset, line: 1 + countLines(this.bytes, e.offset), entityId: this.ids[i] as number },
          { cause: e },
        );
      }
      throw e;
    }
  }
}
