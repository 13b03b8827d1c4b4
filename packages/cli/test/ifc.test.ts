import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticIfc } from '../../ifc/bench/generate.js';
import { school, schoolAreas, writeDemo } from './demo.js';
import { cli, cliInPty, hasAnsi, pty, tempDir } from './helpers.js';

interface Summary {
  schema: string;
  entities: number;
  entityTypes: Record<string, number>;
  storeys: number;
  spaces: number;
  spaceEntities: number;
  classifiedSpaces: number;
  areas: Record<string, number>;
  buildings: { name: string; storeys: { name: string; elevation: number | null; spaces: number; areas: Record<string, number> }[] }[];
  problems: { code: string }[];
}

const ifcCorpus = corpus('ifc');
const dir = tempDir();
let demo: { ifc: string; ids: string };

beforeAll(() => {
  demo = writeDemo(dir);
});

describe('ifc summary on the demo school of the reference app', () => {
  it('reports storeys, spaces and DIN 277 areas as the demo data defines them', async () => {
    const r = await cli(['ifc', 'summary', demo.ifc, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.schema).toBe('IFC4');
    expect(s.storeys).toBe(school.storeys.length);
    expect(s.spaces).toBe(school.storeys.reduce((n, st) => n + st.spaces.length, 0));
    const nrf = Object.values(schoolAreas()).reduce((a, b) => a + b, 0);
    expect(s.areas['nrf']).toBeCloseTo(nrf, 6);
    // the demo classifies its spaces with DIN 277 classification references (NUF 5, VF, TF …)
    const byField: Record<string, number> = {};
    for (const [category, area] of Object.entries(schoolAreas())) {
      const field = category === 'VF' ? 'vf' : category === 'TF' ? 'tf' : `nuf${category.replace(/\D/g, '')}`;
      byField[field] = (byField[field] ?? 0) + area;
    }
    for (const [field, area] of Object.entries(byField)) expect(s.areas[field], field).toBeCloseTo(area, 6);
    expect(s.classifiedSpaces).toBe(s.spaces);
    const storeys = s.buildings.flatMap((b) => b.storeys);
    expect(storeys.map((st) => st.elevation)).toEqual(school.storeys.map((st) => st.elevation));
    expect(storeys.map((st) => st.spaces)).toEqual(school.storeys.map((st) => st.spaces.length));
  });

  it('prints a readable German and English summary', async () => {
    const de = await cli(['ifc', 'summary', demo.ifc]);
    expect(de.code).toBe(0);
    expect(de.stdout).toContain('Schema     IFC4');
    expect(de.stdout).toContain(`Gebäude ${school.name}`);
    expect(de.stdout).toContain('DIN-277-Flächen (m²)');
    const en = await cli(['ifc', 'summary', demo.ifc, '--lang', 'en']);
    expect(en.stdout).toContain(`Building ${school.name}`);
    expect(en.stdout).toContain('DIN 277 areas (m²)');
  });

  it('reads the model from stdin with -', async () => {
    const fromFile = JSON.parse((await cli(['ifc', 'summary', demo.ifc, '--json'])).stdout) as Summary & { file: string; bytes: number };
    const r = await cli(['ifc', 'summary', '-', '--json'], { input: readFileSync(demo.ifc) });
    expect(r.code).toBe(0);
    expect({ ...(JSON.parse(r.stdout) as object), file: demo.ifc }).toEqual(fromFile);
  });

  it('reads an .ifczip', async () => {
    const zip = join(dir, 'schule.ifczip');
    writeFileSync(zip, zipSync({ 'schule.ifc': readFileSync(demo.ifc) }));
    const r = await cli(['ifc', 'summary', zip, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Summary).spaces).toBe(school.storeys.reduce((n, st) => n + st.spaces.length, 0));
  });
});

describe.skipIf(!ifcCorpus.available)('ifc summary on the shared IFC corpus', () => {
  const files = ifcCorpus.available
    ? [...readdirSync(ifcCorpus.path).map((f) => join(ifcCorpus.path, f)), ...readdirSync(join(ifcCorpus.path, 'ifc4x3')).map((f) => join(ifcCorpus.path, 'ifc4x3', f))].filter((f) => f.endsWith('.ifc'))
    : [];
  it('finds the corpus models', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });
  it.each(files)('%s matches its golden facts', async (file) => {
    const golden = JSON.parse(readFileSync(file.replace(/\.ifc$/, '.golden.json'), 'utf8')) as {
      schema: string;
      entityCount: number;
      typeCounts: Record<string, number>;
      spatialCounts: Record<string, number>;
    };
    const r = await cli(['ifc', 'summary', file, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.schema).toBe(golden.schema);
    expect(s.entities).toBe(golden.entityCount);
    expect(s.entityTypes).toEqual(golden.typeCounts);
    expect(s.storeys).toBe(golden.spatialCounts['IFCBUILDINGSTOREY'] ?? 0);
    expect(s.spaceEntities).toBe(golden.spatialCounts['IFCSPACE'] ?? 0);
    expect(s.spaces).toBeLessThanOrEqual(s.spaceEntities);
  });
});

describe('ifc summary refuses broken and hostile input with exit code 2', () => {
  const bad = (name: string, content: string | Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  it.each([
    ['empty file', () => bad('empty.ifc', '')],
    ['not IFC', () => bad('text.ifc', 'Hallo Welt, kein IFC\n')],
    ['binary noise', () => bad('noise.ifc', new Uint8Array(4096).map((_, i) => (i * 7919) % 251))],
    ['damaged zip', () => bad('broken.ifczip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))],
    ['a directory', () => {
      const d = join(dir, 'ordner.ifc');
      mkdirSync(d, { recursive: true });
      return d;
    }],
    ['a missing file', () => join(dir, 'fehlt.ifc')],
  ])('%s', async (_name, make) => {
    const r = await cli(['ifc', 'summary', make(), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/ \/ /); // German / English message
    expect(r.stderr).not.toContain('Interner Fehler');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.skipIf(!ifcCorpus.available)('mutated corpus bytes give a summary or a typed refusal, never a crash', async () => {
    const source = readFileSync(join(ifcCorpus.path, 'AC20-FZK-Haus.ifc')).subarray(0, 200_000);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(source.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 50 }), fc.nat(source.length), async (edits, cut) => {
        const bytes = Uint8Array.from(source.subarray(0, Math.max(cut, 1)));
        for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
        const r = await cli(['ifc', 'summary', '-', '--json'], { input: bytes });
        expect([0, 2]).toContain(r.code);
        expect(r.stderr).not.toContain('Interner Fehler');
        if (r.code === 0) expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
      }),
      { numRuns: 12, seed: 19 },
    );
  });
});

describe.skipIf(!ifcCorpus.available)('progress and Ctrl-C on a large model', () => {
  let large: string;
  beforeAll(async () => {
    large = (await generateSyntheticIfc(12e6, { dir, name: 'gross.ifc' })).path;
  });

  it.skipIf(!pty.available)('shows a progress bar with bytes and speed in a terminal', async () => {
    const r = await cliInPty(['ifc', 'summary', large]);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/IFC lesen \[[^\]]*\] \d+% \| [\d,]+ MB \/ [\d,]+ MB \| [\d,]+ MB\/s/);
    expect(r.output).toContain('Entitäten');
  });

  it.skipIf(!pty.available)('shows no bar when stderr is not a terminal, and none for small files in a terminal', async () => {
    const piped = await cli(['ifc', 'summary', large, '--json']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    const small = await cliInPty(['ifc', 'summary', demo.ifc]);
    expect(small.output).not.toContain('IFC lesen');
    expect(hasAnsi(small.output)).toBe(true);
  });

  it.skipIf(!pty.available)('ids check counts the specifications with a bar on a large model', async () => {
    const r = await cliInPty(['ids', 'check', demo.ids, large]);
    expect([0, 1]).toContain(r.code);
    expect(r.output).toMatch(/IFC lesen \[[^\]]*\] \d+%/);
    expect(r.output).toMatch(/Spezifikationen \[[^\]]*\] \d+\/\d+/);
    expect(r.output).toMatch(/Ergebnis: /);
  });

  it('Ctrl-C while reading stdin stops cleanly with exit code 130', async () => {
    const r = await cli(['ifc', 'summary', '-'], {
      onSpawn: (child) => {
        // send a first part, then interrupt while the reader waits for more
        child.stdin?.write(readFileSync(large).subarray(0, 1_000_000));
        setTimeout(() => child.kill('SIGINT'), 700);
      },
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('Abgebrochen / aborted');
    expect(r.stdout).toBe('');
  });
});
