import type { IfcSchema } from '@foederal/ifc';

/**
 * IDS names IFC4 occurrence classes that IFC2X3 does not have (IfcAirTerminal, IfcPump …); in
 * IFC2X3 such an element is a generic occurrence (IfcFlowTerminal) typed by the specific type
 * object (IfcAirTerminalType). The mapping is derived from the IFC2X3 schema: `<NAME>TYPE` exists,
 * and its nearest supertype whose name without `TYPE` is an entity gives the occurrence class.
 * Returns undefined when the name exists in IFC2X3 or has no such type object.
 */
export function ifc2x3Occurrence(schema: IfcSchema, name: string): { occurrence: string; type: string } | undefined {
  const upper = name.toUpperCase();
  if (schema.name !== 'IFC2X3' || schema.entity(upper)) return undefined;
  const type = schema.entity(`${upper}TYPE`);
  if (!type) return undefined;
  for (let t = type.supertype; t; t = t.supertype) {
    if (!t.upperName.endsWith('TYPE')) continue;
    const occurrence = schema.entity(t.upperName.slice(0, -4));
    if (occurrence) return { occurrence: occurrence.upperName, type: type.upperName };
  }
  return undefined;
}
