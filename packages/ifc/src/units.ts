import type { IfcModelCore } from './model-types.js';
import { isReference, type StepEnum, type StepTyped, type StepValue } from './step/values.js';

const prefixes: Record<string, number> = {
  EXA: 1e18,
  PETA: 1e15,
  TERA: 1e12,
  GIGA: 1e9,
  MEGA: 1e6,
  KILO: 1e3,
  HECTO: 1e2,
  DECA: 1e1,
  DECI: 1e-1,
  CENTI: 1e-2,
  MILLI: 1e-3,
  MICRO: 1e-6,
  NANO: 1e-9,
  PICO: 1e-12,
  FEMTO: 1e-15,
  ATTO: 1e-18,
};

const enumName = (v: StepValue | undefined): string | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (v as StepEnum).kind === 'enum' ? (v as StepEnum).value : undefined;

const numberOf = (v: StepValue | undefined): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && (v as StepTyped).kind === 'typed') return numberOf((v as StepTyped).value);
  return undefined;
};

/**
 * Factor from a unit entity (IfcSIUnit, IfcConversionBasedUnit) to SI base units, with the
 * exponent `power` applied to SI prefixes (2 for areas: 1 mm² = 1e-6 m²).
 */
export function unitFactor(model: IfcModelCore, id: number, power: number, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  const e = model.get(id);
  if (!e) return undefined;
  if (e.type === 'IFCSIUNIT') {
    const prefix = enumName(e.attributes['Prefix']);
    return prefix ? (prefixes[prefix] ?? 1) ** power : 1;
  }
  if (e.type === 'IFCCONVERSIONBASEDUNIT' || e.type === 'IFCCONVERSIONBASEDUNITWITHOFFSET') {
    const mwu = e.attributes['ConversionFactor'];
    if (!isReference(mwu)) return undefined;
    const m = model.get(mwu.id);
    const value = numberOf(m?.attributes['ValueComponent']);
    const unit = m?.attributes['UnitComponent'];
    if (value === undefined || !isReference(unit)) return undefined;
    const inner = unitFactor(model, unit.id, power, depth + 1);
    return inner === undefined ? undefined : value * inner;
  }
  return undefined;
}

/**
 * The project's unit of `unitType` (e.g. `LENGTHUNIT`, `AREAUNIT`) as a factor to metres,
 * square metres…; 1 when the model declares none.
 */
export function projectUnitFactor(model: IfcModelCore, unitType: string, power: number): number {
  try {
    for (const p of model.ofType('IfcProject', { includeSubtypes: true })) {
      const units = model.get(p)?.attributes['UnitsInContext'];
      if (!isReference(units)) continue;
      const list = model.get(units.id)?.attributes['Units'];
      if (!Array.isArray(list)) continue;
      for (const u of list) {
        if (!isReference(u as StepValue)) continue;
        const id = (u as { id: number }).id;
        if (enumName(model.get(id)?.attributes['UnitType']) !== unitType) continue;
        return unitFactor(model, id, power) ?? 1;
      }
    }
  } catch {
    // malformed unit entities: fall back to SI
  }
  return 1;
}
