import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkIds, parseIds } from '@foederal/ids';
import { parseIfc } from '@foederal/ifc';
import { corpus } from '@foederal/test-utils';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemo } from './demo.js';
import { cli, tempDir } from './helpers.js';

const idsCorpus = corpus('ids');
const dir = tempDir();
let demo: { ifc: string; ids: string };
const shippedIds = join(import.meta.dirname, '..', '..', 'recommendations', 'assets', 'gebaeudedaten-2027.ids');

beforeAll(() => {
  demo = writeDemo(dir);
});

describe('ids check on the demo school and the demo IDS of the reference app', () => {
  it('fails with exit code 1: the Lehrmittelraum has no net floor area (on purpose in the demo)', async () => {
    const r = await cli(['ids', 'check', demo.ids, demo.ifc]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ nicht bestanden  Räume haben eine Netto-Raumfläche');
    expect(r.stdout).toContain('„1.05“');
    expect(r.stdout).toMatch(/Ergebnis: 1 von \d+ Spezifikationen nicht bestanden/);
  });

  it('--format json is the report of checkIds, specification by specification merged to the same result', async () => {
    const r = await cli(['ids', 'check', demo.ids, demo.ifc, '--format', 'json']);
    expect(r.code).toBe(1);
    const expected = checkIds(parseIds(readFileSync(demo.ids)), parseIfc(readFileSync(demo.ifc)));
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(r.stderr).toMatch(/1 von \d+ Spezifikationen nicht bestanden/);
  });

  it('writes HTML in the chosen language and BCF to --output', async () => {
    const html = join(dir, 'bericht.html');
    const r = await cli(['ids', 'check', demo.ids, demo.ifc, '--format', 'html', '--output', html, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).toContain('lang="en"');
    const bcf = join(dir, 'abweichungen.bcf');
    const b = await cli(['ids', 'check', demo.ids, demo.ifc, '--format', 'bcf', '-o', bcf]);
    expect(b.code).toBe(1);
    expect([...readFileSync(bcf).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('reads the IDS from stdin with -, but refuses both inputs from stdin', async () => {
    const r = await cli(['ids', 'check', '-', demo.ifc, '--format', 'json'], { input: readFileSync(demo.ids) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ passed: false });
    const both = await cli(['ids', 'check', '-', '-']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Standardeingabe');
  });

  it('a missing model, an invalid IDS or a broken model is exit code 2', async () => {
    expect((await cli(['ids', 'check', demo.ids, join(dir, 'fehlt.ifc')])).code).toBe(2);
    const broken = join(dir, 'kaputt.ids');
    writeFileSync(broken, '<ids><info></ids>');
    const r = await cli(['ids', 'check', broken, demo.ifc]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Zeile|line/);
    const notIfc = join(dir, 'kein.ifc');
    writeFileSync(notIfc, 'ISO-10303-21;\nHEADER;ENDSEC;');
    expect((await cli(['ids', 'check', demo.ids, notIfc])).code).toBe(2);
  });

  it('the IDS shipped with the recommendation Gebäudedaten 2027 audits clean', async () => {
    const r = await cli(['ids', 'audit', shippedIds]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gültig, \d+ Warnungen/);
  });
});

describe('ids audit refuses hostile XML with its line', () => {
  const write = (name: string, text: string | Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  it('a DOCTYPE (entity expansion) is an error at line 2, exit code 1', async () => {
    const p = write('bomb.ids', '<?xml version="1.0"?>\n<!DOCTYPE ids [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n<ids>&b;</ids>\n');
    const r = await cli(['ids', 'audit', p, '--json']);
    expect(r.code).toBe(1);
    const audit = JSON.parse(r.stdout) as { valid: boolean; issues: { line: number; rule: string }[] };
    expect(audit.valid).toBe(false);
    expect(audit.issues[0]).toMatchObject({ line: 2, rule: 'xml-doctype' });
  });

  it('refuses what the XML limits refuse: too deep, too long an attribute, not UTF-8', async () => {
    const cases: [string, string | Uint8Array, string][] = [
      ['tief.ids', `<ids>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</ids>`, 'xml-too-deep'],
      ['lang.ids', `<ids a="${'x'.repeat(70_000)}"></ids>`, 'xml-attribute-too-long'],
      ['latin1.ids', Uint8Array.from([0x3c, 0x69, 0x64, 0x73, 0x3e, 0xe4, 0xff, 0xfe, 0x3c, 0x2f, 0x69, 0x64, 0x73, 0x3e]), 'xml-encoding'],
    ];
    for (const [name, text, rule] of cases) {
      const r = await cli(['ids', 'audit', write(name, text as string), '--json']);
      expect(r.code, name).toBe(1);
      expect((JSON.parse(r.stdout) as { issues: { rule: string }[] }).issues[0]?.rule, name).toBe(rule);
      const check = await cli(['ids', 'check', join(dir, name), demo.ifc]);
      expect(check.code, name).toBe(2);
    }
  });

  it('a report that cannot be written is exit code 2', async () => {
    const r = await cli(['ids', 'check', demo.ids, demo.ifc, '--format', 'json', '--output', join(dir, 'gibt-es-nicht', 'bericht.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nicht schreibbar / cannot write');
  });

  it('fuzzed IDS text gives an audit (exit 0 or 1), never a crash', async () => {
    const source = readFileSync(demo.ids, 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.nat(source.length), fc.string({ maxLength: 20 }), async (at, insert) => {
        const r = await cli(['ids', 'audit', '-', '--json'], { input: source.slice(0, at) + insert + source.slice(at) });
        expect([0, 1]).toContain(r.code);
        expect(r.stderr).not.toContain('Interner Fehler');
        expect(JSON.parse(r.stdout)).toHaveProperty('issues');
      }),
      { numRuns: 10, seed: 19 },
    );
  });
});

interface Case {
  facet: string;
  case: string;
  expected: 'pass' | 'fail' | 'invalid';
  ids: string;
  ifc: string;
}

describe.skipIf(!idsCorpus.available)('ids check and audit on the shared buildingSMART test cases', () => {
  const cases = idsCorpus.available ? (JSON.parse(readFileSync(join(idsCorpus.path, 'cases.json'), 'utf8')) as { cases: Case[] }).cases : [];
  // one case per facet and outcome: the CLI's wiring (the checker itself is conformance-tested in @foederal/ids)
  const picked = cases.filter((c, i) => cases.findIndex((d) => d.facet === c.facet && d.expected === c.expected) === i);
  it('picks a case of every facet and outcome', () => {
    expect(picked.length).toBeGreaterThanOrEqual(20);
  });
  it.each(picked.map((c) => [`${c.facet}/${c.case}`, c] as const))('%s', async (_name, c) => {
    const ids = join(idsCorpus.path, c.ids);
    const ifc = join(idsCorpus.path, c.ifc);
    const check = await cli(['ids', 'check', ids, ifc, '--format', 'json']);
    const audit = await cli(['ids', 'audit', ids]);
    if (c.expected === 'invalid') {
      expect(check.code).toBe(2);
      expect(audit.code).toBe(1);
      expect(audit.stdout).toMatch(/:\d+:\d+: Fehler \[/);
    } else {
      expect(check.code).toBe(c.expected === 'pass' ? 0 : 1);
      expect((JSON.parse(check.stdout) as { passed: boolean }).passed).toBe(c.expected === 'pass');
      expect(audit.code).toBe(0);
    }
  });
});
