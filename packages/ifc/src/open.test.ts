import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IfcError } from './errors.js';
import { openIfc, parseIfc } from './open.js';
import { bytesOf, stepFile } from './test-helpers.js';

const small = stepFile(
  [
    "#1=IFCPROJECT('0YvctVUKr0kugbFTf53O9L',$,'Projekt \\X2\\00C4\\X0\\',$,$,$,$,$,$);",
    "#2=IFCWALL('1YvctVUKr0kugbFTf53O9L',$,'W1',$,$,$,$,$,.SOLIDWALL.);",
    "#3=IFCWALLSTANDARDCASE('2YvctVUKr0kugbFTf53O9L',$,'W2',$,$,$,$,$,$);",
    '/* #4=IFCWALL(); inside a comment is no entity */',
    "#5 = IFCSLAB ( '3YvctVUKr0kugbFTf53O9L' , $ , 'S' , $ , $ , $ , $ , $ , .FLOOR. ) ;",
  ].join('\n'),
);

describe('parseIfc', () => {
  it('reads the header', () => {
    const m = parseIfc(small);
    expect(m.schema).toBe('IFC4');
    expect(m.schemaIdentifier).toBe('IFC4');
    expect(m.header.fileName).toBe('test.ifc');
    expect(m.header.originatingSystem).toBe('Tool X 2.0');
    expect(m.header.author).toEqual(['Ann']);
    expect(m.header.description).toEqual(['ViewDefinition [CoordinationView]']);
  });
  it('indexes entities, counts types and decodes lazily with named attributes', () => {
    const m = parseIfc(small);
    expect(m.size).toBe(4);
    expect(m.maxExpressId).toBe(5);
    expect(m.typeCounts()).toEqual({ IFCPROJECT: 1, IFCWALL: 1, IFCWALLSTANDARDCASE: 1, IFCSLAB: 1 });
    expect(m.typeOf(3)).toBe('IFCWALLSTANDARDCASE');
    expect(m.has(4)).toBe(false);
    expect(m.get(4)).toBeUndefined();
    const p = m.get(1);
    expect(p?.attributes['Name']).toBe('Projekt Ä');
    expect(m.get(5)?.attributes['PredefinedType']).toEqual({ kind: 'enum', value: 'FLOOR' });
    expect(m.get(2)?.args).toHaveLength(9);
    expect(m.attribute(2, 'name')).toBe('W1');
    expect(m.rawArgs(5)?.[2]).toBe("'S'");
    expect(m.warnings).toEqual([]);
  });
  it('lists instances by type, with or without subtypes', () => {
    const m = parseIfc(small);
    expect(m.ofType('IfcWall')).toEqual([2]);
    expect(m.ofType('IFCWALL', { includeSubtypes: true })).toEqual([2, 3]);
    expect(m.ofType('IfcBuildingElement', { includeSubtypes: true })).toEqual([2, 3, 5]);
    expect(m.ofType('IfcDoor')).toEqual([]);
    expect(m.isA(3, 'IfcWall')).toBe(true);
  });
  it('interns type names by bytes: names whose hashes collide stay apart', () => {
    // 31 * 'A' + 'Q' === 31 * 'B' + '2': IFCXAQ and IFCXB2 have the same hash
    const m = parseIfc(stepFile("#1=IFCXAQ('x');\n#2=IFCXB2('y');\n#3=IFCXAQB2('z');\n#4=IFCXB2AQ('w');\n#5=ifcxaq('v');"));
    expect(m.typeCounts()).toEqual({ IFCXAQ: 2, IFCXB2: 1, IFCXAQB2: 1, IFCXB2AQ: 1 });
    expect(m.typeOf(2)).toBe('IFCXB2');
  });
  it('reads several DATA sections and edition-3 DATA headers', () => {
    const text =
      "ISO-10303-21;HEADER;FILE_DESCRIPTION((''),'2;1');FILE_NAME('','',(''),(''),'','','');FILE_SCHEMA(('IFC2X3'));ENDSEC;" +
      "DATA;#1=IFCWALL('a',$,$,$,$,$,$,$);ENDSEC;DATA('second',('IFC2X3'));#2=IFCWALL('b',$,$,$,$,$,$,$);ENDSEC;END-ISO-10303-21;";
    const m = parseIfc(bytesOf(text));
    expect(m.schema).toBe('IFC2X3');
    expect(m.dataSections).toBe(2);
    expect(m.ofType('IFCWALL')).toEqual([1, 2]);
  });
  it("keeps ';', '=', '/*' and quotes inside strings, and comments between entities", () => {
    const m = parseIfc(
      stepFile(
        "#1=IFCWALL('a;b=c/*d''e;',$,'x;'/* c; */,$,$,$,$,$,$);\n/* #9=IFCSLAB(); */#2=IFCSLAB('s',$,'y',$,$,$,$,$,$);",
      ),
    );
    expect(m.get(1)?.attributes['Name']).toBe('x;');
    expect(m.get(1)?.attributes['GlobalId']).toBe("a;b=c/*d'e;");
    expect(m.typeCounts()).toEqual({ IFCWALL: 1, IFCSLAB: 1 });
  });
  it('reads strings longer than 64 KiB', () => {
    const long = 'x'.repeat(70_000) + "''" + 'y'.repeat(1000);
    const m = parseIfc(stepFile(`#1=IFCWALL('g',$,'${long}',$,$,$,$,$,$);\n#2=IFCSLAB('h',$,$,$,$,$,$,$,$);`));
    expect((m.get(1)?.attributes['Name'] as string).length).toBe(71_001);
    expect(m.typeOf(2)).toBe('IFCSLAB');
  });
  it('opens .ifczip bytes', () => {
    const zipped = zipSync({ 'model/house.ifc': small, 'readme.txt': bytesOf('hi') });
    expect(parseIfc(zipped).size).toBe(4);
  });
});

describe('openIfc', () => {
  it('opens bytes, ArrayBuffers, streams, async iterables and Blobs alike', async () => {
    const copy = small.slice().buffer;
    const chunks = async function* () {
      for (let i = 0; i < small.length; i += 7) yield small.subarray(i, i + 7);
    };
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < small.length; i += 3) c.enqueue(small.slice(i, i + 3));
        c.close();
      },
    });
    for (const source of [small, copy, chunks(), stream, new Blob([small])]) {
      const m = await openIfc(source);
      expect(m.typeCounts()).toEqual({ IFCPROJECT: 1, IFCWALL: 1, IFCWALLSTANDARDCASE: 1, IFCSLAB: 1 });
      expect(m.get(1)?.attributes['Name']).toBe('Projekt Ä');
    }
  });
  it('reports progress and stops on abort', async () => {
    const phases: string[] = [];
    await openIfc(small, { onProgress: (p) => phases.push(p.phase) });
    expect(phases).toContain('index');
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await expect(openIfc(small, { signal: ac.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
  it('rejects things that are not STEP files with a typed error', async () => {
    await expect(openIfc(bytesOf('<xml/>'))).rejects.toSatisfy((e) => IfcError.isInstance(e) && e.code === 'not-step');
  });
  it('refuses a source that is no stream and chunks that are not bytes with a typed error', async () => {
    const text = async function* () {
      yield small.subarray(0, 10);
      yield 'ISO-10303-21;';
    };
    const numbers = async function* () {
      yield 42;
    };
    for (const source of [text(), numbers(), { length: 3 }]) {
      await expect(openIfc(source as never)).rejects.toSatisfy((e) => IfcError.isInstance(e) && e.code === 'io');
    }
  });
});
