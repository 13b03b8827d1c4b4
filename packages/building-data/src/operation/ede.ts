import { readChunks } from '@foederal/core';
import { BuildingDataError } from '../errors.js';
import type { KeyGrammar } from '../keys/key-grammar.js';
import type { Language, LocalizedText } from '@foederal/core';
import { maxBacnetInstance, resolveBacnetObjectType } from './bacnet.js';
import type { DataPoint } from './data-point.js';

/**
 * Anything the EDE reader can read: text, bytes, a `Blob` or `File`, (async) iterables of
 * chunks (such as a Node stream), a web stream.
 *
 * @example
 * ```ts
 * const source: EdeSource = fs.createReadStream('anlage.csv');
 * ```
 */
export type EdeSource =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>
  | ReadableStream<Uint8Array>;

/**
 * Text encodings seen in EDE files. `auto` picks UTF-8 (with or without BOM) or Windows-1252.
 *
 * @example
 * ```ts
 * importEde(bytes, { encoding: 'windows-1252' });
 * ```
 */
export type EdeEncoding = 'auto' | 'utf-8' | 'windows-1252';

/**
 * Field separators seen in EDE files. `auto` picks the one the first lines use most.
 *
 * @example
 * ```ts
 * importEde(text, { separator: '\t' });
 * ```
 */
export type EdeSeparator = 'auto' | ';' | ',' | '\t';

/**
 * Options of {@link readEde} and {@link importEde}.
 *
 * @example
 * ```ts
 * const options: EdeOptions = { keyGrammar: genericAksProfile, checkDuplicates: true };
 * ```
 */
export interface EdeOptions {
  /** Default `auto`. */
  readonly encoding?: EdeEncoding;
  /** Default `auto`. */
  readonly separator?: EdeSeparator;
  /** When given, every key name must parse with it; its parts are stored on the data point. */
  readonly keyGrammar?: KeyGrammar;
  /** Longest record in characters (a quoted field may span lines); default 1 000 000. */
  readonly maxRecordLength?: number;
  /** Reject a second row with the same device, object type and instance; default `true`. */
  readonly checkDuplicates?: boolean;
}

/**
 * A row the importer could not take, with its 1-based line number and the reason.
 *
 * @example
 * ```ts
 * for (const row of result.rejected) console.log(row.line, row.column, row.reason.de);
 * ```
 */
export interface EdeRejectedRow {
  readonly line: number;
  /** The column concerned, as named in the file's header. */
  readonly column?: string;
  readonly reason: Required<LocalizedText>;
  /** The row as read (at most 200 characters). */
  readonly raw: string;
}

/**
 * One event of {@link readEde}.
 *
 * @example
 * ```ts
 * for await (const event of readEde(source)) if (event.kind === 'data-point') save(event.dataPoint);
 * ```
 */
export type EdeEvent =
  | { readonly kind: 'format'; readonly encoding: 'utf-8' | 'windows-1252'; readonly separator: ';' | ',' | '\t' }
  | { readonly kind: 'metadata'; readonly line: number; readonly name: string; readonly value: string }
  | { readonly kind: 'columns'; readonly line: number; readonly columns: readonly string[]; readonly assumed: boolean }
  | { readonly kind: 'data-point'; readonly line: number; readonly dataPoint: DataPoint }
  | { readonly kind: 'rejected'; readonly row: EdeRejectedRow };

/**
 * Result of {@link importEde}.
 *
 * @example
 * ```ts
 * const { dataPoints, rejected, encoding, separator }: EdeImportResult = await importEde(source);
 * ```
 */
export interface EdeImportResult {
  readonly dataPoints: DataPoint[];
  readonly rejected: EdeRejectedRow[];
  /** Lines before the column header, e.g. `PROJECT_NAME`, `VERSION_OF_LAYOUT`. */
  readonly metadata: Record<string, string>;
  readonly columns: readonly string[];
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly separator: ';' | ',' | '\t';
  /** Physical lines read. */
  readonly lines: number;
}

type Field =
  | 'key' | 'deviceInstance' | 'name' | 'type' | 'instance' | 'description' | 'defaultValue' | 'min' | 'max'
  | 'writable' | 'supportsCov' | 'high' | 'low' | 'stateTextReference' | 'units' | 'vendorAddress'
  | 'notificationClass' | 'covIncrement';

const normalise = (s: string): string => s.replace(/^#+/, '').toLowerCase().replace(/[\s._\-/]+/g, '');

/** EDE 2.x column names (normalised) and the field each one fills. */
const columnFields: Readonly<Record<string, Field>> = {
  keyname: 'key',
  deviceobjinstance: 'deviceInstance',
  deviceobjectinstance: 'deviceInstance',
  deviceinstance: 'deviceInstance',
  objectname: 'name',
  objecttype: 'type',
  objectinstance: 'instance',
  description: 'description',
  presentvaluedefault: 'defaultValue',
  minpresentvalue: 'min',
  maxpresentvalue: 'max',
  settable: 'writable',
  supportscov: 'supportsCov',
  hilimit: 'high',
  highlimit: 'high',
  lowlimit: 'low',
  statetextreference: 'stateTextReference',
  unitcode: 'units',
  vendorspecificaddress: 'vendorAddress',
  notificationclass: 'notificationClass',
  covincrement: 'covIncrement',
};

/** Column order of the EDE 2.x template, used when a file has no header row. */
const standardColumns = [
  'keyname', 'device obj.-instance', 'object-name', 'object-type', 'object-instance', 'description',
  'present-value-default', 'min-present-value', 'max-present-value', 'settable', 'supports COV',
  'hi-limit', 'low-limit', 'state-text-reference', 'unit-code', 'vendor-specific-address', 'notification-class',
];

function chunks(source: EdeSource): AsyncGenerator<string | Uint8Array> {
  return readChunks(source, (problem) =>
    problem === 'bad-chunk'
      ? new BuildingDataError('invalid-input', 'EDE-Quelle liefert weder Text noch Bytes / EDE source yields neither text nor bytes')
      : new BuildingDataError('invalid-input', 'EDE-Quelle ist weder Text, Bytes noch Stream / EDE source is neither text, bytes nor a stream'),
  );
}

const sniffSize = 65536;

type Decoder = InstanceType<typeof TextDecoder>;

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Decodes byte chunks to text, choosing the encoding from the first 64 KiB in `auto` mode. */
async function* decode(source: EdeSource, wanted: EdeEncoding, chosen: (e: 'utf-8' | 'windows-1252') => void): AsyncGenerator<string> {
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  let decoder: Decoder | undefined;
  let first = true;
  let stringMode = false;
  // In auto mode UTF-8 is decoded strictly while every byte so far was ASCII: a file whose first
  // 64 KiB are plain ASCII and which turns out to be Windows-1252 later is switched over then.
  let strict = false;
  let asciiSoFar = true;
  const isAscii = (bytes: Uint8Array): boolean => {
    for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
    return true;
  };
  const start = (bytes: Uint8Array): void => {
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const encoding = wanted === 'auto' ? (hasBom || isUtf8(bytes) ? 'utf-8' : 'windows-1252') : wanted;
    chosen(encoding);
    strict = wanted === 'auto' && encoding === 'utf-8' && !hasBom;
    decoder = new TextDecoder(encoding, { fatal: strict });
  };
  const feed = (bytes: Uint8Array): string => {
    const d = decoder as Decoder;
    if (!strict) return d.decode(bytes, { stream: true });
    try {
      const text = d.decode(bytes, { stream: true });
      if (asciiSoFar && !isAscii(bytes)) asciiSoFar = false;
      return text;
    } catch {
      strict = false;
      if (asciiSoFar) {
        chosen('windows-1252');
        decoder = new TextDecoder('windows-1252');
        return decoder.decode(bytes, { stream: true });
      }
      // invalid bytes in a UTF-8 file: replace them from now on (rows with U+FFFD are rejected);
      // the bytes of a character cut at the previous chunk's end reach the new decoder as
      // orphaned continuation bytes and are replaced too, so nothing is lost silently
      decoder = new TextDecoder('utf-8');
      return decoder.decode(bytes, { stream: true });
    }
  };
  for await (const chunk of chunks(source)) {
    if (typeof chunk === 'string') {
      if (decoder || pendingSize > 0) {
        throw new BuildingDataError('invalid-input', 'EDE-Quelle mischt Text und Bytes / EDE source mixes text and bytes');
      }
      if (first) chosen('utf-8');
      yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
      stringMode = true;
      continue;
    }
    if (stringMode) {
      throw new BuildingDataError('invalid-input', 'EDE-Quelle mischt Text und Bytes / EDE source mixes text and bytes');
    }
    first = false;
    if (!decoder) {
      pending.push(chunk);
      pendingSize += chunk.length;
      if (pendingSize < sniffSize) continue;
      const all = concat(pending, pendingSize);
      pending = [];
      pendingSize = 0;
      start(all);
      yield feed(all);
      continue;
    }
    yield feed(chunk);
  }
  if (!decoder && pendingSize > 0) {
    const all = concat(pending, pendingSize);
    start(all);
    yield feed(all);
  }
  if (decoder) {
    try {
      yield (decoder as Decoder).decode();
    } catch {
      // a truncated multi-byte sequence at the very end: the row containing it is rejected
      yield '\uFFFD';
    }
  } else if (first) chosen(wanted === 'windows-1252' ? 'windows-1252' : 'utf-8');
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function detectSeparator(text: string): ';' | ',' | '\t' {
  const lines = text.split('\n', 60).filter((l) => l.trim() !== '');
  let best: ';' | ',' | '\t' = ';';
  let bestScore = -1;
  for (const sep of [';', '\t', ','] as const) {
    let linesWith = 0;
    let total = 0;
    for (const line of lines) {
      const n = line.split(sep).length - 1;
      if (n > 0) linesWith++;
      total += n;
    }
    const score = linesWith * 1e6 + total;
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

interface RawRecord {
  readonly line: number;
  readonly cells: string[];
  readonly raw: string;
}

/** Splits text into CSV records (RFC 4180 quoting, CRLF/LF), tracking 1-based start lines. */
async function* records(
  text: AsyncGenerator<string>,
  separator: EdeSeparator,
  maxRecordLength: number,
  chosen: (s: ';' | ',' | '\t') => void,
): AsyncGenerator<(RawRecord | EdeRejectedRow)[]> {
  let buf = '';
  let line = 1;
  let sep: ';' | ',' | '\t' | undefined = separator === 'auto' ? undefined : separator;
  let final = false;
  const iterator = text[Symbol.asyncIterator]();
  for (;;) {
    if (!final) {
      const next = await iterator.next();
      if (next.done) final = true;
      else buf += next.value;
      if (!final && sep === undefined && buf.length < sniffSize) continue;
    }
    if (sep === undefined) {
      sep = detectSeparator(buf);
      chosen(sep);
    }
    let pos = 0;
    const batch: (RawRecord | EdeRejectedRow)[] = [];
    const n = buf.length;
    let quote = buf.indexOf('"');
    while (pos < n) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !final) break;
      const end = nl < 0 ? n : nl;
      if (quote >= 0 && quote < pos) quote = buf.indexOf('"', pos);
      if (quote < 0 || quote > end) {
        // fast path: no quote on this line
        let text = buf.slice(pos, end);
        if (text.endsWith('\r')) text = text.slice(0, -1);
        if (text.length > maxRecordLength) {
          batch.push({ line, raw: text.slice(0, 200), reason: { de: 'Zeile zu lang', en: 'line too long' } });
        } else {
          batch.push({ line, cells: text.split(sep), raw: text });
        }
        line++;
        pos = end + 1;
        continue;
      }
      // quoted fields: parse character by character, possibly across lines
      const cells: string[] = [];
      let cell = '';
      let inQuotes = false;
      let atCellStart = true;
      let i = pos;
      let lines = 0;
      let done = false;
      while (i < n) {
        const c = buf.charCodeAt(i);
        if (inQuotes) {
          if (c === 34) {
            if (buf.charCodeAt(i + 1) === 34) {
              cell += '"';
              i += 2;
              continue;
            }
            if (i + 1 >= n && !final) break; // need the next character to decide
            inQuotes = false;
            i++;
            continue;
          }
          if (c === 10) lines++;
          cell += buf[i];
          i++;
          if (i - pos > maxRecordLength) break;
          continue;
        }
        if (c === 34 && atCellStart) {
          inQuotes = true;
          atCellStart = false;
          i++;
          continue;
        }
        if (buf[i] === sep) {
          cells.push(cell);
          cell = '';
          atCellStart = true;
          i++;
          continue;
        }
        if (c === 10) {
          done = true;
          break;
        }
        if (c === 13 && (buf.charCodeAt(i + 1) === 10 || i + 1 === n)) {
          i++;
          continue;
        }
        if (c !== 32 || !atCellStart) atCellStart = false;
        cell += buf[i];
        i++;
      }
      const overlong = i - pos > maxRecordLength;
      if (!done && i >= n && !final && !overlong) break; // wait for more text
      if (inQuotes && (final || overlong)) {
        // unterminated or overlong quoted field: reject its first line and resume on the next
        const firstEnd = nl < 0 ? n : nl;
        batch.push({
          line,
          raw: buf.slice(pos, Math.min(firstEnd, pos + 200)),
          reason: overlong
            ? { de: `Datensatz länger als ${maxRecordLength} Zeichen (Anführungszeichen nicht geschlossen?)`, en: `record longer than ${maxRecordLength} characters (unclosed quote?)` }
            : { de: 'Anführungszeichen nicht geschlossen', en: 'unclosed quote' },
        });
        line++;
        pos = firstEnd + 1;
        continue;
      }
      cells.push(cell);
      batch.push({ line, cells, raw: buf.slice(pos, Math.min(i, pos + 200)) });
      line += lines + 1;
      pos = i + 1;
    }
    if (batch.length > 0) yield batch;
    buf = buf.slice(pos);
    if (final && buf.length === 0) return;
    if (final && pos === 0 && buf.length > 0) {
      // cannot happen: in final mode every remaining character is consumed
      return;
    }
    if (!final && buf.length > maxRecordLength + 2) {
      // a single unterminated line longer than the limit without a newline yet
      yield [{ line, raw: buf.slice(0, 200), reason: { de: 'Zeile zu lang', en: 'line too long' } }];
      const nl = buf.indexOf('\n');
      buf = nl < 0 ? '' : buf.slice(nl + 1);
      line++;
      // keep dropping text until the end of this line arrives
      if (nl < 0) {
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          const j = next.value.indexOf('\n');
          if (j >= 0) {
            buf = next.value.slice(j + 1);
            break;
          }
        }
      }
    }
  }
}

const integerPattern = /^[+-]?\d+$/;

function toNumber(value: string, separator: string): number | undefined {
  let v = value.trim();
  if (separator !== ',' && v.includes(',') && !v.includes('.')) v = v.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function toBoolean(value: string): boolean | undefined {
  switch (value.trim().toLowerCase()) {
    case 'y': case 'yes': case 'j': case 'ja': case 'true': case 'wahr': case '1': case 'x': case 'w':
      return true;
    case 'n': case 'no': case 'nein': case 'false': case 'falsch': case '0': case '-':
      return false;
    default:
      return undefined;
  }
}

class RowError extends Error {
  constructor(readonly column: string | undefined, readonly reason: Required<LocalizedText>) {
    super(reason.en);
  }
}

/**
 * Reads an EDE data-point list (the CSV handover format of BACnet projects) as a stream of
 * events: metadata lines, the column header, each data point and each rejected row with its
 * line number and reason. Tolerates `;`, `,` and tab separators, UTF-8 with or without BOM and
 * Windows-1252, quoted fields (also across lines), CRLF and LF, comment lines (`#`), files without
 * a header row (EDE 2.x column order), decimal commas and `Y`/`N`/`1`/`0` flags. Memory stays
 * bounded by the longest record. Throws only `BuildingDataError`.
 *
 * @example
 * ```ts
 * for await (const event of readEde(fs.createReadStream('anlage.csv'))) {
 *   if (event.kind === 'rejected') console.log(`Zeile ${event.row.line}: ${event.row.reason.de}`);
 * }
 * ```
 */
export async function* readEde(source: EdeSource, options: EdeOptions = {}): AsyncGenerator<EdeEvent> {
  const maxRecordLength = options.maxRecordLength ?? 1_000_000;
  if (!(maxRecordLength > 0)) throw new BuildingDataError('invalid-input', 'maxRecordLength muss positiv sein / must be positive');
  const checkDuplicates = options.checkDuplicates ?? true;
  const grammar = options.keyGrammar;
  let sep: ';' | ',' | '\t' = ';';
  let columns: string[] | undefined;
  let fields: (Field | undefined)[] = [];
  // (device, type) packed into a small integer → (instance → first line); small-integer keys
  // keep the index fast and compact for a million rows
  const seen = new Map<number, Map<number, number>>();

  let index: Partial<Record<Field, number>> = {};
  const columnName = (field: Field): string => {
    const i = index[field] ?? -1;
    return (i >= 0 ? columns?.[i] : undefined) ?? field;
  };

  const typeCache = new Map<string, ReturnType<typeof resolveBacnetObjectType> | null>();
  // Field readers, defined once (not per row) and reading the row being converted.
  let cells: string[] = [];
  const get = (field: Field): string | undefined => {
    const i = index[field];
    if (i === undefined) return undefined;
    const v = cells[i]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const int = (field: Field, required: boolean): number | undefined => {
    const v = get(field);
    if (v === undefined) {
      if (required) throw new RowError(columnName(field), { de: 'Wert fehlt', en: 'value missing' });
      return undefined;
    }
    if (!integerPattern.test(v)) throw new RowError(columnName(field), { de: `"${v}" ist keine ganze Zahl`, en: `"${v}" is not an integer` });
    return Number(v);
  };
  const num = (field: Field): number | undefined => {
    const v = get(field);
    if (v === undefined) return undefined;
    const n = toNumber(v, sep);
    if (n === undefined) throw new RowError(columnName(field), { de: `"${v}" ist keine Zahl`, en: `"${v}" is not a number` });
    return n;
  };
  const bool = (field: Field): boolean | undefined => {
    const v = get(field);
    if (v === undefined) return undefined;
    const b = toBoolean(v);
    if (b === undefined) throw new RowError(columnName(field), { de: `"${v}" ist kein Ja/Nein-Wert`, en: `"${v}" is not a yes/no value` });
    return b;
  };
  const range = (field: Field, value: number | undefined, min: number, max: number): void => {
    if (value !== undefined && !(value >= min && value <= max)) {
      throw new RowError(columnName(field), { de: `${value} liegt nicht in ${min}-${max}`, en: `${value} is not in ${min}-${max}` });
    }
  };

  const convert = (row: string[], line: number): DataPoint => {
    cells = row;
    const typeText = get('type');
    if (typeText === undefined) throw new RowError(columnName('type'), { de: 'Objekttyp fehlt', en: 'object type missing' });
    let type = typeCache.get(typeText);
    if (type === undefined) {
      type = resolveBacnetObjectType(typeText) ?? null;
      if (typeCache.size < 256) typeCache.set(typeText, type);
    }
    if (!type) throw new RowError(columnName('type'), { de: `unbekannter BACnet-Objekttyp "${typeText}"`, en: `unknown BACnet object type "${typeText}"` });
    const instance = int('instance', true) as number;
    range('instance', instance, 0, maxBacnetInstance);
    const deviceInstance = int('deviceInstance', false);
    range('deviceInstance', deviceInstance, 0, maxBacnetInstance);
    const key = get('key');
    const name = get('name') ?? key;
    if (name === undefined) throw new RowError(columnName('name'), { de: 'Objektname fehlt', en: 'object name missing' });
    if (name.length > 1024) throw new RowError(columnName('name'), { de: 'Objektname länger als 1024 Zeichen', en: 'object name longer than 1024 characters' });
    // Built field by field with the rules of dataPointSchema (checked against it in the tests):
    // running the schema on every row would cost about ten times the rest of the import.
    const point: DataPoint = { objectIdentifier: { type: type.code, instance }, name, writable: bool('writable') ?? false };
    if (deviceInstance !== undefined) point.deviceInstance = deviceInstance;
    const description = get('description');
    if (description !== undefined) point.description = description;
    const units = int('units', false);
    range('units', units, 0, 65535);
    if (units !== undefined) point.units = units;
    const supportsCov = bool('supportsCov');
    if (supportsCov !== undefined) point.supportsCov = supportsCov;
    const covIncrement = num('covIncrement');
    if (covIncrement !== undefined) {
      if (!(covIncrement > 0)) throw new RowError(columnName('covIncrement'), { de: 'COV-Inkrement muss größer als 0 sein', en: 'COV increment must be greater than 0' });
      point.covIncrement = covIncrement;
    }
    const defaultText = get('defaultValue');
    if (defaultText !== undefined) point.defaultValue = toNumber(defaultText, sep) ?? defaultText;
    let limits: NonNullable<DataPoint['limits']> | undefined;
    for (const f of ['min', 'max', 'low', 'high'] as const) {
      const v = num(f);
      if (v !== undefined) (limits ??= {})[f] = v;
    }
    if (limits) {
      if (limits.min !== undefined && limits.max !== undefined && limits.min > limits.max) {
        throw new RowError(columnName('min'), { de: `min-present-value ${limits.min} größer als max-present-value ${limits.max}`, en: `min-present-value ${limits.min} greater than max-present-value ${limits.max}` });
      }
      if (limits.low !== undefined && limits.high !== undefined && limits.low > limits.high) {
        throw new RowError(columnName('low'), { de: `low-limit ${limits.low} größer als hi-limit ${limits.high}`, en: `low-limit ${limits.low} greater than hi-limit ${limits.high}` });
      }
      point.limits = limits;
    }
    const stateText = int('stateTextReference', false);
    range('stateTextReference', stateText, 0, Number.MAX_SAFE_INTEGER);
    if (stateText !== undefined) point.stateTextReference = stateText;
    const nc = int('notificationClass', false);
    range('notificationClass', nc, 0, Number.MAX_SAFE_INTEGER);
    if (nc !== undefined) point.notificationClass = nc;
    const vendor = get('vendorAddress');
    if (vendor !== undefined) point.vendorAddress = vendor;
    if (key !== undefined) {
      point.key = key;
      if (grammar) {
        const r = grammar.validate(key);
        if (!r.ok) {
          throw new RowError(columnName('key'), {
            de: `Schlüssel passt nicht zu "${grammar.data.id}": ${r.problem.message.de}`,
            en: `key does not fit "${grammar.data.id}": ${r.problem.message.en}`,
          });
        }
        point.keyParts = r.parts;
      }
    }
    if (checkDuplicates) {
      const group = (deviceInstance ?? maxBacnetInstance + 1) * 64 + type.number;
      let instances = seen.get(group);
      if (!instances) {
        instances = new Map();
        seen.set(group, instances);
      }
      const firstLine = instances.get(instance);
      if (firstLine !== undefined) {
        throw new RowError(columnName('instance'), {
          de: `${type.abbreviation} ${instance} in Gerät ${deviceInstance ?? '–'} schon in Zeile ${firstLine}`,
          en: `${type.abbreviation} ${instance} in device ${deviceInstance ?? '–'} already in line ${firstLine}`,
        });
      }
      instances.set(instance, line);
    }
    return point;
  };

  const useColumns = (names: string[]): string[] => {
    const list = names.map((c) => c.trim().replace(/^#\s*/, ''));
    columns = list;
    fields = list.map((c) => columnFields[normalise(c)]);
    index = {};
    fields.forEach((f, i) => {
      if (f !== undefined && index[f] === undefined) index[f] = i;
    });
    return list;
  };

  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  let announced = false;
  let announcedEncoding: 'utf-8' | 'windows-1252' = 'utf-8';
  const text = decode(source, options.encoding ?? 'auto', (e) => (encoding = e));
  try {
    for await (const batch of records(text, options.separator ?? 'auto', maxRecordLength, (s) => (sep = s))) {
      for (const record of batch) {
        if (!announced || encoding !== announcedEncoding) {
          announced = true;
          announcedEncoding = encoding;
          yield { kind: 'format', encoding, separator: sep };
        }
        if (!('cells' in record)) {
          yield { kind: 'rejected', row: record };
          continue;
        }
        const { cells, line, raw } = record;
        if (raw.includes('\uFFFD') || (raw.length >= 200 && cells.some((c) => c.includes('\uFFFD')))) {
          yield {
            kind: 'rejected',
            row: {
              line,
              raw: raw.slice(0, 200),
              reason: { de: 'ungültig kodierte Zeichen (kein UTF-8, Zeichensatz angeben?)', en: 'invalidly encoded characters (not UTF-8; set the encoding?)' },
            },
          };
          continue;
        }
        const first = cells[0]?.trim() ?? '';
        if (cells.every((c) => c.trim() === '')) continue;
        if (columns === undefined) {
          if (normalise(first) === 'keyname') {
            const list = useColumns(cells);
            const missing = (['type', 'instance'] as const).filter((f) => !fields.includes(f));
            if (missing.length > 0) {
              throw new BuildingDataError(
                'ede-format',
                `EDE Zeile ${line}: Spaltenkopf ohne ${missing.join(', ')} / column header lacks ${missing.join(', ')}`,
                { location: { line } },
              );
            }
            yield { kind: 'columns', line, columns: list, assumed: false };
            continue;
          }
          if (first.startsWith('#')) continue;
          const looksLikeData = cells.length >= 5 && integerPattern.test(cells[3]?.trim() ?? '') && integerPattern.test(cells[4]?.trim() ?? '');
          if (!looksLikeData) {
            if (first !== '') yield { kind: 'metadata', line, name: first, value: cells.slice(1).map((c) => c.trim()).filter((c) => c !== '').join(' ') };
            continue;
          }
          yield { kind: 'columns', line, columns: useColumns(standardColumns), assumed: true };
        } else if (first.startsWith('#')) {
          continue;
        }
        try {
          yield { kind: 'data-point', line, dataPoint: convert(cells, line) };
        } catch (error) {
          if (!(error instanceof RowError)) throw error;
          const row: EdeRejectedRow = error.column === undefined
            ? { line, reason: error.reason, raw: raw.slice(0, 200) }
            : { line, column: error.column, reason: error.reason, raw: raw.slice(0, 200) };
          yield { kind: 'rejected', row };
        }
      }
    }
  } catch (error) {
    if (BuildingDataError.isInstance(error)) throw error;
    throw new BuildingDataError('ede-format', `EDE-Quelle nicht lesbar / EDE source unreadable: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/**
 * Imports a whole EDE list: data points, rejected rows with line numbers, metadata, the columns
 * and the encoding and separator that were used. See {@link readEde} for what is tolerated.
 *
 * @example
 * ```ts
 * const { dataPoints, rejected } = await importEde(await fs.promises.readFile('anlage.csv'), { keyGrammar: genericAksProfile });
 * console.log(formatEdeReport(rejected));
 * ```
 */
export async function importEde(source: EdeSource, options: EdeOptions = {}): Promise<EdeImportResult> {
  const dataPoints: DataPoint[] = [];
  const rejected: EdeRejectedRow[] = [];
  const metadata: Record<string, string> = {};
  let columns: readonly string[] = [];
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  let separator: ';' | ',' | '\t' = ';';
  let lines = 0;
  for await (const event of readEde(source, options)) {
    switch (event.kind) {
      case 'format':
        encoding = event.encoding;
        separator = event.separator;
        break;
      case 'metadata':
        metadata[event.name] = event.value;
        lines = event.line;
        break;
      case 'columns':
        columns = event.columns;
        lines = event.line;
        break;
      case 'data-point':
        dataPoints.push(event.dataPoint);
        lines = event.line;
        break;
      case 'rejected':
        rejected.push(event.row);
        lines = event.row.line;
        break;
    }
  }
  return { dataPoints, rejected, metadata, columns, encoding, separator, lines };
}

/**
 * Writes rejected rows as a line-numbered report, German or English.
 *
 * @example
 * ```ts
 * formatEdeReport(result.rejected); // 'Zeile 7, Spalte "object-type": unbekannter BACnet-Objekttyp "99"'
 * ```
 */
export function formatEdeReport(rejected: readonly EdeRejectedRow[], language: Language = 'de'): string {
  const lineWord = language === 'de' ? 'Zeile' : 'line';
  const columnWord = language === 'de' ? 'Spalte' : 'column';
  return rejected
    .map((r) => `${lineWord} ${r.line}${r.column ? `, ${columnWord} "${r.column}"` : ''}: ${r.reason[language]}`)
    .join('\n');
}
