import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IfcError, type IfcWarning } from './errors.js';
import { openIfc, parseIfc } from './open.js';
import { bytesOf, stepFile } from './test-helpers.js';

const wall = (id: number) => `#${id}=IFCWALL('${String(id).padStart(22, '0')}',$,'W${id}',$,$,$,$,$,$);`;

function codes(ws: readonly IfcWarning[]): string[] {
  return ws.map((w) => w.code);
}

function expectError(fn: () => unknown, code: string): IfcError {
  try {
    fn();
  } catch (e) {
    expect(IfcError.isInstance(e)).toBe(true);
    expect((e as IfcError).code).toBe(code);
    expect((e as IfcError).message).toMatch(/ \/ /); // German / English
    return e as IfcError;
  }
  throw new Error(`expected IfcError ${code}`);
}

describe('bad input', () => {
  it('rejects bytes that are not STEP', () => {
    const e = expectError(() => parseIfc(bytesOf('PK garbage that is not a zip')), 'not-step');
    expect(e.offset).toBe(0);
    expect(e.line).toBe(1);
    expectError(() => parseIfc(new Uint8Array(0)), 'not-step');
    expectError(() => parseIfc(new Uint8Array([0, 1, 2, 3, 255, 254])), 'not-step');
  });
  it('rejects STEP files of another schema as not IFC', () => {
    const e = expectError(() => parseIfc(stepFile('#1=CARTESIAN_POINT(\'\',(0.,0.,0.));', 'AUTOMOTIVE_DESIGN')), 'not-ifc');
    expect(e.offset).toBeGreaterThan(0);
  });
  it('rejects a damaged ZIP archive', () => {
    expectError(() => parseIfc(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), 'zip');
  });
  it('reports a file cut off inside an entity and keeps what came before', () => {
    const full = stepFile([wall(1), wall(2), wall(3)].join('\n'));
    const text = new TextDecoder().decode(full);
    const cut = full.subarray(0, text.indexOf('#3=') + 20);
    const m = parseIfc(cut);
    expect(m.ofType('IFCWALL')).toEqual([1, 2]);
    const w = m.warnings.find((x) => x.code === 'truncated');
    expect(w).toMatchObject({ entityId: 3, offset: text.indexOf('#3='), line: 10 });
  });
  it('throws when the file ends in the header', () => {
    expectError(() => parseIfc(bytesOf("ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC4'")), 'truncated');
  });
  it('reports an entity left without ";" and resynchronises at the next "#id="', () => {
    const text = `${wall(1)}\n#2=IFCWALL('x',$,'W2',$,$,$,$,$,$\n${wall(3)}`;
    const m = parseIfc(stepFile(text));
    expect(m.ofType('IFCWALL')).toEqual([1, 3]);
    expect(m.warnings[0]).toMatchObject({ code: 'truncated', entityId: 2, line: 9 });
  });
  it('reports unbalanced parentheses with offset, line and entity id when decoding and in validate()', () => {
    const text = `${wall(1)}\n#2=IFCWALL(('x',$,'W2',$,$,$,$,$,$);\n${wall(3)}\n#4=IFCWALL('y',$,$,$,$,$,$,$,$));`;
    const m = parseIfc(stepFile(text));
    expect(m.size).toBe(4);
    const e = expectError(() => m.get(2), 'unbalanced-parentheses');
    expect(e).toMatchObject({ entityId: 2, line: 9 });
    expect(e.message).toContain('Zeile 9');
    expect(m.get(3)?.attributes['Name']).toBe('W3');
    expect(m.validate()).toMatchObject([
      { code: 'unbalanced-parentheses', entityId: 2, line: 9 },
      { code: 'unbalanced-parentheses', entityId: 4, line: 11 },
    ]);
  });
  it('reports an unterminated string and resumes on the next line', () => {
    // (a string may legally span lines, so only a quote that never closes is unterminated)
    const m = parseIfc(stepFile(`#1=IFCWALL('abc,$,$,$,$,$,$,$,$);\n#2=IFCSLAB(1.);\n#3=IFCSLAB(2.);`));
    expect(m.ofType('IFCSLAB')).toEqual([2, 3]);
    expect(m.warnings[0]).toMatchObject({ code: 'unterminated-string', entityId: 1, line: 8 });
  });
  it('skips garbage between entities with a warning', () => {
    const m = parseIfc(stepFile(`${wall(1)}\n\u0000\u0001garbage here;\n${wall(2)}\n#=oops;\n${wall(3)}`));
    expect(m.ofType('IFCWALL')).toEqual([1, 2, 3]);
    expect(codes(m.warnings)).toEqual(['garbage', 'garbage']);
    expect(m.warnings[0]?.line).toBe(9);
    expect(m.warnings[1]?.line).toBe(11);
  });
  it('warns about duplicate ids (the first counts) and unknown types', () => {
    const m = parseIfc(stepFile(`${wall(1)}\n#1=IFCSLAB('s',$,$,$,$,$,$,$,$);\n#2=IFCNOSUCHTHING(1);`));
    expect(m.size).toBe(3);
    expect(m.typeOf(1)).toBe('IFCWALL');
    expect(m.warnings).toMatchObject([
      { code: 'duplicate-id', entityId: 1, line: 9 },
      { code: 'unknown-type', entityId: 2, line: 10 },
    ]);
    expect(m.get(2)).toMatchObject({ type: 'IFCNOSUCHTHING', args: [1], attributes: {} });
  });
  it('finds dangling references in relationships and in validate()', () => {
    const m = parseIfc(stepFile(`${wall(1)}\n#2=IFCRELAGGREGATES('r',$,$,$,#1,(#99));\n#3=IFCWALL('y',#77,$,$,$,$,$,$,$);`));
    expect(m.relations(1).aggregates).toEqual([99]);
    expect(m.warnings).toMatchObject([{ code: 'dangling-reference', entityId: 2, line: 9 }]);
    expect(m.validate()).toMatchObject([
      { code: 'dangling-reference', entityId: 2 },
      { code: 'dangling-reference', entityId: 3, line: 10 },
    ]);
  });
  it('reports a missing ENDSEC and END-ISO-10303-21 as truncation', () => {
    const m = parseIfc(bytesOf(`ISO-10303-21;HEADER;FILE_SCHEMA(('IFC4'));ENDSEC;DATA;${wall(1)}`));
    expect(m.size).toBe(1);
    expect(codes(m.warnings)).toEqual(['truncated', 'truncated']);
  });
});

const ifc = corpus('ifc');
describe.skipIf(!ifc.available)('fuzzing with mutated real files', () => {
  const original = ifc.available ? readFileSync(join(ifc.path, 'IfcOpenHouse_IFC4.ifc')) : new Uint8Array();

  /** Opens and uses a model; only IfcError may come out. */
  function exercise(bytes: Uint8Array): void {
    try {
      const m = parseIfc(bytes);
      m.typeCounts();
      m.spatialTree();
      for (const id of m.ofType('IfcProduct', { includeSubtypes: true }).slice(0, 40)) {
        m.propertySets(id);
        m.quantities(id);
        m.materials(id);
        m.classifications(id);
      }
      m.validate({ maxProblems: 50 });
      for (const w of m.warnings) {
        expect(typeof w.line).toBe('number');
        expect(typeof w.offset).toBe('number');
      }
    } catch (e) {
      if (!IfcError.isInstance(e)) throw e;
    }
  }

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 200 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.constantFrom("'", '(', ')', ';', '#', '/*', '*/', '#12=', '\\X2\\', '\u0000', 'ENDSEC;', '((((((', ',,', '$'),
    }),
  );

  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;
  function apply(bytes: Uint8Array, ms: readonly Mutation[]): Uint8Array {
    let b = bytes;
    for (const m of ms) {
      const at = m.at % Math.max(1, b.length);
      if (m.kind === 'flip') {
        b = b.slice();
        b[at] = m.byte;
      } else if (m.kind === 'cut') b = b.subarray(0, at);
      else if (m.kind === 'delete') b = new Uint8Array([...b.subarray(0, at), ...b.subarray(at + m.n)]);
      else b = new Uint8Array([...b.subarray(0, at), ...bytesOf(m.text), ...b.subarray(at)]);
    }
    return b;
  }

  it('never throws anything but IfcError and never hangs', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (ms) => exercise(apply(original, ms))),
      { numRuns: 150 },
    );
  });
  it('handles every prefix length class of a real file', async () => {
    for (let n = 0; n < original.length; n += 997) {
      exercise(original.subarray(0, n));
      // the streaming path must agree with the one-shot path
      if (n % (997 * 20) === 0) {
        let one: string;
        try {
          one = JSON.stringify(parseIfc(original.subarray(0, n)).typeCounts());
        } catch (e) {
          one = (e as IfcError).code;
        }
        let streamed: string;
        try {
          const part = original.subarray(0, n);
          const chunks = async function* () {
            for (let i = 0; i < part.length; i += 4093) yield part.subarray(i, i + 4093);
          };
          streamed = JSON.stringify((await openIfc(chunks())).typeCounts());
        } catch (e) {
          streamed = (e as IfcError).code;
        }
        expect(streamed).toBe(one);
      }
    }
  });
});
