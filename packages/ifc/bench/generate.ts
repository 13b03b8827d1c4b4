// Synthetic large IFC models for benchmarks: the DATA section of a corpus model replicated with
// renumbered ids until the file reaches the wanted size. Generated at bench time into a temporary
// folder; never committed. The IDS bench imports this file by relative path.
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

/** Options of {@link generateSyntheticIfc}. */
export interface SyntheticOptions {
  /** Source model whose DATA section is replicated (default: AC20-FZK-Haus.ifc of the corpus). */
  readonly source?: string;
  /** Folder to write into (default: a new temporary folder). */
  readonly dir?: string;
  /** File name (default `synthetic-<MB>mb.ifc`). */
  readonly name?: string;
}

/** What was generated. */
export interface SyntheticModel {
  readonly path: string;
  readonly bytes: number;
  /** Number of copies of the source DATA section. */
  readonly copies: number;
  /** Entities in the file. */
  readonly entities: number;
}

/** The corpus folder beside the repository (`../shared/corpus/ifc`), or FOEDERAL_SHARED_DIR. */
export function corpusIfcDir(): string {
  const shared = process.env['FOEDERAL_SHARED_DIR'] ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared');
  return join(shared, 'corpus', 'ifc');
}

/**
 * Splits a DATA section into literal text and entity ids (`#12` outside strings and comments),
 * so copies can be written with every id shifted.
 */
function template(data: string): { parts: string[]; ids: number[]; entities: number } {
  const parts: string[] = [];
  const ids: number[] = [];
  let last = 0;
  let i = 0;
  let entities = 0;
  const n = data.length;
  while (i < n) {
    const c = data.charCodeAt(i);
    if (c === 0x27) {
      // string with '' escapes
      i++;
      while (i < n) {
        if (data.charCodeAt(i) === 0x27) {
          if (data.charCodeAt(i + 1) === 0x27) i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (c === 0x2f && data.charCodeAt(i + 1) === 0x2a) {
      const end = data.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === 0x23) {
      let j = i + 1;
      let v = 0;
      while (j < n && data.charCodeAt(j) >= 0x30 && data.charCodeAt(j) <= 0x39) {
        v = v * 10 + data.charCodeAt(j) - 0x30;
        j++;
      }
      if (j > i + 1) {
        parts.push(data.slice(last, i + 1));
        ids.push(v);
        last = j;
        let k = j;
        while (k < n && /\s/.test(data[k] as string)) k++;
        if (data[k] === '=') entities++;
      }
      i = j;
    } else i++;
  }
  parts.push(data.slice(last));
  return { parts, ids, entities };
}

/**
 * Writes a model of about `targetBytes` by repeating the source DATA section with renumbered
 * ids (copy k adds k × maxId to every id) and returns its path.
 *
 * @example
 * const { path } = await generateSyntheticIfc(50e6);
 * const model = await openIfcFile(path);
 */
export async function generateSyntheticIfc(targetBytes: number, options: SyntheticOptions = {}): Promise<SyntheticModel> {
  const source = options.source ?? join(corpusIfcDir(), 'AC20-FZK-Haus.ifc');
  const text = readFileSync(source, 'latin1');
  const dataAt = text.search(/\bDATA\s*;/);
  const endAt = text.lastIndexOf('ENDSEC');
  if (dataAt < 0 || endAt < dataAt) throw new Error(`no DATA section in ${source}`);
  const head = text.slice(0, text.indexOf(';', dataAt) + 1) + '\n';
  const data = text.slice(text.indexOf(';', dataAt) + 1, endAt);
  const tail = 'ENDSEC;\nEND-ISO-10303-21;\n';
  const t = template(data);
  const maxId = Math.max(...t.ids);
  const copies = Math.max(1, Math.round((targetBytes - head.length) / Buffer.byteLength(data, 'latin1')));
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'foederal-ifc-bench-')));
  const path = join(dir, options.name ?? `synthetic-${Math.round(targetBytes / 1e6)}mb.ifc`);
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (s: string): Promise<void> => {
    bytes += Buffer.byteLength(s, 'latin1');
    if (!out.write(s, 'latin1')) await once(out, 'drain');
  };
  await write(head);
  for (let k = 0; k < copies; k++) {
    const shift = k * maxId;
    const chunk: string[] = [];
    for (let p = 0; p < t.ids.length; p++) {
      chunk.push(t.parts[p] as string, String((t.ids[p] as number) + shift));
    }
    chunk.push(t.parts[t.ids.length] as string);
    await write(chunk.join(''));
  }
  await write(tail);
  out.end();
  await once(out, 'finish');
  return { path, bytes, copies, entities: copies * t.entities };
}
