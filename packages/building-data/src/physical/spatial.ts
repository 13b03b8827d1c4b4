import * as z from 'zod/mini';
import { din277AreasSchema } from './areas.js';

const nonEmpty = z.string().check(z.trim(), z.minLength(1));

/**
 * IFC GlobalId: 22 characters of the IFC base-64 alphabet (`0-9 A-Z a-z _ $`), the first one
 * `0`-`3` (128 bits).
 *
 * @example
 * ```ts
 * ifcGlobalIdSchema.parse('2O2Fr$t4X7Zf8NOew3FLOH');
 * ```
 */
export const ifcGlobalIdSchema = z.string().check(z.regex(/^[0-3][0-9A-Za-z_$]{21}$/, 'IFC-GlobalId: 22 Zeichen / 22 characters'));

/**
 * Amtlicher Gemeindeschlüssel (AGS): 8 digits — Land (2), Regierungsbezirk (1), Kreis (2),
 * Gemeinde (3). The Land part must be 01-16.
 *
 * @example
 * ```ts
 * agsSchema.parse('09162000'); // München
 * ```
 */
export const agsSchema = z.string().check(
  z.regex(/^(0[1-9]|1[0-6])\d{6}$/, 'AGS: 8 Ziffern, Land 01-16 / 8 digits, Land 01-16'),
);

/**
 * Postal address of a site or building.
 *
 * @example
 * ```ts
 * addressSchema.parse({ street: 'Schulstraße 1', postalCode: '12345', locality: 'Musterstadt' });
 * ```
 */
export const addressSchema = z.object({
  street: z.optional(nonEmpty),
  postalCode: z.optional(z.string().check(z.regex(/^\d{5}$/, 'Postleitzahl: 5 Ziffern / postcode: 5 digits'))),
  locality: z.optional(nonEmpty),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'))),
});

/**
 * Postal address.
 *
 * @example
 * ```ts
 * const address: Address = { street: 'Schulstraße 1', postalCode: '12345', locality: 'Musterstadt' };
 * ```
 */
export type Address = z.infer<typeof addressSchema>;

/**
 * The jurisdiction that owns a building: its level (DCAT-AP.de terms) and, optionally, its name
 * and an identifier (AGS for municipalities and districts, ISO 3166-2 for Länder, e.g. `DE-BY`).
 *
 * @example
 * ```ts
 * jurisdictionRefSchema.parse({ level: 'municipality', name: 'Musterstadt', id: '09162000' });
 * ```
 */
export const jurisdictionRefSchema = z.object({
  level: z.enum(['federal', 'state', 'administrativeDistrict', 'municipality']),
  name: z.optional(nonEmpty),
  id: z.optional(nonEmpty),
});

/**
 * Reference to the owning jurisdiction.
 *
 * @example
 * ```ts
 * const owner: JurisdictionRef = { level: 'state', id: 'DE-BY' };
 * ```
 */
export type JurisdictionRef = z.infer<typeof jurisdictionRefSchema>;

const ids = {
  id: nonEmpty,
  name: nonEmpty,
  globalId: z.optional(ifcGlobalIdSchema),
};

/**
 * A space (Raum): its DIN 277 usage category (`'5.2'`, or a group `'5'`; see
 * `din277UsageCategories`) and its areas, usually `nrf` plus the matching NUF/TF/VF field.
 *
 * @example
 * ```ts
 * spaceSchema.parse({ id: 'R0.12', name: '0.12', longName: 'Klassenraum 5a', usageCategory: '5.2', areas: { nrf: 64.5 } });
 * ```
 */
export const spaceSchema = z.object({
  ...ids,
  longName: z.optional(nonEmpty),
  usageCategory: z.optional(z.string().check(z.regex(/^[1-9](\.[1-9])?$/, 'DIN-277-Nutzungsart, z. B. "5.2" / usage category, e.g. "5.2"'))),
  areas: z.optional(din277AreasSchema),
});

/**
 * A space (Raum).
 *
 * @example
 * ```ts
 * const space: Space = spaceSchema.parse({ id: 'R1', name: '0.01', usageCategory: '5.2', areas: { nrf: 64 } });
 * ```
 */
export type Space = z.infer<typeof spaceSchema>;

/**
 * A storey (Geschoss) with its elevation in metres above the project zero and its spaces.
 *
 * @example
 * ```ts
 * storeySchema.parse({ id: 'EG', name: 'Erdgeschoss', elevation: 0, spaces: [] });
 * ```
 */
export const storeySchema = z.object({
  ...ids,
  elevation: z.optional(z.number().check(z.refine(Number.isFinite, 'endliche Zahl / finite number'))),
  areas: z.optional(din277AreasSchema),
  spaces: z._default(z.array(spaceSchema), []),
});

/**
 * A storey (Geschoss).
 *
 * @example
 * ```ts
 * const storey: Storey = storeySchema.parse({ id: 'EG', name: 'Erdgeschoss', elevation: 0 });
 * ```
 */
export type Storey = z.infer<typeof storeySchema>;

/**
 * A building (Gebäude): address, AGS of its municipality, owning jurisdiction, building type
 * code (BWZK), year of construction, IFC GlobalId when it came from a model, storeys and areas.
 *
 * @example
 * ```ts
 * buildingSchema.parse({ id: 'B1', name: 'Grundschule am Park', ags: '09162000', yearOfConstruction: 1974, storeys: [] });
 * ```
 */
export const buildingSchema = z.object({
  ...ids,
  address: z.optional(addressSchema),
  ags: z.optional(agsSchema),
  owner: z.optional(jurisdictionRefSchema),
  buildingTypeCode: z.optional(z.string().check(z.regex(/^\d{1,4}$/, 'BWZK-Code: bis 4 Ziffern / up to 4 digits'))),
  yearOfConstruction: z.optional(z.int().check(z.gte(800), z.lte(2200))),
  areas: z.optional(din277AreasSchema),
  storeys: z._default(z.array(storeySchema), []),
});

/**
 * A building (Gebäude).
 *
 * @example
 * ```ts
 * const building: Building = buildingSchema.parse({ id: 'B1', name: 'Rathaus' });
 * ```
 */
export type Building = z.infer<typeof buildingSchema>;

/**
 * A site (Liegenschaft) with its buildings.
 *
 * @example
 * ```ts
 * siteSchema.parse({ id: 'L1', name: 'Schulzentrum Nord', buildings: [] });
 * ```
 */
export const siteSchema = z.object({
  ...ids,
  address: z.optional(addressSchema),
  ags: z.optional(agsSchema),
  areas: z.optional(din277AreasSchema),
  buildings: z._default(z.array(buildingSchema), []),
});

/**
 * A site (Liegenschaft).
 *
 * @example
 * ```ts
 * const site: Site = siteSchema.parse({ id: 'L1', name: 'Schulzentrum', buildings: [] });
 * ```
 */
export type Site = z.infer<typeof siteSchema>;
