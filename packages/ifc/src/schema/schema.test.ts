import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '@foederal/test-utils';
import { describe, expect, it } from 'vitest';
import { generateAll } from '../../scripts/generate-schema.js';
import { ifcSchema, isSubtypeOf, schemaNameFor } from './schema.js';

describe('ifcSchema', () => {
  it('knows the hierarchy of each schema', () => {
    expect(isSubtypeOf('IFC4', 'IFCWALLSTANDARDCASE', 'IfcWall')).toBe(true);
    expect(isSubtypeOf('IFC4', 'IfcWall', 'IfcWallStandardCase')).toBe(false);
    expect(isSubtypeOf('IFC2X3', 'IfcSpace', 'IfcSpatialStructureElement')).toBe(true);
    expect(isSubtypeOf('IFC4', 'IfcSpatialZone', 'IfcSpatialElement')).toBe(true);
    expect(isSubtypeOf('IFC4X3_ADD2', 'IfcWall', 'IfcBuiltElement')).toBe(true);
    expect(isSubtypeOf('IFC4', 'IfcWall', 'IfcBuiltElement')).toBe(false);
    expect(isSubtypeOf('IFC4X3_ADD2', 'IfcRailway', 'IfcFacility')).toBe(true);
  });
  it('lists attributes in STEP order, inherited first', () => {
    expect(ifcSchema('IFC4').attributeNames('IfcWall')).toEqual([
      'GlobalId', 'OwnerHistory', 'Name', 'Description', 'ObjectType', 'ObjectPlacement', 'Representation', 'Tag', 'PredefinedType',
    ]);
    expect(ifcSchema('IFC2X3').attributeNames('IfcRelAggregates')).toEqual([
      'GlobalId', 'OwnerHistory', 'Name', 'Description', 'RelatingObject', 'RelatedObjects',
    ]);
    expect(ifcSchema('IFC2X3').attributeNames('IfcBuildingStorey')).toContain('Elevation');
    expect(ifcSchema('IFC4').attributeIndex('IFCPROPERTYSINGLEVALUE', 'nominalvalue')).toBe(2);
  });
  it("keeps attributes after a 'LIST OF UNIQUE' (not a UNIQUE clause)", () => {
    expect(ifcSchema('IFC4').attributeNames('IfcWallType').slice(5, 10)).toEqual([
      'HasPropertySets', 'RepresentationMaps', 'Tag', 'ElementType', 'PredefinedType',
    ]);
    expect(ifcSchema('IFC2X3').attributeNames('IfcPropertyTableValue')).toContain('DefinedValues');
  });
  it('does not count redeclared attributes twice', () => {
    // IfcGeometricRepresentationSubContext redeclares inherited attributes as derived
    const names = ifcSchema('IFC4').attributeNames('IfcGeometricRepresentationSubContext');
    expect(names.length).toBe(new Set(names).size);
    expect(names.slice(0, 6)).toEqual(['ContextIdentifier', 'ContextType', 'CoordinateSpaceDimension', 'Precision', 'WorldCoordinateSystem', 'TrueNorth']);
  });
  it('resolves defined types, enumerations and selects', () => {
    const s = ifcSchema('IFC4');
    expect(s.baseType('IfcPositiveLengthMeasure')).toBe('REAL');
    expect(s.baseType('IfcLabel')).toBe('STRING');
    expect(s.type('IfcWallTypeEnum')?.values).toContain('SHEAR');
    expect(s.type('IfcValue')?.kind).toBe('select');
    expect(s.entity('IfcRoot')?.abstract).toBe(true);
  });
  it('maps FILE_SCHEMA identifiers', () => {
    expect(schemaNameFor('IFC2X3')).toBe('IFC2X3');
    expect(schemaNameFor('ifc4')).toBe('IFC4');
    expect(schemaNameFor('IFC4X3_ADD2')).toBe('IFC4X3_ADD2');
    expect(schemaNameFor('AUTOMOTIVE_DESIGN')).toBeUndefined();
  });
});

const schemas = corpus('ifc-schemas');
describe.skipIf(!schemas.available)('generated tables', () => {
  it('are what the generator makes from the EXPRESS files', () => {
    for (const { out, text } of generateAll(schemas.path)) {
      expect(readFileSync(join(import.meta.dirname, out), 'utf8'), out).toBe(text);
    }
  });
});
