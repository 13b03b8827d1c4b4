import * as z from 'zod/mini';

/** IFC schema versions an IDS 1.0 specification may name. */
export const ifcVersionSchema = z.enum(['IFC2X3', 'IFC4', 'IFC4X3_ADD2']);
/** An IFC schema version named by an IDS specification. */
export type IfcVersion = z.infer<typeof ifcVersionSchema>;

/** A simple value: the text must match exactly (numbers with the 1e-6 tolerance). */
export const simpleValueSchema = z.object({
  kind: z.literal('simple'),
  value: z.string(),
});

/**
 * An `xs:restriction`: enumeration, patterns (XSD regular expressions), bounds and lengths. Bounds
 * keep the text as written; they are read with the restriction's base type when matched.
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

/** A facet parameter value: a simple value or a restriction. */
export const idsValueSchema = z.discriminatedUnion('kind', [simpleValueSchema, restrictionValueSchema]);
/** A facet parameter value: a simple value or a restriction. */
export type IdsValue = z.infer<typeof idsValueSchema>;
/** An `xs:restriction` facet parameter. */
export type RestrictionValue = z.infer<typeof restrictionValueSchema>;

/** Cardinality of a requirement facet (applicability facets are always `required`). */
export const cardinalitySchema = z.enum(['required', 'optional', 'prohibited']);
/** Cardinality of a requirement facet. */
export type Cardinality = z.infer<typeof cardinalitySchema>;

/** The relations the partOf facet may follow. */
export const partOfRelationSchema = z.enum([
  'IFCRELAGGREGATES',
  'IFCRELASSIGNSTOGROUP',
  'IFCRELCONTAINEDINSPATIALSTRUCTURE',
  'IFCRELNESTS',
  'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT',
]);
/** A relation the partOf facet may follow. */
export type PartOfRelation = z.infer<typeof partOfRelationSchema>;

const common = {
  cardinality: cardinalitySchema,
  instructions: z.optional(z.string()),
  /** 1-based line of the facet element in the IDS document. */
  line: z.number(),
};

/** Entity facet: IFC class name and optional predefined type. */
export const entityFacetSchema = z.object({
  facet: z.literal('entity'),
  name: idsValueSchema,
  predefinedType: z.optional(idsValueSchema),
  ...common,
});
/** Attribute facet: attribute name and optional value. */
export const attributeFacetSchema = z.object({
  facet: z.literal('attribute'),
  name: idsValueSchema,
  value: z.optional(idsValueSchema),
  ...common,
});
/** Property facet: property set, base name, optional data type and value. */
export const propertyFacetSchema = z.object({
  facet: z.literal('property'),
  propertySet: idsValueSchema,
  baseName: idsValueSchema,
  dataType: z.optional(z.string()),
  value: z.optional(idsValueSchema),
  uri: z.optional(z.string()),
  ...common,
});
/** Classification facet: system and optional reference value. */
export const classificationFacetSchema = z.object({
  facet: z.literal('classification'),
  system: z.optional(idsValueSchema),
  value: z.optional(idsValueSchema),
  uri: z.optional(z.string()),
  ...common,
});
/** Material facet: optional material name or category. */
export const materialFacetSchema = z.object({
  facet: z.literal('material'),
  value: z.optional(idsValueSchema),
  uri: z.optional(z.string()),
  ...common,
});
/** PartOf facet: the whole's entity and optionally the relation to follow. */
export const partOfFacetSchema = z.object({
  facet: z.literal('partOf'),
  entity: z.object({ name: idsValueSchema, predefinedType: z.optional(idsValueSchema) }),
  relation: z.optional(partOfRelationSchema),
  ...common,
});

/** Any IDS facet. */
export const facetSchema = z.discriminatedUnion('facet', [
  entityFacetSchema,
  attributeFacetSchema,
  propertyFacetSchema,
  classificationFacetSchema,
  materialFacetSchema,
  partOfFacetSchema,
]);
/** Any IDS facet. */
export type Facet = z.infer<typeof facetSchema>;
/** Entity facet. */
export type EntityFacet = z.infer<typeof entityFacetSchema>;
/** Attribute facet. */
export type AttributeFacet = z.infer<typeof attributeFacetSchema>;
/** Property facet. */
export type PropertyFacet = z.infer<typeof propertyFacetSchema>;
/** Classification facet. */
export type ClassificationFacet = z.infer<typeof classificationFacetSchema>;
/** Material facet. */
export type MaterialFacet = z.infer<typeof materialFacetSchema>;
/** PartOf facet. */
export type PartOfFacet = z.infer<typeof partOfFacetSchema>;
/** Name of a facet kind. */
export type FacetKind = Facet['facet'];

/** One IDS specification. */
export const specificationSchema = z.object({
  name: z.string(),
  ifcVersion: z.array(ifcVersionSchema),
  identifier: z.optional(z.string()),
  description: z.optional(z.string()),
  instructions: z.optional(z.string()),
  /** From the applicability's minOccurs/maxOccurs: required (1..n), optional (0..n), prohibited (0..0). */
  usage: cardinalitySchema,
  applicability: z.array(facetSchema),
  requirements: z.array(facetSchema),
  requirementsDescription: z.optional(z.string()),
  line: z.number(),
});
/** One IDS specification. */
export type Specification = z.infer<typeof specificationSchema>;

/** IDS document metadata (`<info>`). */
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
/** IDS document metadata. */
export type IdsInfo = z.infer<typeof idsInfoSchema>;

/** A parsed and audited IDS 1.0 document. */
export const idsDocumentSchema = z.object({
  info: idsInfoSchema,
  specifications: z.array(specificationSchema),
});
/** A parsed and audited IDS 1.0 document. */
export type IdsDocument = z.infer<typeof idsDocumentSchema>;
