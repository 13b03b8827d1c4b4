import * as z from 'zod/mini';

/**
 * IFC schema versions an IDS 1.0 specification may name.
 *
 * @example
 * ifcVersionSchema.parse('IFC4X3_ADD2');
 */
export const ifcVersionSchema = z.enum(['IFC2X3', 'IFC4', 'IFC4X3_ADD2']);
/**
 * An IFC schema version named by an IDS specification.
 *
 * @example
 * const v: IfcVersion = ids.specifications[0]!.ifcVersion[0]!; // 'IFC4'
 */
export type IfcVersion = z.infer<typeof ifcVersionSchema>;

/**
 * A simple value: the text must match exactly (numbers with the 1e-6 tolerance).
 *
 * @example
 * simpleValueSchema.parse({ kind: 'simple', value: 'F90' });
 */
export const simpleValueSchema = z.object({
  kind: z.literal('simple'),
  value: z.string(),
});

/**
 * An `xs:restriction`: enumeration, patterns (XSD regular expressions), bounds and lengths. Bounds
 * keep the text as written; they are read with the restriction's base type when matched.
 *
 * @example
 * restrictionValueSchema.parse({ kind: 'restriction', base: 'xs:string', patterns: ['F[0-9]{2}'] });
 */
export const restrictionValueSchema = z.object({
  kind: z.literal('restriction'),
  base: z.string(),
  enumeration: z.optional(z.array(z.string())),
  patterns: z.optional(z.array(z.string())),
  minInclusive: z.optional(z.string()),
  maxInclusive: z.optional(z.string()),
  minExclusive: z.optional(z.string()),
  maxExclusive: z.optional(z.string()),
  length: z.optional(z.number()),
  minLength: z.optional(z.number()),
  maxLength: z.optional(z.number()),
});

/**
 * A facet parameter value: a simple value or a restriction.
 *
 * @example
 * idsValueSchema.parse({ kind: 'restriction', base: 'xs:double', minInclusive: '0' });
 */
export const idsValueSchema = z.discriminatedUnion('kind', [simpleValueSchema, restrictionValueSchema]);
/**
 * A facet parameter value: a simple value or a restriction.
 *
 * @example
 * const v: IdsValue = { kind: 'simple', value: 'IFCWALL' };
 */
export type IdsValue = z.infer<typeof idsValueSchema>;
/**
 * An `xs:restriction` facet parameter.
 *
 * @example
 * const r: RestrictionValue = { kind: 'restriction', base: 'xs:string', enumeration: ['A', 'B'] };
 */
export type RestrictionValue = z.infer<typeof restrictionValueSchema>;

/**
 * Cardinality of a requirement facet (applicability facets are always `required`).
 *
 * @example
 * cardinalitySchema.parse('optional');
 */
export const cardinalitySchema = z.enum(['required', 'optional', 'prohibited']);
/**
 * Cardinality of a requirement facet.
 *
 * @example
 * const c: Cardinality = 'prohibited';
 */
export type Cardinality = z.infer<typeof cardinalitySchema>;

/**
 * The relations the partOf facet may follow.
 *
 * @example
 * partOfRelationSchema.parse('IFCRELAGGREGATES');
 */
export const partOfRelationSchema = z.enum([
  'IFCRELAGGREGATES',
  'IFCRELASSIGNSTOGROUP',
  'IFCRELCONTAINEDINSPATIALSTRUCTURE',
  'IFCRELNESTS',
  'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT',
]);
/**
 * A relation the partOf facet may follow.
 *
 * @example
 * const r: PartOfRelation = 'IFCRELCONTAINEDINSPATIALSTRUCTURE';
 */
export type PartOfRelation = z.infer<typeof partOfRelationSchema>;

const common = {
  cardinality: cardinalitySchema,
  instructions: z.optional(z.string()),
  /** 1-based line of the facet element in the IDS document. */
  line: z.number(),
};

/**
 * Entity facet: IFC class name and optional predefined type.
 *
 * @example
 * entityFacetSchema.parse({ facet: 'entity', name: { kind: 'simple', value: 'IFCWALL' }, cardinality: 'required', line: 7 });
 */
export const entityFacetSchema = z.object({
  facet: z.literal('entity'),
  name: idsValueSchema,
  predefinedType: z.optional(idsValueSchema),
  ...common,
});
/**
 * Attribute facet: attribute name and optional value.
 *
 * @example
 * attributeFacetSchema.parse({ facet: 'attribute', name: { kind: 'simple', value: 'Name' }, cardinality: 'required', line: 9 });
 */
export const attributeFacetSchema = z.object({
  facet: z.literal('attribute'),
  name: idsValueSchema,
  value: z.optional(idsValueSchema),
  ...common,
});
/**
 * Property facet: property set, base name, optional data type and value.
 *
 * @example
 * propertyFacetSchema.parse({ facet: 'property', propertySet: { kind: 'simple', value: 'Pset_WallCommon' }, baseName: { kind: 'simple', value: 'FireRating' }, cardinality: 'required', line: 9 });
 */
export const propertyFacetSchema = z.object({
  facet: z.literal('property'),
  propertySet: idsValueSchema,
  baseName: idsValueSchema,
  dataType: z.optional(z.string()),
  value: z.optional(idsValueSchema),
  uri: z.optional(z.string()),
  ...common,
});
/**
 * Classification facet: system and optional reference value.
 *
 * @example
 * classificationFacetSchema.parse({ facet: 'classification', system: { kind: 'simple', value: 'DIN 276' }, cardinality: 'required', line: 9 });
 */
export const classificationFacetSchema = z.object({
  facet: z.literal('classification'),
  system: z.optional(idsValueSchema),
  value: z.optional(idsValueSchema),
  uri: z.optional(z.string()),
  ...common,
});
/**
 * Material facet: optional material name or category.
 *
 * @example
 * materialFacetSchema.parse({ facet: 'material', cardinality: 'required', line: 9 });
 */
export const materialFacetSchema = z.object({
  facet: z.literal('material'),
  value: z.optional(idsValueSchema),
  uri: z.optional(z.string()),
  ...common,
});
/**
 * PartOf facet: the whole's entity and optionally the relation to follow.
 *
 * @example
 * partOfFacetSchema.parse({ facet: 'partOf', entity: { name: { kind: 'simple', value: 'IFCBUILDINGSTOREY' } }, cardinality: 'required', line: 9 });
 */
export const partOfFacetSchema = z.object({
  facet: z.literal('partOf'),
  entity: z.object({ name: idsValueSchema, predefinedType: z.optional(idsValueSchema) }),
  relation: z.optional(partOfRelationSchema),
  ...common,
});

/**
 * Any IDS facet.
 *
 * @example
 * facetSchema.parse({ facet: 'material', cardinality: 'optional', line: 3 });
 */
export const facetSchema = z.discriminatedUnion('facet', [
  entityFacetSchema,
  attributeFacetSchema,
  propertyFacetSchema,
  classificationFacetSchema,
  materialFacetSchema,
  partOfFacetSchema,
]);
/**
 * Any IDS facet.
 *
 * @example
 * const kinds = ids.specifications[0]!.requirements.map((f: Facet) => f.facet);
 */
export type Facet = z.infer<typeof facetSchema>;
/**
 * Entity facet.
 *
 * @example
 * const e = spec.applicability.find((f): f is EntityFacet => f.facet === 'entity');
 */
export type EntityFacet = z.infer<typeof entityFacetSchema>;
/**
 * Attribute facet.
 *
 * @example
 * const a = spec.requirements.filter((f): f is AttributeFacet => f.facet === 'attribute');
 */
export type AttributeFacet = z.infer<typeof attributeFacetSchema>;
/**
 * Property facet.
 *
 * @example
 * const p = spec.requirements.filter((f): f is PropertyFacet => f.facet === 'property');
 */
export type PropertyFacet = z.infer<typeof propertyFacetSchema>;
/**
 * Classification facet.
 *
 * @example
 * const c = spec.requirements.filter((f): f is ClassificationFacet => f.facet === 'classification');
 */
export type ClassificationFacet = z.infer<typeof classificationFacetSchema>;
/**
 * Material facet.
 *
 * @example
 * const m = spec.requirements.filter((f): f is MaterialFacet => f.facet === 'material');
 */
export type MaterialFacet = z.infer<typeof materialFacetSchema>;
/**
 * PartOf facet.
 *
 * @example
 * const p = spec.requirements.filter((f): f is PartOfFacet => f.facet === 'partOf');
 */
export type PartOfFacet = z.infer<typeof partOfFacetSchema>;
/**
 * Name of a facet kind.
 *
 * @example
 * const kind: FacetKind = 'classification';
 */
export type FacetKind = Facet['facet'];

/**
 * One IDS specification.
 *
 * @example
 * specificationSchema.parse(ids.specifications[0]);
 */
export const specificationSchema = z.object({
  name: z.string(),
  ifcVersion: z.array(ifcVersionSchema),
  identifier: z.optional(z.string()),
  description: z.optional(z.string()),
  instructions: z.optional(z.string()),
  /**
   * From the applicability's minOccurs/maxOccurs (each 1 when omitted, as in ids.xsd): required
   * (1/unbounded), optional (0/unbounded), prohibited (0/0); any other combination is an audit
   * error (ADR 0067).
   */
  usage: cardinalitySchema,
  applicability: z.array(facetSchema),
  requirements: z.array(facetSchema),
  requirementsDescription: z.optional(z.string()),
  line: z.number(),
});
/**
 * One IDS specification.
 *
 * @example
 * const names = ids.specifications.map((s: Specification) => `${s.name} (${s.usage})`);
 */
export type Specification = z.infer<typeof specificationSchema>;

/**
 * IDS document metadata (`<info>`).
 *
 * @example
 * idsInfoSchema.parse({ title: 'Schule', author: 'bim@example.org' });
 */
export const idsInfoSchema = z.object({
  title: z.string(),
  copyright: z.optional(z.string()),
  version: z.optional(z.string()),
  description: z.optional(z.string()),
  author: z.optional(z.string()),
  date: z.optional(z.string()),
  purpose: z.optional(z.string()),
  milestone: z.optional(z.string()),
});
/**
 * IDS document metadata.
 *
 * @example
 * const info: IdsInfo = parseIds(xml).info;
 */
export type IdsInfo = z.infer<typeof idsInfoSchema>;

/**
 * A parsed and audited IDS 1.0 document.
 *
 * @example
 * idsDocumentSchema.parse(parseIds(xml)); // the typed document is plain data
 */
export const idsDocumentSchema = z.object({
  info: idsInfoSchema,
  specifications: z.array(specificationSchema),
});
/**
 * A parsed and audited IDS 1.0 document.
 *
 * @example
 * const ids: IdsDocument = parseIds(readFileSync('anforderungen.ids'));
 */
export type IdsDocument = z.infer<typeof idsDocumentSchema>;
