// One error design across the packages (issue 20): every package's error class answers
// `isInstance` for its own errors only, every error carries the shared `foederal.error` brand,
// and the check survives a second copy of a package (it looks at `Symbol.for` markers, not at
// `instanceof`). The matrix is every class against every other one's errors.
import { BuildingDataError } from '@foederal/building-data';
import { CliError } from '@foederal/cli';
import { ComponentsError } from '@foederal/components';
import { IdsError } from '@foederal/ids';
import { IfcError } from '@foederal/ifc';
import { MembershipError } from '@foederal/membership';
import { OperationError } from '@foederal/operation';
import { PublicationError } from '@foederal/publication';
import { PubliccodeError } from '@foederal/publiccode';
import { RecommendationsError, ValidationError } from '@foederal/recommendations';
import { describe, expect, it } from 'vitest';

interface Entry {
  readonly name: string;
  readonly marker: string;
  readonly isInstance: (value: unknown) => boolean;
  readonly make: () => Error;
}

const entries: readonly Entry[] = [
  { name: 'BuildingDataError', marker: 'building-data', isInstance: (v) => BuildingDataError.isInstance(v), make: () => new BuildingDataError('invalid-input', 'x / x') },
  { name: 'CliError', marker: 'cli', isInstance: (v) => CliError.isInstance(v), make: () => new CliError('invalid-input', 'x / x') },
  { name: 'ComponentsError', marker: 'components', isInstance: (v) => ComponentsError.isInstance(v), make: () => new ComponentsError('invalid-data', 'x / x') },
  { name: 'IdsError', marker: 'ids', isInstance: (v) => IdsError.isInstance(v), make: () => new IdsError('xml-malformed', 'x / x') },
  { name: 'IfcError', marker: 'ifc', isInstance: (v) => IfcError.isInstance(v), make: () => new IfcError('not-step', 'x / x', { offset: 0 }) },
  { name: 'MembershipError', marker: 'membership', isInstance: (v) => MembershipError.isInstance(v), make: () => new MembershipError('invalid-input', 'x / x') },
  { name: 'OperationError', marker: 'operation', isInstance: (v) => OperationError.isInstance(v), make: () => new OperationError('invalid-input', 'x / x') },
  { name: 'PublicationError', marker: 'publication', isInstance: (v) => PublicationError.isInstance(v), make: () => new PublicationError('not-found', 'x / x') },
  { name: 'PubliccodeError', marker: 'publiccode', isInstance: (v) => PubliccodeError.isInstance(v), make: () => new PubliccodeError('too-large', 'x / x') },
  {
    name: 'RecommendationsError',
    marker: 'recommendations',
    isInstance: (v) => RecommendationsError.isInstance(v),
    make: () => new RecommendationsError('invalid-input', { de: 'x', en: 'x' }),
  },
];

describe('error identity across packages', () => {
  for (const own of entries) {
    it(`${own.name}.isInstance accepts its own errors`, () => {
      const error = own.make();
      expect(error.name).toBe(own.name);
      expect(own.isInstance(error)).toBe(true);
    });

    it(`${own.name} carries the shared brand for "any foederal error"`, () => {
      expect((own.make() as unknown as Record<symbol, unknown>)[Symbol.for('foederal.error')]).toBe(true);
    });

    for (const other of entries) {
      if (other === own) continue;
      it(`${own.name}.isInstance refuses a ${other.name}`, () => {
        expect(own.isInstance(other.make())).toBe(false);
      });
    }

    it(`${own.name}.isInstance refuses plain errors, lookalikes and non-objects`, () => {
      expect(own.isInstance(new Error('x'))).toBe(false);
      expect(own.isInstance({ name: own.name, code: 'invalid-input', message: 'x' })).toBe(false);
      expect(own.isInstance({ [Symbol.for('foederal.error')]: true, name: own.name, code: 'invalid-input' })).toBe(false);
      expect(own.isInstance(null)).toBe(false);
      expect(own.isInstance('x')).toBe(false);
    });

    it(`${own.name}.isInstance accepts an error of a second copy of the package`, () => {
      // A duplicate install has its own class but the same registered symbol.
      const copy = Object.assign(new Error('x'), { code: 'x', [Symbol.for(`foederal.error.${own.marker}`)]: true });
      expect(own.isInstance(copy)).toBe(true);
    });
  }

  it('every error has the one shape: code, messages { de, en }, location { path, line, column, offset }', () => {
    for (const entry of entries) {
      const error = entry.make() as Error & { code: unknown; messages: unknown; location: unknown };
      expect(typeof error.code, entry.name).toBe('string');
      expect(error.messages, entry.name).toEqual({ de: 'x', en: 'x' });
      expect(typeof error.location, entry.name).toBe('object');
      for (const key of Object.keys(error.location as object)) expect(['path', 'line', 'column', 'offset'], `${entry.name}.location.${key}`).toContain(key);
    }
  });

  it('each package maps what it knows into the one location shape', () => {
    expect(new MembershipError('unknown-member', 'a / b', { path: ['members', 3, 'id'] }).location).toEqual({ path: '$.members[3].id' });
    expect(new BuildingDataError('key-syntax', 'a / b', { location: { position: 8, segment: 'E', line: 2 } }).location).toEqual({ line: 2, offset: 8 });
    expect(new BuildingDataError('invalid-input', 'a / b', { location: { path: ['storeys', 0, 'spaces', 1] } }).location).toEqual({ path: '$.storeys[0].spaces[1]' });
    expect(new IdsError('xml-malformed', 'a / b', { line: 7, column: 3 }).location).toEqual({ line: 7, column: 3 });
    expect(new IdsError('xml-malformed', 'a / b').location).toEqual({});
    expect(new IfcError('syntax', 'a / b', { offset: 120, line: 4, entityId: 9 }).location).toEqual({ path: '#9', line: 4, offset: 120 });
    expect(new PublicationError('contract-violation', 'a / b', { issues: [{ path: '$.items[0].title', message: 'x' }] }).location).toEqual({ path: '$.items[0].title' });
    expect(new PublicationError('invalid-json', 'a / b', { offset: 17 }).location).toEqual({ offset: 17 });
    expect(new ComponentsError('invalid-data', 'a / b', { path: '$.recommendations[0]' }).location).toEqual({ path: '$.recommendations[0]' });
    expect(new OperationError('trend-format', 'a / b', { location: { line: 12, column: 3, point: 'HZG.VL' } }).location).toEqual({ line: 12, column: 3 });
    expect(new CliError('io', 'a / b', { location: { path: 'model.ifc' } }).location).toEqual({ path: 'model.ifc' });
    expect(new PubliccodeError('scalar-too-large', 'a / b', { line: 3, column: 14, offset: 40 }).location).toEqual({ line: 3, column: 14, offset: 40 });
    expect(new PubliccodeError('too-large', 'a / b').location).toEqual({});
  });

  it('messages split a "deutsch / english" text and take a { de, en } object as it is', () => {
    const split = new MembershipError('invalid-input', 'Objekt erwartet / expected an object');
    expect(split.messages).toEqual({ de: 'Objekt erwartet', en: 'expected an object' });
    const given = new IfcError('not-step', { de: 'keine STEP-Datei', en: 'not a STEP file' });
    expect(given.messages).toEqual({ de: 'keine STEP-Datei', en: 'not a STEP file' });
    expect(given.message.startsWith('keine STEP-Datei / not a STEP file')).toBe(true);
  });

  it('a subclass (ValidationError) is still a RecommendationsError and nothing else', () => {
    const result = new ValidationError('Empfehlung', []);
    expect(RecommendationsError.isInstance(result)).toBe(true);
    for (const other of entries.filter((e) => e.name !== 'RecommendationsError')) expect(other.isInstance(result)).toBe(false);
  });
});
