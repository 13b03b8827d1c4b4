import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requirement, sharedDir } from '@foederal/test-utils';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const dir = tempDir();

const fixtures = join(import.meta.dirname, 'fixtures');
const scenarioDir = join(sharedDir, 'scenarios', 'decisions');
const scenarios = requirement(`decision scenarios (${scenarioDir})`, existsSync(scenarioDir), 'check out ../shared beside the repository');
const files = scenarios.available ? readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort() : [];

interface Scenario {
  rules: string;
  date: string;
  expect: { result?: string; quorate?: boolean; error?: boolean; chair?: string };
}

describe.skipIf(!scenarios.available)('vote and chair on the shared decision scenarios', () => {
  it('finds the scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });
  it.each(files)('%s', async (file) => {
    const path = join(scenarioDir, file);
    const s = JSON.parse(readFileSync(path, 'utf8')) as Scenario;
    if (s.expect.chair !== undefined) {
      const r = await cli(['chair', s.rules, s.date, '--json']);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { chair: string }).chair).toBe(s.expect.chair);
    } else if (s.expect.error) {
      const r = await cli(['vote', path]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/ \/ /);
    } else {
      const r = await cli(['vote', path, '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ result: s.expect.result, quorate: s.expect.quorate });
    }
  });
});

describe('vote explains the decision in German or English', () => {
  const scenario = join(fixtures, 'vote-pass.json');
  // 3 yes of 4 yes+no is 3/4 >= 2/3; every level has a yes and no more no than yes
  it('German by default', async () => {
    const r = await cli(['vote', scenario]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ergebnis: angenommen (beschlussfähig)');
    expect(r.stdout).toContain('3 Ja von 4 Ja- und Nein-Stimmen');
  });
  it('English with --lang en, and from stdin', async () => {
    const r = await cli(['vote', '-', '--lang', 'en'], { input: readFileSync(scenario) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Result: passed (quorate)');
    expect(r.stdout).not.toContain('angenommen');
  });
  it('refuses broken JSON with its line and column', async () => {
    const r = await cli(['vote', '-'], { input: '{\n  "rules": "amev-style-working-group",\n  "motion": {\n}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Kein gültiges JSON / not valid JSON');
    expect(r.stderr).toMatch(/Zeile 4/);
  });
  it('refuses hostile JSON values with the JSON path', async () => {
    for (const input of ['[]', 'null', '"x"', '{"rules":{"__proto__":{"x":1}}}', JSON.stringify({ rules: 'amev-style-working-group', motion: { kind: 'recommendation' }, date: '2027-13-45', members: [] })]) {
      const r = await cli(['vote', '-'], { input });
      expect(r.code, input).toBe(2);
      expect(r.stderr, input).not.toContain('Interner Fehler');
    }
  });
});

describe('chair', () => {
  it('names the Land and explains the rotation term', async () => {
    const r = await cli(['chair', 'it-planungsrat', '2027-05-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Vorsitz am 2027-05-01: Niedersachsen (DE-NI)');
    expect(r.stdout).toContain('Amtszeit vom 2027-01-01 bis 2027-12-31');
  });
  it('the working group rotates Bund, Länder, Kommunen every two years from 2026', async () => {
    // 2026-2027 federal, 2028-2029 state, 2030-2031 municipality, 2032 federal again
    const expectations: [string, string][] = [['2026-01-01', 'federal'], ['2027-12-31', 'federal'], ['2028-03-01', 'state'], ['2031-06-30', 'municipality'], ['2032-01-01', 'federal']];
    for (const [date, chair] of expectations) {
      const r = await cli(['chair', 'amev-style-working-group', date, '--json']);
      expect((JSON.parse(r.stdout) as { chair: string }).chair, date).toBe(chair);
    }
  });
  it('an unknown preset or an invalid date is exit code 2', async () => {
    expect((await cli(['chair', 'unbekannt', '2027-01-01'])).code).toBe(2);
    expect((await cli(['chair', 'it-planungsrat', '2027-02-30'])).code).toBe(2);
    expect((await cli(['chair', 'it-planungsrat', 'gestern'])).code).toBe(2);
  });
});

describe('costs', () => {
  it('Bund half, the only Land the other half, Kommunen nothing; cents add up', async () => {
    const r = await cli(['costs', join(fixtures, 'project-bund-bayern.json'), '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { total: number; shares: { id: string; amount: number; basis: string }[] };
    const amount = (id: string) => result.shares.find((s) => s.id === id)?.amount;
    // 10 000 001 cents: 50 % is 5 000 000.5; the largest remainder gives the odd cent to one of the two
    expect((amount('bund') ?? 0) + (amount('de-by') ?? 0)).toBe(10_000_001);
    expect([5_000_000, 5_000_001]).toContain(amount('bund'));
    expect(amount('dst') ?? 0).toBe(0);
  });
  it('the demo joint project of the reference app: table and explanation', async () => {
    const r = await cli(['costs', join(fixtures, 'project-ifc-pruefdienst-2027.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Gemeinsamer IFC-Prüfdienst 2027');
    expect(r.stdout).toMatch(/Bund\s+Bund\s+Anteil des Bundes\s+240\.000,00 €/);
    // the Länder half (24 000 000 cents) by the 2016 keys renormalised over BY 15.53327, HE 7.39885,
    // NW 21.14424, SN 5.05577 (sum 49.13213): BY 7 587 671.9, HE 3 614 180.6, NW 10 328 511.3, SN 2 469 636.1 cents
    const json = JSON.parse((await cli(['costs', join(fixtures, 'project-ifc-pruefdienst-2027.json'), '--json'])).stdout) as { shares: { id: string; amount: number }[] };
    const keys: Record<string, number> = { 'de-by': 15.53327, 'de-he': 7.39885, 'de-nw': 21.14424, 'de-sn': 5.05577 };
    const sum = Object.values(keys).reduce((a, b) => a + b, 0);
    for (const [id, key] of Object.entries(keys)) {
      const amount = json.shares.find((x) => x.id === id)?.amount ?? 0;
      expect(Math.abs(amount - (24_000_000 * key) / sum), id).toBeLessThanOrEqual(1);
    }
    expect(json.shares.reduce((a, x) => a + x.amount, 0)).toBe(48_000_000);
    expect(r.stdout).toMatch(/Summe\s+480\.000,00 €/);
    const en = await cli(['costs', join(fixtures, 'project-ifc-pruefdienst-2027.json'), '--lang', 'en']);
    expect(en.stdout).toMatch(/Total\s+€480,000\.00/);
  });
  it('--rules uses own rules of procedure: Bund 30 %, the Länder 70 % (hand computed)', async () => {
    const { presets } = await import('@foederal/membership');
    const own = { ...presets['amev-style-working-group'], id: 'eigene-regeln', costSharing: { federalBasisPoints: 3000, laender: 'participants' } };
    const rules = join(dir, 'regeln.json');
    writeFileSync(rules, JSON.stringify(own));
    const r = await cli(['costs', join(fixtures, 'project-bund-bayern.json'), '--rules', rules, '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { shares: { id: string; amount: number }[] };
    // 10 000 001 cents: Bund 30 % = 3 000 000.3, Bayern 70 % = 7 000 000.7 → largest remainder gives Bayern the cent
    expect(result.shares.find((x) => x.id === 'bund')?.amount).toBe(3_000_000);
    expect(result.shares.find((x) => x.id === 'de-by')?.amount).toBe(7_000_001);
    const broken = await cli(['costs', join(fixtures, 'project-bund-bayern.json'), '--rules', '-'], { input: '{"id": 5}' });
    expect(broken.code).toBe(2);
  });

  it('refuses an invalid project with the JSON path', async () => {
    const r = await cli(['costs', '-'], { input: JSON.stringify({ id: 'x', title: { de: 'X' }, total: -5, rules: 'amev-style-working-group', date: '2027-01-01', participants: [] }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.total');
  });
});
