import { describe, expect, it } from 'vitest';
import { jurisdictionLevels } from '../vocabularies/code-lists.js';
import { buildingSchema, siteSchema, spaceSchema, agsSchema, ifcGlobalIdSchema, jurisdictionRefSchema } from './spatial.js';

describe('physical schemas', () => {
  it('parses a building with storeys and spaces and fills defaults', () => {
    const b = buildingSchema.parse({
      id: 'B1',
      name: 'Grundschule',
      ags: '09162000',
      owner: { level: 'municipality', name: 'München', id: '09162000' },
      buildingTypeCode: '4100',
      yearOfConstruction: 1974,
      globalId: '2O2Fr$t4X7Zf8NOew3FLOH',
      storeys: [{ id: 'EG', name: 'Erdgeschoss', elevation: 0 }],
    });
    expect(b.storeys[0]?.spaces).toEqual([]);
    expect(b.storeys[0]?.elevation).toBe(0);
  });

  it('rejects a malformed AGS, GlobalId, usage category and negative area with a path', () => {
    expect(agsSchema.safeParse('17000000').success).toBe(false);
    expect(agsSchema.safeParse('0916200').success).toBe(false);
    expect(ifcGlobalIdSchema.safeParse('4O2Fr$t4X7Zf8NOew3FLOH').success).toBe(false);
    expect(spaceSchema.safeParse({ id: 'r', name: 'r', usageCategory: '10' }).success).toBe(false);
    const r = siteSchema.safeParse({
      id: 'S',
      name: 'S',
      buildings: [{ id: 'B', name: 'B', storeys: [{ id: 'E', name: 'E', spaces: [{ id: 'x', name: 'x', areas: { nrf: -1 } }] }] }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['buildings', 0, 'storeys', 0, 'spaces', 0, 'areas', 'nrf']);
  });

  it('trims names and rejects empty ones', () => {
    expect(spaceSchema.parse({ id: ' a ', name: ' 0.12 ' }).name).toBe('0.12');
    expect(spaceSchema.safeParse({ id: 'a', name: '   ' }).success).toBe(false);
  });

  it('accepts exactly the owner levels of the jurisdiction-levels vocabulary', () => {
    for (const { code } of jurisdictionLevels.entries) expect(jurisdictionRefSchema.safeParse({ level: code }).success, code).toBe(true);
    expect(jurisdictionRefSchema.shape.level.options).toEqual(jurisdictionLevels.entries.map((e) => e.code));
    const wrong = buildingSchema.safeParse({ id: 'B1', name: 'x', owner: { level: 'county' } });
    expect(wrong.error?.issues[0]?.path).toEqual(['owner', 'level']);
  });
});
