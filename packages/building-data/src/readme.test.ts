import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, '..', 'README.md'), 'utf8');

/** The code block after the `school-example` marker, exactly as printed in the README. */
function schoolExample(): string {
  const start = readme.indexOf('<!-- school-example');
  const open = readme.indexOf('```ts\n', start);
  const close = readme.indexOf('\n```', open + 6);
  if (start < 0 || open < 0 || close < 0) throw new Error('school example not found in README.md');
  return readme.slice(open + 6, close + 1);
}

describe('README short example', () => {
  it('states what the calls return', async () => {
    const { genericAksProfile, din276CostGroups } = await import('./index.js');
    expect(readme).toContain("genericAksProfile.parse('L01.G1.EG-R012_HZG.WE01.PU01.BM'); // { site: 'L01', building: 'G1', …, function: 'BM' }");
    expect(genericAksProfile.parse('L01.G1.EG-R012_HZG.WE01.PU01.BM')).toMatchObject({ site: 'L01', building: 'G1', function: 'BM' });
    expect(readme).toContain("din276CostGroups.label('de', '480'); // 'Gebäude- und Anlagenautomation' (entry.verified: false)");
    expect(din276CostGroups.label('de', '480')).toBe('Gebäude- und Anlagenautomation');
    expect(din276CostGroups.require('480').verified).toBe(false);
  });
});

describe('README school example', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is shorter than 40 lines', () => {
    expect(schoolExample().trimEnd().split('\n').length).toBeLessThan(40);
  });

  it('runs as printed and prints what its comments say', async () => {
    const code = schoolExample().replace("from '@foederal/building-data'", `from '${pathToFileURL(join(here, 'index.ts')).href}'`);
    const dir = join(here, '..', 'test-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'readme-school-example.ts');
    writeFileSync(file, code);
    const printed: unknown[][] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args);
    });
    await import(/* @vite-ignore */ pathToFileURL(file).href);
    expect(printed).toEqual([
      [192, 240, 0],
      ['110.2', '17.9'],
      ['Temperature_Sensor', 0],
    ]);
    // the comments in the README state the same values
    const comments = [...schoolExample().matchAll(/\/\/ (.*)$/gm)].map((m) => m[1]);
    expect(comments).toEqual(['192 240 0', '110.2 17.9 kWh/(m²·a)', 'Temperature_Sensor 0']);
  });
});
