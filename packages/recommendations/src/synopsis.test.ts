import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { synopsisCsv, synopsisMarkdown, synopsisTable, ValidationError, type Consultation } from './index.js';
import { exampleCatalogue } from './examples.js';

const consultation = exampleCatalogue.consultations[0] as Consultation;

/** An independent RFC 4180 reader for the tests. */
function readCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

describe('synopsisTable', () => {
  it('shows the public what may be published: no unmoderated contributions, no unpublished answers', () => {
    const table = synopsisTable(consultation);
    expect(table.rows.map((r) => r.contribution)).not.toContain('beitrag-7');
    const answeredNotPublished = table.rows.find((r) => r.contribution === 'beitrag-2');
    expect(answeredNotPublished).toMatchObject({ state: 'in-review', reason: undefined, answeredAt: undefined });
    const published = table.rows.find((r) => r.contribution === 'beitrag-4');
    expect(published).toMatchObject({ state: 'rejected', stateLabel: 'Nicht berücksichtigt', publishedAt: '2026-11-23T09:00:00+01:00' });
    expect(published?.reason).toMatch(/^Eindeutigkeit je Gebäude genügt/);
    expect(table.columns.map((c) => c.key)).not.toContain('answeredAt');
  });

  it('shows the secretariat everything, with answered-at', () => {
    const table = synopsisTable(consultation, { audience: 'internal', language: 'en' });
    expect(table.rows).toHaveLength(consultation.contributions.length);
    expect(table.rows.find((r) => r.contribution === 'beitrag-2')).toMatchObject({
      state: 'accepted', stateLabel: 'Accepted', answeredAt: '2026-11-20T15:05:00+01:00', publishedAt: undefined,
    });
    expect(table.columns.find((c) => c.key === 'reason')?.label).toBe('Reason (disposition)');
  });

  it('orders rows by draft section, then by submission', () => {
    const anchors = synopsisTable(consultation, { audience: 'internal' }).rows.map((r) => r.anchor);
    expect(anchors).toEqual(['1', '2.1', '2.1', '2.2', '3.1', '3.2', '4']);
  });

  it('names duplicates and anonymous authors', () => {
    const rows = synopsisTable(consultation).rows;
    expect(rows.find((r) => r.contribution === 'beitrag-5')?.duplicateOf).toBe('beitrag-1');
    expect(rows.find((r) => r.contribution === 'beitrag-3')?.author).toBe('anonym');
  });
});

describe('synopsisCsv', () => {
  it('is RFC 4180: header, one record per row, CRLF, quoted commas', () => {
    const csv = synopsisCsv(consultation);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv);
    const table = synopsisTable(consultation);
    expect(rows).toHaveLength(table.rows.length + 1);
    expect(rows[0]).toEqual(table.columns.map((c) => c.label));
    for (const row of rows) expect(row).toHaveLength(table.columns.length);
    expect(rows.find((r) => r[1] === 'beitrag-1')?.[3]).toBe('Dr. Lena Vogt, Ingenieurbüro (Demo) (Nordrhein-Westfalen)');
  });

  it('supports semicolons and a byte order mark for German spreadsheets', () => {
    const csv = synopsisCsv(consultation, { delimiter: ';', bom: true });
    expect(csv.startsWith('\uFEFFNr.;Beitrag;')).toBe(true);
    expect(readCsv(csv.slice(1), ';')[0]?.[0]).toBe('Nr.');
  });

  it('round-trips any contribution text and neutralises formulas', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 60 }), (text) => {
      fc.pre(text.trim().length > 0);
      const hostile: Consultation = {
        ...consultation,
        contributions: [{ ...consultation.contributions[0]!, text: { de: text } }],
      };
      const rows = readCsv(synopsisCsv(hostile));
      const cell = rows[1]?.[5] ?? '';
      if (/^[=+\-@\t\r]/.test(text)) expect(cell).toBe(`'${text}`);
      else expect(cell).toBe(text);
    }), { numRuns: 200 });
  });
});

describe('synopsisMarkdown', () => {
  it('is a GFM table under a heading with one line per row', () => {
    const md = synopsisMarkdown(consultation);
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('## Öffentliche Konsultation zum Entwurf Gebäudedaten 2027');
    const tableLines = lines.slice(2);
    expect(tableLines).toHaveLength(synopsisTable(consultation).rows.length + 2);
    expect(tableLines[1]).toMatch(/^\| --: \| --- \|/);
  });

  it('keeps hostile text inside its cell: pipes, newlines and HTML are escaped', () => {
    const hostile: Consultation = {
      ...consultation,
      contributions: [{ ...consultation.contributions[2]!, text: { de: 'a | b\n<script>alert(1)</script> [x](javascript:y)' } }],
    };
    const md = synopsisMarkdown(hostile);
    const row = md.trimEnd().split('\n').at(-1) ?? '';
    expect(row).toContain('a \\| b<br>&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:y)');
    const unescapedPipes = row.replace(/\\\|/g, '').split('|').length - 1;
    expect(unescapedPipes).toBe(synopsisTable(hostile).columns.length + 1);
  });
});

describe('synopsis on broken input', () => {
  it('throws a ValidationError naming the path', () => {
    const broken = structuredClone(consultation) as unknown as { contributions: Record<string, unknown>[] };
    (broken.contributions[0] as Record<string, unknown>)['anchor'] = null;
    let caught: unknown;
    try {
      synopsisTable(broken as unknown as Consultation);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).issues[0]?.jsonPath).toBe('$.contributions[0].anchor');
  });
});
