import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BuildingDataError } from '../errors.js';
import { genericAksProfile } from '../keys/key-profiles.js';
import { dataPointSchema } from './data-point.js';
import { formatEdeReport, importEde, readEde } from './ede.js';

const header = [
  'PROJECT_NAME;Grundschule am Park',
  'VERSION_OF_REFERENCEFILE;3',
  'TIMESTAMP_OF_LAST_CHANGE;2026-11-02',
  'AUTHOR_OF_LAST_CHANGE;Müller',
  'VERSION_OF_LAYOUT;2.2',
  '#mandatory;mandatory;mandatory;mandatory;mandatory;optional;optional;optional;optional;optional;optional;optional;optional;optional;optional;optional',
  '# keyname;device obj.-instance;object-name;object-type;object-instance;description;present-value-default;min-present-value;max-present-value;settable;supports COV;hi-limit;low-limit;state-text-reference;unit-code;vendor-specific-address',
];
const rows = [
  'L01.G1.EG_HZG.WE01.TF01.MW;1001;L01.G1.EG_HZG.WE01.TF01.MW;0;1;Vorlauftemperatur Wärmeerzeuger;;0;120;N;Y;90;10;;62;',
  'L01.G1.EG_HZG.WE01.TF01.SW;1001;L01.G1.EG_HZG.WE01.TF01.SW;2;1;Sollwert Vorlauf;70,5;20;90;Y;;;;;62;',
  'L01.G1.EG_HZG.WE01.PU01.BM;1001;L01.G1.EG_HZG.WE01.PU01.BM;3;1;Betriebsmeldung Pumpe;;;;N;Y;;;4;;',
];
const file = [...header, ...rows].join('\r\n') + '\r\n';

describe('importEde', () => {
  it('reads a semicolon-separated EDE list with metadata, comments and decimal commas', async () => {
    const r = await importEde(file);
    expect(r.rejected).toEqual([]);
    expect(r.separator).toBe(';');
    expect(r.encoding).toBe('utf-8');
    expect(r.metadata).toMatchObject({ PROJECT_NAME: 'Grundschule am Park', VERSION_OF_LAYOUT: '2.2', AUTHOR_OF_LAST_CHANGE: 'Müller' });
    expect(r.columns[0]).toBe('keyname');
    expect(r.dataPoints).toHaveLength(3);
    expect(r.dataPoints[0]).toEqual({
      objectIdentifier: { type: 'analog-input', instance: 1 },
      deviceInstance: 1001,
      name: 'L01.G1.EG_HZG.WE01.TF01.MW',
      description: 'Vorlauftemperatur Wärmeerzeuger',
      units: 62,
      writable: false,
      supportsCov: true,
      limits: { min: 0, max: 120, high: 90, low: 10 },
      key: 'L01.G1.EG_HZG.WE01.TF01.MW',
    });
    expect(r.dataPoints[1]).toMatchObject({ objectIdentifier: { type: 'analog-value' }, writable: true, defaultValue: 70.5 });
    expect(r.dataPoints[2]).toMatchObject({ objectIdentifier: { type: 'binary-input' }, stateTextReference: 4 });
  });

  it('applies a key grammar and stores the key parts', async () => {
    const r = await importEde(file, { keyGrammar: genericAksProfile });
    expect(r.dataPoints[0]?.keyParts).toMatchObject({ trade: 'HZG', component: 'TF01', function: 'MW' });
  });

  it('reports rejected rows with line, column and reason', async () => {
    const bad = [
      ...header,
      'K1;1001;N1;99;1;unbekannter Typ',
      'K2;1001;N2;0;x;Instanz keine Zahl',
      'K3;1001;N3;0;7;ok',
      'K4;1001;N4;0;7;doppelt',
      'bad key!;1001;N5;0;8;Schlüssel',
      'K6;1001;N6;AI;9;;;;;vielleicht',
      ';1001;;0;10;kein Name',
      'K8;1001;N8;0;4194304;Instanz zu groß',
      'K9;1001;N9;0;11;Grenzen;;100;10',
    ].join('\n');
    const r = await importEde(bad, { keyGrammar: createLenientGrammarFor(['K1', 'K2', 'K3', 'K4', 'K6', 'K8', 'K9']) });
    expect(r.dataPoints.map((d) => d.name)).toEqual(['N3']);
    const byLine = Object.fromEntries(r.rejected.map((x) => [x.line, x]));
    expect(byLine[8]).toMatchObject({ column: 'object-type' });
    expect(byLine[8]?.reason.de).toContain('unbekannter BACnet-Objekttyp "99"');
    expect(byLine[9]).toMatchObject({ column: 'object-instance' });
    expect(byLine[11]?.reason.en).toContain('already in line 10');
    expect(byLine[12]).toMatchObject({ column: 'keyname' });
    expect(byLine[12]?.reason.de).toContain('Position');
    expect(byLine[13]).toMatchObject({ column: 'settable' });
    expect(byLine[14]).toMatchObject({ column: 'object-name' });
    expect(byLine[15]).toMatchObject({ column: 'object-instance', reason: { en: '4194304 is not in 0-4194303' } });
    expect(byLine[16]).toMatchObject({ column: 'min-present-value', reason: { en: 'min-present-value 100 greater than max-present-value 10' } });
    expect(r.rejected).toHaveLength(8);
    const report = formatEdeReport(r.rejected);
    expect(report.split('\n')[0]).toBe('Zeile 8, Spalte "object-type": unbekannter BACnet-Objekttyp "99"');
    expect(formatEdeReport(r.rejected, 'en').split('\n')[0]).toBe('line 8, column "object-type": unknown BACnet object type "99"');
  });

  it('tells duplicates apart by device, type and instance', async () => {
    const text = [
      'keyname;device obj.-instance;object-name;object-type;object-instance',
      'A;1;A;0;5', 'B;2;B;0;5', 'C;1;C;1;5', 'D;;D;0;5', 'E;0;E;0;5', 'F;;F;0;5', 'G;4194303;G;59;4194303', 'H;4194303;H;59;4194303',
    ].join('\n');
    const r = await importEde(text);
    expect(r.dataPoints.map((d) => d.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'G']);
    expect(r.rejected.map((x) => [x.line, x.reason.en])).toEqual([
      [7, 'AI 5 in device – already in line 5'],
      [9, 'LFT 4194303 in device 4194303 already in line 8'],
    ]);
    expect((await importEde(text, { checkDuplicates: false })).dataPoints).toHaveLength(8);
  });

  it('reads comma- and tab-separated files with quoted fields across lines', async () => {
    const csv = [
      'keyname,device obj.-instance,object-name,object-type,object-instance,description',
      'A,1,"Name, mit Komma",0,1,"Beschreibung mit ""Zitat"" und',
      'zweiter Zeile"',
      'B,1,B,1,2,plain',
    ].join('\n');
    const r = await importEde(csv);
    expect(r.separator).toBe(',');
    expect(r.dataPoints[0]).toMatchObject({ name: 'Name, mit Komma', description: 'Beschreibung mit "Zitat" und\nzweiter Zeile' });
    expect(r.dataPoints[1]).toMatchObject({ name: 'B', objectIdentifier: { type: 'analog-output', instance: 2 } });
    const rejected = await importEde(csv.replace('B,1,B,1,2,plain', 'B,1,B,x,2,plain'));
    expect(rejected.rejected[0]?.line).toBe(4);
    const tsv = await importEde('keyname\tdevice obj.-instance\tobject-name\tobject-type\tobject-instance\nA\t1\tA\t5\t3\n');
    expect(tsv.separator).toBe('\t');
    expect(tsv.dataPoints[0]?.objectIdentifier).toEqual({ type: 'binary-value', instance: 3 });
  });

  it('detects UTF-8 with BOM and Windows-1252', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(file)]);
    const a = await importEde(bom);
    expect(a.encoding).toBe('utf-8');
    expect(a.metadata.PROJECT_NAME).toBe('Grundschule am Park');
    expect(a.dataPoints[0]?.description).toBe('Vorlauftemperatur Wärmeerzeuger');
    const cp1252 = Uint8Array.from(Buffer.from(file, 'latin1'));
    const b = await importEde(cp1252);
    expect(b.encoding).toBe('windows-1252');
    expect(b.dataPoints[0]?.description).toBe('Vorlauftemperatur Wärmeerzeuger');
    expect(b.metadata.AUTHOR_OF_LAST_CHANGE).toBe('Müller');
    const euro = await importEde(Uint8Array.from([...Buffer.from('keyname;device obj.-instance;object-name;object-type;object-instance;description\nK;1;K;0;1;Kosten ', 'latin1'), 0x80]), { encoding: 'windows-1252' });
    expect(euro.dataPoints[0]?.description).toBe('Kosten €');
  });

  it('streams: any chunking, also through multi-byte characters, gives the same result', async () => {
    const bytes = new TextEncoder().encode(file);
    const whole = await importEde(bytes);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: bytes.length }), { maxLength: 20 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((x, y) => x - y);
        const parts: Uint8Array[] = [];
        let last = 0;
        for (const p of [...points, bytes.length]) {
          parts.push(bytes.slice(last, p));
          last = p;
        }
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (const part of parts) controller.enqueue(part);
            controller.close();
          },
        });
        const r = await importEde(stream);
        expect(r.dataPoints).toEqual(whole.dataPoints);
        expect(r.metadata).toEqual(whole.metadata);
      }),
      { numRuns: 100 },
    );
  });

  it('reads files without header row in EDE 2.x column order, and reports unclosed quotes', async () => {
    const r = await importEde(rows.join('\n'));
    expect(r.columns).toContain('object-type');
    expect(r.dataPoints).toHaveLength(3);
    const q = await importEde('keyname;device obj.-instance;object-name;object-type;object-instance\nA;1;"A;0;1\nB;1;B;0;2\n');
    expect(q.rejected).toEqual([expect.objectContaining({ line: 2, reason: expect.objectContaining({ en: 'unclosed quote' }) })]);
    expect(q.dataPoints.map((d) => d.name)).toEqual(['B']);
  });

  it('reads Node streams and ArrayBuffers, and rejects overlong lines without holding them', async () => {
    const { Readable } = await import('node:stream');
    const fromNode = await importEde(Readable.from([Buffer.from(file.slice(0, 300)), Buffer.from(file.slice(300))]));
    expect(fromNode.dataPoints).toHaveLength(3);
    const bytes = new TextEncoder().encode(file);
    const fromBuffer = await importEde(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(fromBuffer.dataPoints).toHaveLength(3);
    const long = `${header.join('\n')}\n${'x'.repeat(5000)}\n${rows[0]}\n`;
    const chunks = [long.slice(0, 1000), long.slice(1000, 3000), long.slice(3000)];
    const r = await importEde(chunks, { maxRecordLength: 500 });
    expect(r.rejected).toEqual([expect.objectContaining({ line: 8, reason: expect.objectContaining({ en: 'line too long' }) })]);
    expect(r.dataPoints.map((d) => d.name)).toEqual([rows[0]?.split(';')[2]]);
  });

  it('yields events one by one', async () => {
    const kinds: string[] = [];
    for await (const e of readEde([file.slice(0, 100), file.slice(100)])) kinds.push(e.kind);
    expect(kinds).toEqual(['format', 'metadata', 'metadata', 'metadata', 'metadata', 'metadata', 'columns', 'data-point', 'data-point', 'data-point']);
  });

  it('rejects a header without object type or instance and a broken source with a typed error', async () => {
    await expect(importEde('keyname;object-name\nA;B\n')).rejects.toMatchObject({ code: 'ede-format', location: { line: 1 } });
    const broken = (async function* () {
      yield new TextEncoder().encode('keyname;');
      throw new Error('disk gone');
    })();
    await expect(importEde(broken)).rejects.toSatisfy((e: unknown) => BuildingDataError.isInstance(e) && (e as BuildingDataError).code === 'ede-format');
  });

  it('refuses a source that is no text, bytes or stream, and chunks of another kind, with a typed error', async () => {
    const numbers = (async function* () {
      yield 7;
    })();
    for (const source of [42, null, { read: () => 'x' }, numbers, [new TextEncoder().encode('keyname;'), {}]]) {
      await expect(importEde(source as never)).rejects.toSatisfy((e: unknown) => BuildingDataError.isInstance(e));
    }
    expect(await importEde(new Blob(['keyname;device obj.-instance;object-name;object-type;object-instance\nA;1;B;0;1\n']))).toMatchObject({ dataPoints: [{ key: 'A' }] });
  });
});

describe('EDE fuzzing', () => {
  const base = new TextEncoder().encode(file);
  const isTyped = (e: unknown): boolean => BuildingDataError.isInstance(e);

  it('never throws anything but BuildingDataError on mutated files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(base.length - 1), byte: fc.integer({ min: 0, max: 255 }), op: fc.constantFrom('set', 'insert', 'delete') }), { maxLength: 30 }),
        fc.constantFrom<'auto' | 'utf-8' | 'windows-1252'>('auto', 'utf-8', 'windows-1252'),
        async (mutations, encoding) => {
          const bytes = [...base];
          for (const m of mutations) {
            const at = Math.min(m.at, bytes.length);
            if (m.op === 'set') bytes[at] = m.byte;
            else if (m.op === 'insert') bytes.splice(at, 0, m.byte);
            else bytes.splice(at, 1);
          }
          try {
            const r = await importEde(Uint8Array.from(bytes), { encoding, keyGrammar: genericAksProfile });
            for (const row of r.rejected) expect(row.line).toBeGreaterThan(0);
            // the importer builds data points without running the schema: they must satisfy it
            for (const point of r.dataPoints) expect(dataPointSchema.safeParse(point).success).toBe(true);
          } catch (e) {
            expect(isTyped(e)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws anything but BuildingDataError on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(';', ',', '\t', '"', '\n', '\r', '#', 'a', '1', ' ', 'keyname', 'object-type', 'object-instance', '0', 'ä'), maxLength: 200 }), async (text) => {
        try {
          await importEde(text, { maxRecordLength: 50 });
        } catch (e) {
          expect(isTyped(e)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** A key grammar that accepts exactly the given keys (to test key rejection). */
function createLenientGrammarFor(keys: string[]) {
  return {
    ...genericAksProfile,
    validate: (key: string) =>
      keys.includes(key)
        ? ({ ok: true, parts: { key } } as const)
        : genericAksProfile.validate(key),
  };
}

describe('EDE import of generated rows', () => {
  it('imports rows built from arbitrary valid data points back to the same data points, which satisfy the schema', async () => {
    const point = fc.record({
      type: fc.constantFrom(0, 1, 2, 3, 4, 5, 13, 14, 19, 23),
      instance: fc.integer({ min: 0, max: 4194303 }),
      device: fc.integer({ min: 0, max: 4194303 }),
      name: fc.string({ unit: fc.constantFrom(...'ABCabc019 .-_äöüß€"'), minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '' && !s.trim().startsWith('#')),
      description: fc.string({ unit: fc.constantFrom(...'xyz ;,\t"äÖ\n'), maxLength: 20 }),
      units: fc.option(fc.constantFrom(62, 19, 98), { nil: undefined }),
      writable: fc.boolean(),
      low: fc.option(fc.double({ min: -1000, max: 1000, noNaN: true }).map((v) => v + 0), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(point, { minLength: 1, maxLength: 8, selector: (p) => `${p.device}|${p.type}|${p.instance}` }), fc.constantFrom(';', ',', '\t'), fc.boolean(), async (points, sep, cp1252) => {
        const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const lines = ['keyname;device obj.-instance;object-name;object-type;object-instance;description;settable;low-limit;unit-code'.split(';').join(sep)];
        for (const p of points) {
          lines.push([quote(p.name), p.device, quote(p.name), p.type, p.instance, quote(p.description), p.writable ? 'Y' : 'N', p.low ?? '', p.units ?? ''].join(sep));
        }
        const text = lines.join('\r\n');
        const bytes = cp1252 ? Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0)))) : new TextEncoder().encode(text);
        const r = await importEde(bytes, { separator: 'auto' });
        expect(r.rejected).toEqual([]);
        expect(r.dataPoints).toHaveLength(points.length);
        r.dataPoints.forEach((d, i) => {
          const p = points[i]!;
          expect(dataPointSchema.safeParse(d).success).toBe(true);
          expect(d.name).toBe(p.name.trim());
          expect(d.objectIdentifier.instance).toBe(p.instance);
          expect(d.deviceInstance).toBe(p.device);
          expect(d.description).toBe(p.description.trim() === '' ? undefined : p.description.trim());
          expect(d.writable).toBe(p.writable);
          expect(d.units).toBe(p.units);
          expect(d.limits?.low).toBe(p.low);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('EDE encodings found late in the file', () => {
  const head = 'keyname;device obj.-instance;object-name;object-type;object-instance;description\n';
  const asciiRows = Array.from({ length: 1200 }, (_, i) => `K${i};1;N${i};0;${i};plain ascii text for padding the first chunk`).join('\n');

  it('switches to Windows-1252 when the first 64 KiB were ASCII', async () => {
    const text = `${head}${asciiRows}\nLATE;1;LATE;0;99999;Kältemaschine\n`;
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    expect(bytes.length).toBeGreaterThan(65536);
    const chunks = [bytes.slice(0, 70000), bytes.slice(70000)];
    const r = await importEde(chunks);
    expect(r.encoding).toBe('windows-1252');
    expect(r.rejected).toEqual([]);
    expect(r.dataPoints.at(-1)?.description).toBe('Kältemaschine');
  });

  it('rejects only the row with invalid bytes in a UTF-8 file', async () => {
    const utf8 = new TextEncoder().encode(`${head}Ä;1;Ä;0;5000;Größe\n${asciiRows}\n`);
    const bad = new Uint8Array([...utf8, ...new TextEncoder().encode('BAD;1;BAD;0;99999;x'), 0xff, 0x0a, ...new TextEncoder().encode('OK;1;OK;0;99998;y\n')]);
    const r = await importEde([bad.slice(0, 70000), bad.slice(70000)]);
    expect(r.encoding).toBe('utf-8');
    expect(r.rejected).toEqual([expect.objectContaining({ line: 1203, reason: expect.objectContaining({ en: 'invalidly encoded characters (not UTF-8; set the encoding?)' }) })]);
    expect(r.dataPoints.at(-1)?.name).toBe('OK');
    expect(r.dataPoints[0]?.description).toBe('Größe');
  });
});
