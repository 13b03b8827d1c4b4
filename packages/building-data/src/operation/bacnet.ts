import * as z from 'zod/mini';
import objectTypes from '../data/bacnet-object-types.json' with { type: 'json' };
import units from '../data/bacnet-engineering-units.json' with { type: 'json' };
import { createVocabulary, type Vocabulary, type VocabularyEntry } from '../vocabularies/vocabulary.js';

/**
 * A BACnet object type: standard name as code, its number in the standard and an abbreviation.
 *
 * @example
 * ```ts
 * const ai: BacnetObjectType = bacnetObjectTypes.require('analog-input'); // ai.number === 0
 * ```
 */
export type BacnetObjectType = VocabularyEntry & { number: number; abbreviation: string };

/**
 * BACnet object types 0-59 numbered as in ANSI/ASHRAE 135 (`analog-input` 0 … `lift` 59),
 * with abbreviations (AI, AO, …) and German/English labels.
 *
 * @example
 * ```ts
 * bacnetObjectTypes.require('multi-state-value').number; // 19
 * ```
 */
export const bacnetObjectTypes: Vocabulary<BacnetObjectType> = /* @__PURE__ */ createVocabulary<BacnetObjectType>(objectTypes);

/**
 * A BACnet engineering unit: standard name as code, its number, a symbol and the Haystack unit name.
 *
 * @example
 * ```ts
 * const unit: BacnetEngineeringUnit | undefined = bacnetEngineeringUnitByNumber(62);
 * ```
 */
export type BacnetEngineeringUnit = VocabularyEntry & { number: number; symbol: string; haystackUnit: string };

/**
 * A selection of BACnet engineering units used in buildings, numbered as in ANSI/ASHRAE 135
 * (`degrees-celsius` 62, `kilowatt-hours` 19, …).
 *
 * @example
 * ```ts
 * bacnetEngineeringUnitByNumber(62)?.symbol; // '°C'
 * ```
 */
export const bacnetEngineeringUnits: Vocabulary<BacnetEngineeringUnit> = /* @__PURE__ */ createVocabulary<BacnetEngineeringUnit>(units);

let typeIndex: Map<string, BacnetObjectType> | undefined;
let unitIndex: Map<number, BacnetEngineeringUnit> | undefined;

/**
 * Finds an object type by number (`2`, `"2"`), standard name (`analog-value`, `ANALOG_VALUE`,
 * `analogValue`) or abbreviation (`AV`); `undefined` if unknown.
 *
 * @example
 * ```ts
 * resolveBacnetObjectType('AV')?.number; // 2
 * resolveBacnetObjectType(19)?.code; // 'multi-state-value'
 * ```
 */
export function resolveBacnetObjectType(value: string | number): BacnetObjectType | undefined {
  if (!typeIndex) {
    typeIndex = new Map();
    for (const t of bacnetObjectTypes.entries) {
      typeIndex.set(String(t.number), t);
      typeIndex.set(t.code.replace(/-/g, ''), t);
      typeIndex.set(t.abbreviation.toLowerCase(), t);
    }
  }
  const key = String(value).trim().toLowerCase().replace(/^object[_-]?/, '').replace(/[-_\s]/g, '');
  return typeIndex.get(/^\d+$/.test(key) ? String(Number(key)) : key);
}

/**
 * The engineering unit with BACnet number `n`, or `undefined` when it is not in the selection.
 *
 * @example
 * ```ts
 * bacnetEngineeringUnitByNumber(19)?.code; // 'kilowatt-hours'
 * ```
 */
export function bacnetEngineeringUnitByNumber(n: number): BacnetEngineeringUnit | undefined {
  unitIndex ??= new Map(bacnetEngineeringUnits.entries.map((u) => [u.number, u] as const));
  return unitIndex.get(n);
}

/**
 * Largest BACnet object instance number (22 bits; 4194303 means "not configured").
 *
 * @example
 * ```ts
 * if (instance > maxBacnetInstance) throw new Error('instance out of range');
 * ```
 */
export const maxBacnetInstance = 4194303;

/**
 * A BACnet object identifier: object type (standard name) and instance number (0-4194303).
 *
 * @example
 * ```ts
 * bacnetObjectIdentifierSchema.parse({ type: 'analog-input', instance: 1 });
 * ```
 */
export const bacnetObjectIdentifierSchema = z.object({
  type: z.string().check(z.refine((t) => bacnetObjectTypes.has(t), 'unbekannter BACnet-Objekttyp / unknown BACnet object type')),
  instance: z.int().check(z.gte(0), z.lte(maxBacnetInstance)),
});

/**
 * A BACnet object identifier.
 *
 * @example
 * ```ts
 * const id: BacnetObjectIdentifier = { type: 'binary-output', instance: 3 };
 * ```
 */
export type BacnetObjectIdentifier = z.infer<typeof bacnetObjectIdentifierSchema>;
