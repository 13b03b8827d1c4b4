import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueSchema, recommendationSchema, validateCatalogue } from './index.js';
import { buildExampleCatalogue, exampleAssets, exampleCatalogue } from './examples.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const assetsDir = join(packageDir, 'assets');

describe('exampleCatalogue', () => {
  it('validates', () => {
    const result = validateCatalogue(exampleCatalogue);
    if (!result.success) throw result.error;
    expect(result.success).toBe(true);
  });

  it('round-trips through JSON unchanged', () => {
    const text = JSON.stringify(exampleCatalogue);
    const parsed = catalogueSchema.parse(JSON.parse(text));
    expect(parsed).toEqual(exampleCatalogue);
    const again = JSON.stringify(parsed);
    expect(JSON.stringify(catalogueSchema.parse(JSON.parse(again)))).toBe(again);
  });

  it('has at least five recommendations across every lifecycle state', () => {
    expect(exampleCatalogue.recommendations.length).toBeGreaterThanOrEqual(5);
    expect(new Set(exampleCatalogue.recommendations.map((r) => r.status.state))).toEqual(
      new Set(['draft', 'consultation', 'adopted', 'published', 'superseded', 'withdrawn']),
    );
  });

  it('has a superseded edition whose successor is published and points back', () => {
    const old = exampleCatalogue.recommendations.find((r) => r.status.state === 'superseded');
    expect(old?.supersededBy).toBe('wartung-2026');
    const successor = exampleCatalogue.recommendations.find((r) => r.id === old?.supersededBy);
    expect(successor?.status.state).toBe('published');
    expect(successor?.supersedes).toBe(old?.id);
  });

  it('has a running consultation with answered, published and open contributions', () => {
    const consultation = exampleCatalogue.consultations[0];
    const record = exampleCatalogue.recommendations.find((r) => r.id === consultation?.recommendation);
    expect(record?.status.state).toBe('consultation');
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(Date.parse(consultation?.opens ?? '')).toBeLessThan(now);
    expect(Date.parse(consultation?.closes ?? '')).toBeGreaterThan(now);
    const states = new Set(consultation?.contributions.map((c) => c.state));
    for (const s of ['accepted', 'partially-accepted', 'rejected', 'duplicate', 'in-review', 'published', 'submitted']) {
      expect(states).toContain(s);
    }
    const answered = consultation?.contributions.filter((c) => c.disposition) ?? [];
    expect(answered.some((c) => c.disposition?.publishedAt === undefined)).toBe(true);
    expect(answered.some((c) => c.disposition?.publishedAt !== undefined)).toBe(true);
    expect(consultation?.contributions.some((c) => c.externalRef?.startsWith('https://gitlab.opencode.de/'))).toBe(true);
  });

  it('takes its votes from @foederal/membership: every adopting decision passed and was quorate', () => {
    const decided = exampleCatalogue.recommendations.filter((r) => r.decision);
    expect(decided.length).toBeGreaterThanOrEqual(4);
    for (const r of decided) {
      expect(r.decision?.result).toMatchObject({ result: 'pass', quorate: true });
      expect(r.decision?.result.reasons.at(-1)).toMatchObject({ code: 'outcome', en: 'Result: passed' });
    }
  });

  it('has two pilots, one of a recommendation edition and one of an openCode solution, with reports from a Land and a Kommune', () => {
    const kinds = exampleCatalogue.pilots.map((p) => p.subject.kind).sort();
    expect(kinds).toEqual(['open-source', 'recommendation']);
    for (const pilot of exampleCatalogue.pilots) {
      const levels = exampleCatalogue.experienceReports
        .filter((r) => r.pilot === pilot.id && r.status.state === 'published')
        .map((r) => r.author.jurisdiction.level);
      expect(levels).toContain('state');
      expect(levels).toContain('municipality');
    }
  });

  it('points download links at the given base URL', () => {
    const catalogue = buildExampleCatalogue({ baseUrl: 'http://localhost:8080/' });
    const urls = catalogue.recommendations.flatMap((r) => r.attachments.map((a) => a.downloadUrl));
    expect(urls.every((u) => u.startsWith('http://localhost:8080/dokumente/'))).toBe(true);
    expect(validateCatalogue(catalogue).success).toBe(true);
  });

  it('every record also validates on its own', () => {
    for (const r of exampleCatalogue.recommendations) expect(recommendationSchema.safeParse(r).success).toBe(true);
  });
});

describe('shipped documents', () => {
  const sha256 = (file: string): string => createHash('sha256').update(readFileSync(join(assetsDir, file))).digest('hex');

  it('lists exactly the files in assets/', () => {
    expect(exampleAssets.map((a) => a.file).sort()).toEqual(readdirSync(assetsDir).sort());
  });

  it.each(exampleAssets.map((a) => [a.file, a] as const))('%s has the recorded size and SHA-256', (file, asset) => {
    expect(readFileSync(join(assetsDir, file)).byteLength).toBe(asset.byteSize);
    expect(sha256(file)).toBe(asset.sha256);
  });

  it('every attachment in the catalogue matches the shipped file it links to', () => {
    const attachments = [
      ...exampleCatalogue.recommendations.flatMap((r) => r.attachments),
      ...exampleCatalogue.experienceReports.flatMap((r) => r.attachments),
    ];
    expect(attachments.length).toBeGreaterThanOrEqual(10);
    for (const attachment of attachments) {
      const file = attachment.downloadUrl.split('/').at(-1) ?? '';
      expect(sha256(file)).toBe(attachment.sha256);
      expect(readFileSync(join(assetsDir, file)).byteLength).toBe(attachment.byteSize);
    }
  });

  it('ships assets/ in the npm package', () => {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { files: string[]; exports: Record<string, unknown> };
    expect(pkg.files).toContain('assets');
    expect(pkg.exports['./assets/*']).toBe('./assets/*');
  });
});
