// Our own IDS + IFC case pairs, one or more per rule of the IDS 1.0 documentation
// (../shared/corpus/ids/spec/). Written for this project (EUPL-1.2); expected outcomes are derived
// by hand from the rule each case names. `pnpm --filter @foederal/ids generate:cases` writes them
// to test/cases/; test/own-cases.test.ts checks the files are current and runs them.
import {
  attribute,
  bounds,
  classification,
  defines,
  entity,
  enumeration,
  gid,
  ids,
  ifc,
  length,
  material,
  partOf,
  pattern,
  property,
  pset,
  single,
  typedBy,
  wall,
  wallType,
} from './case-builders.js';
import type { Facet, Schema, Units, V } from './case-builders.js';

export type Expected = 'pass' | 'fail' | 'invalid';

/** A rule of the specification, where it is written, and which shared cases exercise it. */
export interface Rule {
  readonly id: string;
  readonly facet: 'entity' | 'attribute' | 'property' | 'classification' | 'material' | 'partOf' | 'restriction' | 'tolerance' | 'units' | 'ifcVersion' | 'cardinality';
  readonly rule: string;
  /** File and section of ../shared/corpus/ids/spec/ the rule is read from. */
  readonly spec: string;
  /** Substrings of shared case names (../shared/corpus/ids/cases.json) that exercise the rule. */
  readonly shared: readonly string[];
}

export interface OwnCase {
  readonly rule: string;
  readonly name: string;
  readonly expected: Expected;
  readonly ids: string;
  readonly ifc: string;
}

export const rules: readonly Rule[] = [
  { id: 'entity.exact-class', facet: 'entity', rule: 'The IFC class must match exactly; subtypes do not match', spec: 'entity-facet.md, Parameters (Name)', shared: ['subclasses_are_not_considered_as_matching', 'an_matching_entity_should_pass'] },
  { id: 'entity.uppercase', facet: 'entity', rule: 'Entity names are IFC classes written in upper case, in applicability, requirements, enumerations and partOf; other case makes the IDS invalid', spec: 'entity-facet.md, Parameters (Name) and Examples', shared: [] },
  { id: 'entity.name-restriction', facet: 'entity', rule: 'The name may be an enumeration or a pattern of class names', spec: 'entity-facet.md, Parameters (Restrictions allowed)', shared: ['entities_can_be_specified_as_an_enumeration', 'entities_can_be_specified_as_a_xsd_regex_pattern'] },
  { id: 'entity.predefined-type', facet: 'entity', rule: 'The predefined type must match exactly (case-sensitive), restrictions allowed', spec: 'entity-facet.md, Parameters (Predefined Type)', shared: ['a_matching_predefined_type_should_pass', 'a_predefined_type_from_an_enumeration_must_be_uppercase', 'restrictions_can_be_specified_for_the_predefined_type', 'a_null_predefined_type'] },
  { id: 'entity.user-defined', facet: 'entity', rule: 'A custom predefined type is read from ObjectType / ElementType / ProcessType when PredefinedType is USERDEFINED', spec: 'entity-facet.md, Predefined Type (custom values)', shared: ['user_defined_types_are_checked_case_sensitively', 'a_predefined_type_may_specify_a_user_defined', 'userdefined_predefined_types_may_be_specified'] },
  { id: 'entity.type-predefined-type', facet: 'entity', rule: 'An occurrence takes the predefined type of its type object', spec: 'entity-facet.md, Predefined Type', shared: ['overridden_predefined_types_should_pass'] },
  { id: 'entity.schema-names', facet: 'ifcVersion', rule: 'The class must exist in the schemas named by ifcVersion (IFC2X3, IFC4, IFC4X3_ADD2 differ)', spec: 'entity-facet.md, class lists per schema; specifications.md (ifcVersion)', shared: ['invalid_entities_always_fail'] },
  { id: 'entity.ifc2x3-mapping', facet: 'ifcVersion', rule: 'In IFC2X3 an IFC4 occurrence name (IFCAIRTERMINAL) means the generic occurrence typed by the specific type object', spec: 'entity-facet.md, Special cases in IFC2X3; ifc2x3-occurrence-type-mapping-table.md', shared: [] },
  { id: 'attribute.explicit', facet: 'attribute', rule: 'Only explicit attributes of the applicable classes can be named (no derived, inverse or unknown ones)', spec: 'attribute-facet.md, Parameters', shared: ['derived_attributes_cannot_be_checked', 'inverse_attributes_cannot_be_checked', 'invalid_attribute_names_always_fail', 'value_checks_always_fail_for_objects', 'value_checks_always_fail_for_selects', 'attributes_with_a_select_referencing'] },
  { id: 'attribute.empty', facet: 'attribute', rule: 'Empty strings, empty lists, UNKNOWN and null are no value', spec: 'attribute-facet.md, Parameters (Value)', shared: ['attributes_with_empty_strings_always_fail', 'attributes_with_an_empty_set_always_fail', 'attributes_with_a_logical_unknown_always_fail', 'an_optional_attribute_passes_if_null', 'an_optional_attribute_fails_if_empty', 'an_optional_attribute_passes_if_specified'] },
  { id: 'attribute.restrictions', facet: 'attribute', rule: 'Attribute values may be restricted by enumeration, pattern, bounds and length', spec: 'attribute-facet.md, Parameters; restrictions.md', shared: ['value_restrictions_may_be_used', 'strict_numeric_checking_may_be_done_with_a_bounds_restriction', 'regex_patterns_can_be_used', 'name_restrictions_will_match_any_result'] },
  { id: 'attribute.units', facet: 'units', rule: 'Measure attributes are compared in SI units after converting from the project units', spec: 'units.md, introduction', shared: [] },
  { id: 'property.containers', facet: 'property', rule: 'Every kind of property value (single, enumerated, bounded, list, table) meets a value restriction of every kind when any of its values matches', spec: 'property-facet.md, Parameters (Value); restrictions.md', shared: ['any_matching_value_in_a_bounded_property', 'any_matching_value_in_a_list_property', 'any_matching_value_in_a_table_property', 'any_matching_value_in_an_enumerated_property', 'no_matching_value_in_an_enumerated_property'] },
  { id: 'property.reference', facet: 'property', rule: 'Reference and complex properties hold objects, not values: a value requirement on them fails', spec: 'property-facet.md, Parameters (Value: any value appropriate to the data type)', shared: ['reference_properties_are_treated_as_objects', 'complex_properties_are_not_supported'] },
  { id: 'property.data-type', facet: 'property', rule: 'The value must use the specified data type; in a table or list any value of that type may match', spec: 'property-facet.md, Parameters (Data Type)', shared: ['measures_are_used_to_specify_an_ifc_data_type', 'a_number_specified_as_a_string_is_treated_as_a_string'] },
  { id: 'property.data-type-schema', facet: 'ifcVersion', rule: 'The data type must exist in the schema version (DataTypes.md columns IFC2X3 / IFC4 / IFC4X3)', spec: 'DataTypes.md, DataTypes; property-facet.md (compatible with the referenced schema version)', shared: [] },
  { id: 'property.value-lexical', facet: 'restriction', rule: 'Values must be written in the lexical form of the data type’s XML base type: dot decimal separator, scientific notation allowed, lowercase booleans, no decimals for integers', spec: 'DataTypes.md, XML base types', shared: ['booleans_must_be_specified_as_lowercase_strings', 'integer_values_cannot_be_stored_with_decimal', 'only_specifically_formatted_numbers_are_allowed'] },
  { id: 'property.on-type', facet: 'property', rule: 'Property sets apply to an element and to its type: a requirement on a type object (IFCWALLTYPE) evaluates the type’s own sets (HasPropertySets)', spec: 'property-facet.md, Applicable Entity; issue 14', shared: ['properties_can_be_inherited_from_the_type_2_2', 'properties_can_be_overriden_by_an_occurrence_2_2'] },
  { id: 'property.inherited', facet: 'property', rule: 'An occurrence has the property sets of its type object', spec: 'property-facet.md, Applicable Entity', shared: ['properties_can_be_inherited_from_the_type_1_2'] },
  { id: 'property.override', facet: 'property', rule: 'An occurrence’s property overrides the same property of its type object; other type properties remain', spec: 'property-facet.md', shared: [] },
  { id: 'property.names', facet: 'property', rule: 'Property set and property names match exactly (case-sensitive); restrictions allowed', spec: 'property-facet.md, Parameters (Property Set, Base Name)', shared: ['all_matching_property_sets_must_satisfy_requirements', 'a_name_check_will_match_any_property', 'all_matching_properties_must_satisfy_requirements', 'if_multiple_properties_are_matched', 'a_required_facet_checks_all_parameters', 'elements_with_a_matching_pset_but_no_property'] },
  { id: 'property.quantities', facet: 'property', rule: 'Quantities are checked like properties', spec: 'property-facet.md (Quantities are interchangeable)', shared: [] },
  { id: 'property.units', facet: 'units', rule: 'Measures are converted from project units (SI prefixes, squared and cubed units, conversion-based and derived units, offsets) to the IDS SI unit before comparison', spec: 'units.md; property-facet.md, Parameters (Data Type)', shared: ['unit_conversions_shall_take_place_to_ids_nominated_standard_units'] },
  { id: 'classification.type', facet: 'classification', rule: 'An occurrence has its type object’s classifications, overridden per system by its own', spec: 'classification-facet.md', shared: ['occurrences_override_the_type_classification_per_system'] },
  { id: 'classification.restrictions', facet: 'classification', rule: 'System and value may be restricted; a value matches a reference or any of its parent references', spec: 'classification-facet.md, Parameters', shared: ['restrictions_can_be_used_for_systems', 'restrictions_can_be_used_for_values', 'values_match_subreferences', 'systems_should_match_exactly', 'a_classification_facet_with_no_data', 'a_required_classification_system_fails', 'non_rooted_resources', 'an_optional_classification_value'] },
  { id: 'material.any', facet: 'material', rule: 'Any material, layer, profile or constituent name or category may match; restrictions allowed', spec: 'material-facet.md, Parameters', shared: ['a_material_name_may_pass', 'a_material_category_may_pass', 'any_material', 'any_layer', 'any_constituent', 'any_profile', 'with_no_data_will_fail_a_value_check', 'elements_without_a_material', 'elements_with_any_material', 'an_optional_material'] },
  { id: 'material.type', facet: 'material', rule: 'An occurrence without own material has its type object’s materials; its own replace them', spec: 'material-facet.md', shared: ['occurrences_can_override_materials_from_their_types'] },
  { id: 'partOf.relations', facet: 'partOf', rule: 'The six relations are followed recursively, each alone when named: aggregates, group, containment, nests, voids/fills', spec: 'partof-facet.md', shared: ['the_aggregated_part_passes', 'a_grouped_element_passes', 'any_contained_element_passes', 'any_nested_part_passes', 'the_containment_can_be_indirect', 'a_non_aggregated_element_fails', 'an_aggregate_entity_may_pass_any_ancestral_whole', 'any_nested_whole_fails', 'the_container_itself_always_fails'] },
  { id: 'partOf.entity', facet: 'partOf', rule: 'The whole is given by an entity facet: exact class, upper case, predefined type', spec: 'partof-facet.md, Parameters (Entity)', shared: ['the_container_entity_must_match_exactly', 'the_container_predefined_type_must_match_exactly', 'a_group_entity_must_match_exactly', 'an_aggregate_may_specify_the_entity_of_the_whole', 'the_nest_predefined_type_must_match_exactly', 'a_group_predefined_type_must_match_exactly'] },
  { id: 'cardinality.facets', facet: 'cardinality', rule: 'Requirement facets are required (present and matching), optional (absent, or present and matching) or prohibited (the negation of required); partOf has no optional', spec: 'specifications.md, Cardinality of requirements', shared: ['a_prohibited_facet_returns_the_opposite_of_a_required_facet', 'a_prohibited_classification_reference_returns_the_opposite', 'an_optional_facet_always_passes', 'an_optional_attribute_passes_if_null', 'an_optional_classification_value', 'an_optional_material'] },
  { id: 'cardinality.specification', facet: 'cardinality', rule: 'A specification is required (at least one applicable entity, each meeting the requirements), optional (none, or each applicable entity meeting the requirements) or prohibited (no applicable entity; requirements are not allowed)', spec: 'specifications.md, Cardinality of the applicability entity', shared: ['required_specifications_need_at_least_one_applicable_entity', 'optional_specifications_may_still_pass', 'specification_optionality_and_facet_optionality'] },
  { id: 'cardinality.occurs-values', facet: 'cardinality', rule: 'minOccurs and maxOccurs of <applicability> are optional with the default 1; minOccurs is an xs:nonNegativeInteger, maxOccurs one or unbounded, in their XSD lexical forms (+, leading zeros, -0, surrounding spaces); any other text makes the IDS invalid', spec: 'ids.xsd, applicabilityType (attribute group xs:occurs of XMLSchema.xsd)', shared: ['required_specifications_need_at_least_one_applicable_entity'] },
  { id: 'cardinality.occurs-combinations', facet: 'cardinality', rule: 'Only minOccurs/maxOccurs 1/unbounded (required), 0/unbounded (optional) and 0/0 (prohibited) are allowed, for any number of applicable entities; every other combination (the defaults 1/1 of an applicability without the attributes included) and minOccurs above maxOccurs make the IDS invalid', spec: 'developer-guide.md, Optionality; specifications.md, Cardinality of the applicability entity', shared: ['optional_specifications_may_still_pass', 'prohibited_specifications_invalid_if_requirements'] },
  { id: 'value.empty', facet: 'property', rule: 'A property has a value only if it is not null, not an empty string and not logical UNKNOWN; false and zero are values', spec: 'property-facet.md, Parameters (Base Name: non-empty value)', shared: ['a_logical_unknown_is_considered_false', 'an_empty_string_is_considered_false', 'properties_with_a_null_value_fail', 'a_property_set_to_false_is_still_considered_a_value', 'a_zero_duration_will_pass', 'attributes_with_a_boolean_false_should_pass', 'attributes_with_a_zero_number_have_meaning'] },
  { id: 'value.casting', facet: 'restriction', rule: 'Values compare by their XML base type: numbers by value (1 = 1.0), dates, times and durations as text, booleans as true/false', spec: 'DataTypes.md, XML base types; property-facet.md (Value)', shared: ['numeric_values_are_checked_using_type_casting', 'integers_follow_the_same_rules_as_numbers', 'real_values_are_checked_using_type_casting', 'integer_values_are_checked_using_type_casting', 'dates_are_treated_as_strings', 'durations_are_treated_as_strings', 'attributes_with_a_zero_duration', 'specifying_a_float_when_the_value_is_an_integer'] },
  { id: 'value.text-exact', facet: 'restriction', rule: 'Text compares exactly: case-sensitive, no truncation, non-ASCII characters as they are', spec: 'restrictions.md; DataTypes.md (xs:string)', shared: ['attributes_should_check_strings_case_sensitively', 'ids_does_not_handle_string_truncation', 'non_ascii_characters_are_treated_without_encoding', 'specifying_a_value_performs_a_case_sensitive_match', 'specifying_a_value_fails_against_different_values'] },
  { id: 'restriction.bounds', facet: 'restriction', rule: 'Bounds are inclusive or exclusive, and apply to numbers', spec: 'restrictions.md, Bounds', shared: ['a_bound_can_be_exclusive', 'a_bound_can_be_inclusive', 'strict_numeric_checking'] },
  { id: 'restriction.pattern-strings', facet: 'restriction', rule: 'Patterns only apply to text: a pattern on a number makes the IDS invalid', spec: 'restrictions.md, Pattern; DataTypes.md', shared: ['patterns_always_fail_on_any_number', 'patterns_only_work_on_strings'] },
  { id: 'specification.all-requirements', facet: 'cardinality', rule: 'A specification passes only if every applicable entity meets every requirement', spec: 'specifications.md', shared: ['a_specification_passes_only_if_all_requirements_pass', 'a_minimal_ids_can_check_a_minimal_ifc', 'prohibited_specifications_invalid_if_requirements'] },
  { id: 'property.predefined-sets', facet: 'property', rule: 'Predefined property sets (IfcDoorLiningProperties …) are property sets named by their Name with their attributes as properties', spec: 'property-facet.md', shared: ['predefined_properties_are_supported_but_discouraged'] },
  { id: 'specification.ifc-version', facet: 'ifcVersion', rule: 'ifcVersion lists one or more of IFC2X3, IFC4 and IFC4X3_ADD2, written exactly so', spec: 'specifications.md, IFC schema support; ids.xsd (ifcVersion)', shared: [] },
  { id: 'restriction.pattern-whole', facet: 'restriction', rule: 'A pattern matches the whole value; letters and digits alone are an exact match', spec: 'restrictions.md, Pattern', shared: ['regex_patterns_can_be_used'] },
  { id: 'restriction.length-characters', facet: 'restriction', rule: 'Length restrictions count characters, not bytes', spec: 'restrictions.md, Length', shared: ['max_and_min_length_checks_can_be_used'] },
  { id: 'restriction.enumeration', facet: 'restriction', rule: 'An enumeration is a list of allowed values, matched case-sensitively; numbers may be enumerated', spec: 'restrictions.md, Enumeration', shared: ['an_enumeration_matches_case_sensitively'] },
  { id: 'tolerance.enumeration', facet: 'tolerance', rule: 'Doubles compare with the 1e-6 tolerance in simple values and in restrictions (enumerations too)', spec: 'tolerance.md, Equality tolerance', shared: ['comparison_tolerance_for_floating_point'] },
  { id: 'tolerance.converted', facet: 'tolerance', rule: 'The tolerance applies to the value after unit conversion', spec: 'tolerance.md; units.md', shared: [] },
];

const cases: OwnCase[] = [];
const add = (rule: string, name: string, expected: Expected, idsText: string, ifcText: string) => {
  if (!rules.some((r) => r.id === rule)) throw new Error(`unknown rule ${rule}`);
  cases.push({ rule, name, expected, ids: idsText, ifc: ifcText });
};
const WALL = entity('IFCWALL');
const req = (title: string, applicability: Facet[], requirements: Facet[], ifcVersion?: string) =>
  ids({ title, applicability, requirements, ...(ifcVersion ? { ifcVersion } : {}) });
const MM: Units = { si: [['LENGTHUNIT', 'MILLI', 'METRE']] };

// ---------- entity ----------
{
  const m = ifc('IFC4', [`#10=IFCWALLSTANDARDCASE(${gid(10)},$,'W',$,$,$,$,$,$);`]);
  add('entity.exact-class', 'a subtype instance is not an instance of the named class', 'fail', req('exact class', [WALL], [attribute('Name')]), m);
  add('entity.exact-class', 'the subtype named itself applies', 'pass', req('exact subtype', [entity('IFCWALLSTANDARDCASE')], [attribute('Name')]), m);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1')]);
  add('entity.uppercase', 'mixed case in a requirement', 'invalid', req('case requirement', [WALL], [entity('IfcWall')]), m);
  add('entity.uppercase', 'mixed case in the applicability', 'invalid', req('case applicability', [entity('IfcWall')], [attribute('Name')]), m);
  add('entity.uppercase', 'lower case in an enumeration', 'invalid', req('case enumeration', [entity(enumeration('xs:string', 'IFCSLAB', 'ifcwall'))], [attribute('Name')]), m);
  add('entity.uppercase', 'mixed case as the whole of a partOf', 'invalid', req('case partOf', [WALL], [partOf('IfcBuildingStorey')]), m);
  add('entity.uppercase', 'upper case is valid and matches', 'pass', req('case upper', [WALL], [entity('IFCWALL')]), m);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), `#11=IFCSLAB(${gid(11)},$,'S1',$,$,$,$,$,.FLOOR.);`]);
  add('entity.name-restriction', 'an enumeration of classes applies to each', 'pass', req('enum classes', [entity(enumeration('xs:string', 'IFCWALL', 'IFCSLAB'))], [attribute('Name', pattern('[WS]1'))]), m);
  add('entity.name-restriction', 'a pattern of classes applies to each match', 'fail', req('pattern classes', [entity(pattern('IFC(WALL|SLAB)'))], [attribute('Name', 'W1')]), m);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1', 'PARTITIONING'), wall('IFC4', 11, 'W2', 'SHEAR')]);
  add('entity.predefined-type', 'an enumeration of predefined types', 'pass', req('pdt enum', [WALL], [entity('IFCWALL', enumeration('xs:string', 'PARTITIONING', 'SHEAR'))]), m);
  add('entity.predefined-type', 'predefined types compare case-sensitively', 'fail', req('pdt case', [WALL], [entity('IFCWALL', enumeration('xs:string', 'partitioning', 'SHEAR'))]), m);
  add('entity.predefined-type', 'applicability by predefined type selects only those', 'pass', req('pdt app', [entity('IFCWALL', 'SHEAR')], [attribute('Name', 'W2')]), m);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1', 'USERDEFINED', 'Brandwand')]);
  add('entity.user-defined', 'the ObjectType of a USERDEFINED occurrence is its predefined type', 'pass', req('userdefined objecttype', [WALL], [entity('IFCWALL', 'Brandwand')]), m);
  add('entity.user-defined', 'the custom name compares case-sensitively', 'fail', req('userdefined case', [WALL], [entity('IFCWALL', 'BRANDWAND')]), m);
}
{
  // Custom type names on type objects: ElementType of a USERDEFINED type, inherited by occurrences.
  for (const schema of ['IFC4', 'IFC4X3_ADD2'] as const) {
    const m = ifc(schema, [wall(schema, 10, 'W1', 'NOTDEFINED'), wallType(20, 'WT', [], 'USERDEFINED', 'Brandwandtyp'), typedBy(21, [10], 20)]);
    const tag = schema === 'IFC4' ? '' : `${schema}: `;
    add('entity.user-defined', `${tag}the ElementType of a USERDEFINED type object is its predefined type`, 'pass', req(`${tag}type elementtype`, [entity('IFCWALLTYPE')], [entity('IFCWALLTYPE', 'Brandwandtyp')], schema), m);
    add('entity.user-defined', `${tag}an occurrence of a USERDEFINED type has the type’s custom name`, 'pass', req(`${tag}occurrence of userdefined type`, [WALL], [entity('IFCWALL', 'Brandwandtyp')], schema), m);
    add('entity.user-defined', `${tag}and not its own NOTDEFINED`, 'fail', req(`${tag}occurrence own notdefined`, [WALL], [entity('IFCWALL', 'NOTDEFINED')], schema), m);
  }
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), wallType(20, 'WT', [], 'SOLIDWALL'), typedBy(21, [10], 20)]);
  add('entity.type-predefined-type', 'an untyped occurrence takes its type object’s predefined type', 'pass', req('type pdt', [WALL], [entity('IFCWALL', 'SOLIDWALL')]), m);
  add('entity.type-predefined-type', 'and does not match another one', 'fail', req('type pdt other', [WALL], [entity('IFCWALL', 'PARTITIONING')]), m);
}
{
  // IFC2X3 walls have no PredefinedType; their type object has.
  const m = ifc('IFC2X3', [wall('IFC2X3', 10, 'W1'), wallType(20, 'WT', [], 'SHEAR'), typedBy(21, [10], 20)]);
  add('entity.type-predefined-type', 'IFC2X3: a wall’s predefined type comes from its type object', 'pass', req('2x3 type pdt', [WALL], [entity('IFCWALL', 'SHEAR')], 'IFC2X3'), m);
  add('entity.type-predefined-type', 'IFC2X3: applicability by predefined type through the type object', 'fail', req('2x3 type pdt app', [entity('IFCWALL', 'SHEAR')], [attribute('Name', 'W2')], 'IFC2X3'), m);
}
{
  const m4 = ifc('IFC4', [`#10=IFCWALLSTANDARDCASE(${gid(10)},$,'W',$,$,$,$,$,$);`]);
  add('entity.schema-names', 'IFCWALLSTANDARDCASE exists in IFC4', 'pass', req('wsc ifc4', [entity('IFCWALLSTANDARDCASE')], [attribute('Name')], 'IFC4'), m4);
  add('entity.schema-names', 'IFCBUILDINGELEMENT is IFCBUILTELEMENT in IFC4X3_ADD2', 'invalid', req('buildingelement ifc4x3', [entity('IFCBUILDINGELEMENT')], [attribute('Name')], 'IFC4X3_ADD2'), m4);
  add('entity.schema-names', 'IFCBUILTELEMENT does not exist in IFC4', 'invalid', req('builtelement ifc4', [entity('IFCBUILTELEMENT')], [attribute('Name')], 'IFC4'), m4);
  const m43 = ifc('IFC4X3_ADD2', [`#10=IFCBRIDGE(${gid(10)},$,'B',$,$,$,$,$,$,.ARCHED.);`]);
  add('entity.schema-names', 'IFCBRIDGE exists in IFC4X3_ADD2', 'pass', req('bridge ifc4x3', [entity('IFCBRIDGE')], [entity('IFCBRIDGE', 'ARCHED')], 'IFC4X3_ADD2'), m43);
  add('entity.schema-names', 'IFCBRIDGE does not exist in IFC4', 'invalid', req('bridge ifc4', [entity('IFCBRIDGE')], [attribute('Name')], 'IFC4'), m43);
  add('entity.schema-names', 'a class must exist in every schema listed', 'invalid', req('bridge both', [entity('IFCBRIDGE')], [attribute('Name')], 'IFC4 IFC4X3_ADD2'), m43);
}
{
  const m = ifc('IFC2X3', [
    `#10=IFCFLOWTERMINAL(${gid(10)},$,'Auslass',$,$,$,$,$);`,
    `#11=IFCAIRTERMINALTYPE(${gid(11)},$,'AT',$,$,$,$,$,$,.GRILLE.);`,
    typedBy(12, [10], 11),
    `#13=IFCFLOWTERMINAL(${gid(13)},$,'Waschtisch',$,$,$,$,$);`,
    `#14=IFCSANITARYTERMINALTYPE(${gid(14)},$,'ST',$,$,$,$,$,$,.WASHHANDBASIN.);`,
    typedBy(15, [13], 14),
  ]);
  add('entity.ifc2x3-mapping', 'IFCAIRTERMINAL is an IfcFlowTerminal typed by an IfcAirTerminalType', 'pass', req('2x3 air terminal', [entity('IFCAIRTERMINAL')], [attribute('Name', 'Auslass')], 'IFC2X3'), m);
  add('entity.ifc2x3-mapping', 'with its predefined type from the type object', 'pass', req('2x3 air terminal pdt', [entity('IFCAIRTERMINAL')], [entity('IFCAIRTERMINAL', 'GRILLE')], 'IFC2X3'), m);
  add('entity.ifc2x3-mapping', 'an IfcFlowTerminal of another type is no air terminal', 'fail', req('2x3 sanitary', [entity('IFCSANITARYTERMINAL')], [attribute('Name', 'Auslass')], 'IFC2X3'), m);
}

{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1')]);
  const spec = (v: string) => req(`version ${v}`, [WALL], [attribute('Name', 'W1')], v);
  add('specification.ifc-version', 'several schemas may be listed', 'pass', spec('IFC2X3 IFC4 IFC4X3_ADD2'), m);
  add('specification.ifc-version', 'IFC4X3 without _ADD2 is no supported schema', 'invalid', spec('IFC4X3'), m);
  add('specification.ifc-version', 'schema names are upper case', 'invalid', spec('Ifc4'), m);
  add('specification.ifc-version', 'IFC4X1 is no supported schema', 'invalid', spec('IFC4X1'), m);
}

// ---------- attribute ----------
{
  const m = ifc('IFC4', [`#10=IFCWALL(${gid(10)},$,'W\\X2\\00C4\\X0\\01',$,$,$,$,$,$);`]);
  add('attribute.restrictions', 'a length restriction on a name with a non-ASCII letter', 'pass', req('attr length', [WALL], [attribute('Name', length({ length: 4 }))]), m);
  add('attribute.restrictions', 'a maxLength below the name’s length', 'fail', req('attr maxlength', [WALL], [attribute('Name', length({ maxLength: 3 }))]), m);
  add('attribute.restrictions', 'an enumeration of names', 'pass', req('attr enum', [WALL], [attribute('Name', enumeration('xs:string', 'X', 'W\u00c401'))]), m);
}
{
  const storey = (elev: string) => `#10=IFCBUILDINGSTOREY(${gid(10)},$,'EG',$,$,$,$,$,.ELEMENT.,${elev});`;
  const m = ifc('IFC4', [storey('3000.')], MM);
  const st = entity('IFCBUILDINGSTOREY');
  add('attribute.units', 'an elevation of 3000 mm is 3 m', 'pass', req('elev si', [st], [attribute('Elevation', '3')]), m);
  add('attribute.units', 'the raw value in project units does not match', 'fail', req('elev raw', [st], [attribute('Elevation', '3000')]), m);
  add('attribute.units', 'bounds compare in SI units too', 'pass', req('elev bounds', [st], [attribute('Elevation', bounds('xs:double', { minInclusive: '2.5', maxExclusive: '3.5' }))]), m);
}

{
  const m = ifc('IFC4', [`#10=IFCWALL(${gid(10)},$,'W1','',$,$,$,$,$);`]);
  add('attribute.explicit', 'an attribute of another class (IfcBuildingStorey.Elevation) on a wall', 'invalid', req('attr other class', [WALL], [attribute('Elevation')]), m);
  add('attribute.explicit', 'attribute names are case-sensitive', 'invalid', req('attr case', [WALL], [attribute('name')]), m);
  add('attribute.explicit', 'IfcWall has PredefinedType in IFC4 (a valid IDS; unset here, so it fails)', 'fail', req('attr pdt ifc4', [WALL], [attribute('PredefinedType')], 'IFC4'), m);
  add('attribute.explicit', 'IfcWall has no PredefinedType attribute in IFC2X3', 'invalid', req('attr pdt ifc2x3', [WALL], [attribute('PredefinedType')], 'IFC2X3'), m);
  add('attribute.empty', 'an empty Description is no value', 'fail', req('attr empty', [WALL], [attribute('Description')]), m);
  add('attribute.empty', 'an empty optional Description fails as it is present', 'fail', req('attr empty optional', [WALL], [attribute('Description', undefined, 'optional')]), m);
  add('attribute.empty', 'an unset ObjectType passes an optional facet', 'pass', req('attr unset optional', [WALL], [attribute('ObjectType', undefined, 'optional')]), m);
}

// ---------- property: every value container against every restriction kind ----------
type Container = 'single' | 'enumerated' | 'bounded' | 'list' | 'table' | 'reference';
const CONTAINERS: readonly Container[] = ['single', 'enumerated', 'bounded', 'list', 'table', 'reference'];
/** The property #21 'P' holding text values (one of them 'F90') or numbers (one of them 2.5). */
function container(c: Container, numbers: boolean, schema: Schema): string[] {
  const t = (s: string) => (numbers ? `IFCREAL(${s})` : `IFCLABEL('${s}')`);
  const [a, b] = numbers ? ['1.', '2.5'] : ['A1', 'F90'];
  switch (c) {
    case 'single':
      return [`#21=IFCPROPERTYSINGLEVALUE('P',$,${t(b)},$);`];
    case 'enumerated':
      return [`#21=IFCPROPERTYENUMERATEDVALUE('P',$,(${t(a)},${t(b)}),$);`];
    case 'bounded':
      // UpperBoundValue, LowerBoundValue, Unit and (not in IFC2X3) SetPointValue
      return [`#21=IFCPROPERTYBOUNDEDVALUE('P',$,${numbers ? 'IFCREAL(10.)' : "IFCLABEL('Z9')"},${t(b)},$${schema === 'IFC2X3' ? '' : ',$'});`];
    case 'list':
      return [`#21=IFCPROPERTYLISTVALUE('P',$,(${t(a)},${t(b)}),$);`];
    case 'table':
      // the matching value among the defined values; defining values are keys
      // (IFC2X3 has no CurveInterpolation)
      return [`#21=IFCPROPERTYTABLEVALUE('P',$,(${t(a)}),(${t(b)}),$,$,$${schema === 'IFC2X3' ? '' : ',$'});`];
    case 'reference':
      return [`#21=IFCPROPERTYREFERENCEVALUE('P',$,$,#22);`, schema === 'IFC2X3' ? `#22=IFCMATERIAL('F90');` : `#22=IFCMATERIAL('F90',$,$);`];
  }
}
const KINDS: readonly { kind: string; numbers: boolean; pass: V; fail: V }[] = [
  { kind: 'simpleValue', numbers: false, pass: 'F90', fail: 'F120' },
  { kind: 'enumeration', numbers: false, pass: enumeration('xs:string', 'F60', 'F90'), fail: enumeration('xs:string', 'F60', 'F120') },
  { kind: 'pattern', numbers: false, pass: pattern('F[0-9]{2}'), fail: pattern('F[0-9]{3}') },
  { kind: 'length', numbers: false, pass: length({ length: 3 }), fail: length({ minLength: 4 }) },
  { kind: 'bounds', numbers: true, pass: bounds('xs:double', { minExclusive: '2', maxExclusive: '3' }), fail: bounds('xs:double', { minInclusive: '5', maxInclusive: '6' }) },
];
for (const schema of ['IFC4', 'IFC2X3', 'IFC4X3_ADD2'] as const satisfies readonly Schema[]) {
  // IFC4 keeps the plain names; the other schemas say which they are in.
  const tag = schema === 'IFC4' ? '' : `${schema} `;
  for (const c of CONTAINERS) {
    for (const k of KINDS) {
      const m = ifc(schema, [wall(schema, 10, 'W1'), pset(20, 'Foo_Bar', [21]), ...container(c, k.numbers, schema), defines(23, [10], 20)]);
      const dataType = k.numbers ? 'IFCREAL' : 'IFCLABEL';
      const title = `${tag}${c} ${k.kind}`;
      if (c === 'reference') {
        add('property.reference', `${tag}a reference property fails a ${k.kind} value`, 'fail', req(title, [WALL], [property('Foo_Bar', 'P', { value: k.pass })], schema), m);
        continue;
      }
      add('property.containers', `${tag}${c} value against a matching ${k.kind}`, 'pass', req(`${title} pass`, [WALL], [property('Foo_Bar', 'P', { dataType, value: k.pass })], schema), m);
      add('property.containers', `${tag}${c} value against a ${k.kind} no value meets`, 'fail', req(`${title} fail`, [WALL], [property('Foo_Bar', 'P', { dataType, value: k.fail })], schema), m);
    }
  }
}
{
  // The allowed list of an enumerated property (IfcPropertyEnumeration) is not its value.
  const m = ifc('IFC4', [
    wall('IFC4', 10, 'W1'),
    pset(20, 'Foo_Bar', [21]),
    `#21=IFCPROPERTYENUMERATEDVALUE('P',$,(IFCLABEL('F30')),#22);`,
    `#22=IFCPROPERTYENUMERATION('Feuerwiderstand',(IFCLABEL('F30'),IFCLABEL('F90')),$);`,
    defines(23, [10], 20),
  ]);
  add('property.containers', 'enumerated: the chosen value counts', 'pass', req('enum chosen', [WALL], [property('Foo_Bar', 'P', { value: 'F30' })]), m);
  add('property.containers', 'enumerated: a value only allowed by the enumeration does not', 'fail', req('enum allowed only', [WALL], [property('Foo_Bar', 'P', { value: 'F90' })]), m);
}
{
  // table with the match among the defining values
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), `#21=IFCPROPERTYTABLEVALUE('P',$,(IFCLABEL('F90')),(IFCLABEL('A1')),$,$,$,$);`, defines(23, [10], 20)]);
  add('property.containers', 'table: a defining value may match', 'pass', req('table defining', [WALL], [property('Foo_Bar', 'P', { dataType: 'IFCLABEL', value: 'F90' })]), m);
}

// ---------- property: data types ----------
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), `#21=IFCPROPERTYTABLEVALUE('P',$,(IFCLABEL('X')),(IFCLENGTHMEASURE(1000.)),$,$,$,$);`, defines(23, [10], 20)], MM);
  const p = (dataType: string, value?: string) => property('Foo_Bar', 'P', { dataType, ...(value !== undefined ? { value } : {}) });
  add('property.data-type', 'table: the label key matches as IFCLABEL', 'pass', req('table label', [WALL], [p('IFCLABEL', 'X')]), m);
  add('property.data-type', 'table: the defined length matches as IFCLENGTHMEASURE in SI units', 'pass', req('table length', [WALL], [p('IFCLENGTHMEASURE', '1')]), m);
  add('property.data-type', 'table: the unconverted number does not match', 'fail', req('table raw', [WALL], [p('IFCLENGTHMEASURE', '1000')]), m);
  add('property.data-type', 'table: a value of another type does not count', 'fail', req('table other type', [WALL], [p('IFCLABEL', '1')]), m);
  add('property.data-type', 'table: no value of the data type at all', 'fail', req('table no type', [WALL], [p('IFCAREAMEASURE')]), m);
  add('property.data-type', 'table: text is no valid length value', 'invalid', req('table lexical', [WALL], [p('IFCLENGTHMEASURE', 'X')]), m);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), single(21, 'P', "IFCLABEL('F90')"), defines(23, [10], 20)]);
  add('property.data-type', 'IFCLABEL is not IFCTEXT', 'fail', req('label text', [WALL], [property('Foo_Bar', 'P', { dataType: 'IFCTEXT', value: 'F90' })]), m);
  add('property.data-type', 'without a data type any type may match', 'pass', req('no datatype', [WALL], [property('Foo_Bar', 'P', { value: 'F90' })]), m);
  const l = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), `#21=IFCPROPERTYLISTVALUE('P',$,(IFCLABEL('A'),IFCINTEGER(7)),$);`, defines(23, [10], 20)]);
  add('property.data-type', 'list of mixed types: the integer matches as IFCINTEGER', 'pass', req('list integer', [WALL], [property('Foo_Bar', 'P', { dataType: 'IFCINTEGER', value: '7' })]), l);
  add('property.data-type', 'list of mixed types: the integer 7 is no IFCLABEL', 'fail', req('list label seven', [WALL], [property('Foo_Bar', 'P', { dataType: 'IFCLABEL', value: '7' })]), l);
}
{
  const m4 = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), single(21, 'P', 'IFCAREADENSITYMEASURE(12.)'), defines(23, [10], 20)]);
  add('property.data-type-schema', 'IFCAREADENSITYMEASURE exists in IFC4', 'pass', req('areadensity ifc4', [WALL], [property('Foo_Bar', 'P', { dataType: 'IFCAREADENSITYMEASURE', value: '12' })], 'IFC4'), m4);
  add('property.data-type-schema', 'IFCAREADENSITYMEASURE does not exist in IFC2X3', 'invalid', req('areadensity ifc2x3', [WALL], [property('Foo_Bar', 'P', { dataType: 'IFCAREADENSITYMEASURE' })], 'IFC2X3'), m4);
  add('property.data-type-schema', 'data types are written in upper case', 'invalid', req('datatype case', [WALL], [property('Foo_Bar', 'P', { dataType: 'IfcAreaDensityMeasure' })], 'IFC4'), m4);
  add('property.data-type-schema', 'an unknown data type', 'invalid', req('unknown datatype', [WALL], [property('Foo_Bar', 'P', { dataType: 'IFCFOOMEASURE' })], 'IFC4'), m4);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21, 22]), single(21, 'R', 'IFCREAL(2500.)'), single(22, 'B', 'IFCBOOLEAN(.T.)'), defines(23, [10], 20)]);
  const r = (value: string) => property('Foo_Bar', 'R', { dataType: 'IFCREAL', value });
  add('property.value-lexical', 'a decimal comma is no number', 'invalid', req('comma', [WALL], [r('2500,0')]), m);
  add('property.value-lexical', 'scientific notation is a number', 'pass', req('scientific', [WALL], [r('2.5e3')]), m);
  add('property.value-lexical', 'a thousands separator is no number', 'invalid', req('thousands', [WALL], [r('2.500,0')]), m);
  add('property.value-lexical', 'boolean 1 means true', 'pass', req('boolean one', [WALL], [property('Foo_Bar', 'B', { dataType: 'IFCBOOLEAN', value: '1' })]), m);
  add('property.value-lexical', 'boolean yes is invalid', 'invalid', req('boolean yes', [WALL], [property('Foo_Bar', 'B', { dataType: 'IFCBOOLEAN', value: 'yes' })]), m);
}

// ---------- property: occurrences, types, inheritance ----------
for (const schema of ['IFC2X3', 'IFC4', 'IFC4X3_ADD2'] as const satisfies readonly Schema[]) {
  const types = (second: string) =>
    ifc(schema, [
      wallType(10, 'WT1', [11]),
      pset(11, 'Pset_WallCommon', [12]),
      single(12, 'FireRating', "IFCLABEL('F90')"),
      wallType(20, 'WT2', [21]),
      pset(21, 'Pset_WallCommon', [22]),
      single(22, 'FireRating', `IFCLABEL('${second}')`),
    ]);
  const spec = (title: string) => req(title, [entity('IFCWALLTYPE')], [property('Pset_WallCommon', 'FireRating', { dataType: 'IFCLABEL', value: pattern('F[0-9]+') })], schema);
  add('property.on-type', `${schema}: Pset_WallCommon on wall types, every value fits the pattern`, 'pass', spec(`types ${schema} pass`), types('F30'));
  add('property.on-type', `${schema}: Pset_WallCommon on wall types, one type does not fit`, 'fail', spec(`types ${schema} fail`), types('REI 30'));
}
{
  const m = ifc('IFC4', [wallType(10, 'WT1', [11]), pset(11, 'Pset_WallCommon', [12]), single(12, 'FireRating', "IFCLABEL('F90')"), wall('IFC4', 20, 'W')]);
  add('property.on-type', 'applicability by a standard property set selects the type object', 'pass', ids({ title: 'type by pset', applicability: [property('Pset_WallCommon', 'FireRating')], requirements: [entity('IFCWALLTYPE')] }), m);
}
{
  const base = [wall('IFC4', 10, 'W1'), wallType(20, 'WT', [21]), pset(21, 'Pset_WallCommon', [22, 23]), single(22, 'FireRating', "IFCLABEL('F30')"), single(23, 'IsExternal', 'IFCBOOLEAN(.T.)'), typedBy(24, [10], 20)];
  const inherited = ifc('IFC4', base);
  add('property.inherited', 'an occurrence without own set has its type’s', 'pass', req('inherit', [WALL], [property('Pset_WallCommon', 'FireRating', { value: 'F30' })]), inherited);
  add('property.inherited', 'an inherited property is present for a prohibited requirement', 'fail', req('inherit prohibited', [WALL], [property('Pset_WallCommon', 'FireRating', { cardinality: 'prohibited' })]), inherited);
  const overridden = ifc('IFC4', [...base, pset(30, 'Pset_WallCommon', [31]), single(31, 'FireRating', "IFCLABEL('F90')"), defines(32, [10], 30)]);
  add('property.override', 'the occurrence value wins', 'pass', req('override wins', [WALL], [property('Pset_WallCommon', 'FireRating', { value: 'F90' })]), overridden);
  add('property.override', 'the type value is hidden by the occurrence value', 'fail', req('override hides', [WALL], [property('Pset_WallCommon', 'FireRating', { value: 'F30' })]), overridden);
  add('property.override', 'a type property the occurrence set lacks remains', 'pass', req('override merge', [WALL], [property('Pset_WallCommon', 'IsExternal', { dataType: 'IFCBOOLEAN', value: 'true' })]), overridden);
  add('property.override', 'the type object itself keeps its own value', 'pass', req('override type', [entity('IFCWALLTYPE')], [property('Pset_WallCommon', 'FireRating', { value: 'F30' })]), overridden);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Pset_WallCommon', [21]), single(21, 'FireRating', "IFCLABEL('F90')"), defines(23, [10], 20)]);
  add('property.names', 'property set names are case-sensitive', 'fail', req('pset case', [WALL], [property('pset_wallcommon', 'FireRating')]), m);
  add('property.names', 'property names are case-sensitive', 'fail', req('prop case', [WALL], [property('Pset_WallCommon', 'firerating')]), m);
  add('property.names', 'a pattern on the property set name', 'pass', req('pset pattern', [WALL], [property(pattern('Pset_.*Common'), 'FireRating')]), m);
  add('property.names', 'an enumeration of property names', 'pass', req('prop enum', [WALL], [property('Pset_WallCommon', enumeration('xs:string', 'AcousticRating', 'FireRating'))]), m);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), `#20=IFCELEMENTQUANTITY(${gid(20)},$,'Qto_WallBaseQuantities',$,$,(#21,#22));`, `#21=IFCQUANTITYLENGTH('Length',$,$,4500.,$);`, `#22=IFCQUANTITYCOUNT('Count',$,$,3.,$);`, defines(23, [10], 20)], MM);
  add('property.quantities', 'a length quantity in mm checked in m', 'pass', req('qto length', [WALL], [property('Qto_WallBaseQuantities', 'Length', { dataType: 'IFCLENGTHMEASURE', value: '4.5' })]), m);
  add('property.quantities', 'a length quantity outside bounds', 'fail', req('qto bounds', [WALL], [property('Qto_WallBaseQuantities', 'Length', { value: bounds('xs:double', { maxInclusive: '4' }) })]), m);
  add('property.quantities', 'a count quantity', 'pass', req('qto count', [WALL], [property('Qto_WallBaseQuantities', 'Count', { dataType: 'IFCCOUNTMEASURE', value: '3' })]), m);
}

// ---------- units and SI prefixes ----------
{
  const unitCase = (name: string, units: Units, dataType: string, stored: string, si: string, raw: string) => {
    const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), single(21, 'P', `${dataType}(${stored})`), defines(23, [10], 20)], units);
    add('property.units', `${name}: ${stored} is ${si} in SI units`, 'pass', req(`${name} si`, [WALL], [property('Foo_Bar', 'P', { dataType, value: si })]), m);
    add('property.units', `${name}: the raw ${raw} does not match`, 'fail', req(`${name} raw`, [WALL], [property('Foo_Bar', 'P', { dataType, value: raw })]), m);
  };
  unitCase('centimetre', { si: [['LENGTHUNIT', 'CENTI', 'METRE']] }, 'IFCLENGTHMEASURE', '250.', '2.5', '250');
  unitCase('kilometre', { si: [['LENGTHUNIT', 'KILO', 'METRE']] }, 'IFCLENGTHMEASURE', '1.5', '1500', '1.5');
  unitCase('square millimetre', { si: [['AREAUNIT', 'MILLI', 'SQUARE_METRE']] }, 'IFCAREAMEASURE', '2000000.', '2', '2000000');
  unitCase('cubic centimetre', { si: [['VOLUMEUNIT', 'CENTI', 'CUBIC_METRE']] }, 'IFCVOLUMEMEASURE', '3000000.', '3', '3000000');
  unitCase('gram', { si: [['MASSUNIT', '$', 'GRAM']] }, 'IFCMASSMEASURE', '2500.', '2.5', '2500');
  unitCase('kilopascal', { si: [['PRESSUREUNIT', 'KILO', 'PASCAL']] }, 'IFCPRESSUREMEASURE', '101.325', '101325', '101.325');
  unitCase('degree Celsius', { si: [['THERMODYNAMICTEMPERATUREUNIT', '$', 'DEGREE_CELSIUS']] }, 'IFCTHERMODYNAMICTEMPERATUREMEASURE', '20.', '293.15', '20');
  unitCase(
    'degree (conversion-based)',
    {
      other: [
        '#900=IFCDIMENSIONALEXPONENTS(0,0,0,0,0,0,0);',
        '#901=IFCSIUNIT(*,.PLANEANGLEUNIT.,$,.RADIAN.);',
        '#902=IFCMEASUREWITHUNIT(IFCPLANEANGLEMEASURE(0.017453292519943295),#901);',
        "#903=IFCCONVERSIONBASEDUNIT(#900,.PLANEANGLEUNIT.,'degree',#902);",
      ],
    },
    'IFCPLANEANGLEMEASURE',
    '90.',
    '1.5707963267948966',
    '90',
  );
  unitCase(
    'gram per second (derived)',
    {
      other: [
        '#900=IFCSIUNIT(*,.MASSUNIT.,$,.GRAM.);',
        '#901=IFCSIUNIT(*,.TIMEUNIT.,$,.SECOND.);',
        '#902=IFCDERIVEDUNITELEMENT(#900,1);',
        '#903=IFCDERIVEDUNITELEMENT(#901,-1);',
        '#904=IFCDERIVEDUNIT((#902,#903),.MASSFLOWRATEUNIT.,$);',
      ],
    },
    'IFCMASSFLOWRATEMEASURE',
    '2500.',
    '2.5',
    '2500',
  );
  unitCase(
    'foot (conversion-based)',
    {
      other: [
        '#900=IFCDIMENSIONALEXPONENTS(1,0,0,0,0,0,0);',
        '#901=IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);',
        '#902=IFCMEASUREWITHUNIT(IFCLENGTHMEASURE(0.3048),#901);',
        "#903=IFCCONVERSIONBASEDUNIT(#900,.LENGTHUNIT.,'foot',#902);",
      ],
    },
    'IFCLENGTHMEASURE',
    '10.',
    '3.048',
    '10',
  );
}
{
  // A property's or quantity's own unit replaces the project unit (millimetre here).
  const m = ifc(
    'IFC4',
    [
      wall('IFC4', 10, 'W1'),
      pset(20, 'Foo_Bar', [21, 22]),
      `#21=IFCPROPERTYSINGLEVALUE('P',$,IFCLENGTHMEASURE(25.),#30);`,
      `#22=IFCPROPERTYTABLEVALUE('T',$,(IFCLABEL('a')),(IFCLENGTHMEASURE(2.)),$,$,#31,$);`,
      defines(23, [10], 20),
      `#24=IFCELEMENTQUANTITY(${gid(24)},$,'Qto_WallBaseQuantities',$,$,(#25));`,
      `#25=IFCQUANTITYLENGTH('Length',$,#31,4.5,$);`,
      defines(26, [10], 24),
      '#30=IFCSIUNIT(*,.LENGTHUNIT.,.CENTI.,.METRE.);',
      '#31=IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);',
    ],
    MM,
  );
  const len = (pset_: string, name: string, value: string) => property(pset_, name, { dataType: 'IFCLENGTHMEASURE', value });
  add('property.units', 'a property in its own unit (25 cm) is 0.25 m', 'pass', req('own unit', [WALL], [len('Foo_Bar', 'P', '0.25')]), m);
  add('property.units', 'not 25 mm as the project unit would say', 'fail', req('own unit not project', [WALL], [len('Foo_Bar', 'P', '0.025')]), m);
  add('property.units', 'a table’s DefinedUnit (metre) replaces the project unit', 'pass', req('table defined unit', [WALL], [len('Foo_Bar', 'T', '2')]), m);
  add('property.units', 'a quantity in its own unit (metre)', 'pass', req('quantity own unit', [WALL], [len('Qto_WallBaseQuantities', 'Length', '4.5')]), m);
  add('property.units', 'a quantity in its own unit is not read in mm', 'fail', req('quantity own unit not mm', [WALL], [len('Qto_WallBaseQuantities', 'Length', '0.0045')]), m);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), single(21, 'P', 'IFCLENGTHMEASURE(1000.0005)'), defines(23, [10], 20)], MM);
  add('tolerance.converted', '1000.0005 mm equals 1 m within the tolerance', 'pass', req('tol converted', [WALL], [property('Foo_Bar', 'P', { dataType: 'IFCLENGTHMEASURE', value: '1' })]), m);
  const far = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), single(21, 'P', 'IFCLENGTHMEASURE(1000.01)'), defines(23, [10], 20)], MM);
  add('tolerance.converted', '1000.01 mm is outside the tolerance of 1 m', 'fail', req('tol converted far', [WALL], [property('Foo_Bar', 'P', { dataType: 'IFCLENGTHMEASURE', value: '1' })]), far);
}
{
  const m = (v: string) => ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), single(21, 'P', `IFCREAL(${v})`), defines(23, [10], 20)]);
  const spec = (t: string) => req(t, [WALL], [property('Foo_Bar', 'P', { dataType: 'IFCREAL', value: enumeration('xs:double', '25', '30') })]);
  add('tolerance.enumeration', 'an enumerated number matches within the tolerance', 'pass', spec('tol enum'), m('30.00002'));
  add('tolerance.enumeration', 'an enumerated number outside the tolerance', 'fail', spec('tol enum far'), m('30.001'));
  add('restriction.enumeration', 'numbers may be enumerated', 'pass', spec('enum numbers'), m('25.'));
}

// ---------- restrictions ----------
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'DT01')]);
  add('restriction.pattern-whole', 'letters and digits alone must match the whole value', 'fail', req('pattern exact', [WALL], [attribute('Name', pattern('DT0'))]), m);
  add('restriction.pattern-whole', 'the same as an exact pattern passes', 'pass', req('pattern exact ok', [WALL], [attribute('Name', pattern('DT01'))]), m);
  add('restriction.pattern-whole', 'a quantified character class', 'pass', req('pattern class', [WALL], [attribute('Name', pattern('DT[0-9]{2}'))]), m);
  add('restriction.enumeration', 'an enumeration is matched case-sensitively', 'fail', req('enum case', [WALL], [attribute('Name', enumeration('xs:string', 'dt01', 'DT02'))]), m);
}
{
  // 'Öl' is two characters, three bytes in UTF-8
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), single(21, 'P', "IFCLABEL('\\X2\\00D6\\X0\\l')"), defines(23, [10], 20)]);
  add('restriction.length-characters', 'two characters meet length 2', 'pass', req('len chars', [WALL], [property('Foo_Bar', 'P', { value: length({ length: 2 }) })]), m);
  add('restriction.length-characters', 'two characters do not meet minLength 3', 'fail', req('len bytes', [WALL], [property('Foo_Bar', 'P', { value: length({ minLength: 3 }) })]), m);
}

// ---------- classification ----------
{
  const m = ifc('IFC4', [
    wall('IFC4', 10, 'W1'),
    wallType(20, 'WT', []),
    typedBy(21, [10], 20),
    `#30=IFCCLASSIFICATION($,$,$,'DIN 276',$,$,$);`,
    `#31=IFCCLASSIFICATIONREFERENCE($,'331',$,#30,$,$);`,
    `#32=IFCRELASSOCIATESCLASSIFICATION(${gid(32)},$,$,$,(#20),#31);`,
  ]);
  add('classification.type', 'an occurrence has its type’s classification', 'pass', req('class type', [WALL], [classification({ system: 'DIN 276', value: '331' })]), m);
  add('classification.restrictions', 'an enumeration of values', 'pass', req('class enum', [WALL], [classification({ system: 'DIN 276', value: enumeration('xs:string', '331', '332') })]), m);
  add('classification.restrictions', 'a length restriction on the value', 'fail', req('class length', [WALL], [classification({ system: pattern('DIN.*'), value: length({ length: 4 }) })]), m);
}

// ---------- material ----------
{
  const m = ifc('IFC4', [
    wall('IFC4', 10, 'W1'),
    wallType(20, 'WT', []),
    typedBy(21, [10], 20),
    `#30=IFCMATERIAL('Beton C25/30',$,'concrete');`,
    `#31=IFCRELASSOCIATESMATERIAL(${gid(31)},$,$,$,(#20),#30);`,
  ]);
  add('material.type', 'an occurrence without own material has its type’s', 'pass', req('mat type', [WALL], [material('Beton C25/30')]), m);
  add('material.any', 'a pattern on the material name', 'pass', req('mat pattern', [WALL], [material(pattern('Beton C[0-9]+/[0-9]+'))]), m);
  add('material.any', 'material names are case-sensitive', 'fail', req('mat case', [WALL], [material('beton c25/30')]), m);
  add('material.any', 'the category matches too', 'pass', req('mat category', [WALL], [material('concrete')]), m);
}

// ---------- partOf: voids and fills ----------
{
  const m = ifc('IFC4', [
    wall('IFC4', 10, 'W1'),
    `#11=IFCOPENINGELEMENT(${gid(11)},$,'O1',$,$,$,$,$,.OPENING.);`,
    `#12=IFCRELVOIDSELEMENT(${gid(12)},$,$,$,#10,#11);`,
    `#13=IFCDOOR(${gid(13)},$,'D1',$,$,$,$,$,2.1,1.,.DOOR.,$,$);`,
    `#14=IFCRELFILLSELEMENT(${gid(14)},$,$,$,#11,#13);`,
  ]);
  const VF = 'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT';
  add('partOf.relations', 'an opening is part of the wall it voids', 'pass', req('voids', [entity('IFCOPENINGELEMENT')], [partOf('IFCWALL', { relation: VF })]), m);
  add('partOf.relations', 'a door is part of the opening it fills', 'pass', req('fills', [entity('IFCDOOR')], [partOf('IFCOPENINGELEMENT', { relation: VF })]), m);
  add('partOf.relations', 'and, recursively, of the voided wall', 'pass', req('fills voids', [entity('IFCDOOR')], [partOf('IFCWALL', { relation: VF })]), m);
  add('partOf.relations', 'voids and fills are no aggregation', 'fail', req('fills not aggregates', [entity('IFCDOOR')], [partOf('IFCWALL', { relation: 'IFCRELAGGREGATES' })]), m);
  add('partOf.relations', 'without a relation every relation counts', 'pass', req('any relation', [entity('IFCDOOR')], [partOf('IFCWALL')]), m);
  add('partOf.entity', 'the whole must be the named class', 'fail', req('whole class', [entity('IFCDOOR')], [partOf('IFCSLAB', { relation: VF })]), m);
}

// ---------- classification and material of type objects ----------
{
  const m = ifc('IFC4', [
    wallType(20, 'WT', []),
    `#30=IFCCLASSIFICATION($,$,$,'DIN 276',$,$,$);`,
    `#31=IFCCLASSIFICATIONREFERENCE($,'331',$,#30,$,$);`,
    `#32=IFCRELASSOCIATESCLASSIFICATION(${gid(32)},$,$,$,(#20),#31);`,
    `#33=IFCMATERIAL('Kalksandstein',$,'block');`,
    `#34=IFCRELASSOCIATESMATERIAL(${gid(34)},$,$,$,(#20),#33);`,
  ]);
  const WT = entity('IFCWALLTYPE');
  add('classification.type', 'a type object has its own classification', 'pass', req('type class', [WT], [classification({ system: 'DIN 276', value: '331' })]), m);
  add('classification.restrictions', 'an enumeration of systems', 'pass', req('class systems', [WT], [classification({ system: enumeration('xs:string', 'OmniClass', 'DIN 276') })]), m);
  add('classification.restrictions', 'system names match exactly', 'fail', req('class system exact', [WT], [classification({ system: 'DIN' })]), m);
  add('classification.restrictions', 'system names are case-sensitive', 'fail', req('class system case', [WT], [classification({ system: 'din 276' })]), m);
  add('material.type', 'a type object has its own material', 'pass', req('type material', [WT], [material('block')]), m);
}

// ---------- cardinality of requirement facets: required / optional / prohibited ----------
{
  // W1 matches, W2 has a different value, W3 has nothing: one specification per wall (by Name).
  const m = ifc('IFC4', [
    `#10=IFCWALL(${gid(10)},$,'W1','Innenwand',$,$,$,$,$);`,
    `#11=IFCWALL(${gid(11)},$,'W2','Aussenwand',$,$,$,$,$);`,
    `#12=IFCWALL(${gid(12)},$,'W3',$,$,$,$,$,$);`,
    `#13=IFCBUILDINGSTOREY(${gid(13)},$,'EG',$,$,$,$,$,.ELEMENT.,0.);`,
    `#14=IFCBUILDING(${gid(14)},$,'Haus',$,$,$,$,$,.ELEMENT.,$,$,$);`,
    `#15=IFCRELCONTAINEDINSPATIALSTRUCTURE(${gid(15)},$,$,$,(#10),#13);`,
    `#16=IFCRELCONTAINEDINSPATIALSTRUCTURE(${gid(16)},$,$,$,(#11),#14);`,
    pset(20, 'Foo_Bar', [21]),
    single(21, 'P', "IFCLABEL('Innen')"),
    defines(22, [10], 20),
    pset(23, 'Foo_Bar', [24]),
    single(24, 'P', "IFCLABEL('Aussen')"),
    defines(25, [11], 23),
    `#30=IFCCLASSIFICATION($,$,$,'DIN 276',$,$,$);`,
    `#31=IFCCLASSIFICATIONREFERENCE($,'331',$,#30,$,$);`,
    `#32=IFCCLASSIFICATIONREFERENCE($,'341',$,#30,$,$);`,
    `#33=IFCRELASSOCIATESCLASSIFICATION(${gid(33)},$,$,$,(#10),#31);`,
    `#34=IFCRELASSOCIATESCLASSIFICATION(${gid(34)},$,$,$,(#11),#32);`,
    `#40=IFCMATERIAL('Beton',$,$);`,
    `#41=IFCMATERIAL('Ziegel',$,$);`,
    `#42=IFCRELASSOCIATESMATERIAL(${gid(42)},$,$,$,(#10),#40);`,
    `#43=IFCRELASSOCIATESMATERIAL(${gid(43)},$,$,$,(#11),#41);`,
  ]);
  type Card = 'required' | 'optional' | 'prohibited';
  const facets: readonly { facet: string; make: (c: Card) => Facet; cards: readonly Card[] }[] = [
    { facet: 'attribute', make: (c) => attribute('Description', 'Innenwand', c), cards: ['required', 'optional', 'prohibited'] },
    { facet: 'property', make: (c) => property('Foo_Bar', 'P', { value: 'Innen', cardinality: c }), cards: ['required', 'optional', 'prohibited'] },
    { facet: 'classification', make: (c) => classification({ system: 'DIN 276', value: '331', cardinality: c }), cards: ['required', 'optional', 'prohibited'] },
    { facet: 'material', make: (c) => material('Beton', c), cards: ['required', 'optional', 'prohibited'] },
    { facet: 'partOf', make: (c) => partOf('IFCBUILDINGSTOREY', { relation: 'IFCRELCONTAINEDINSPATIALSTRUCTURE', cardinality: c }), cards: ['required', 'prohibited'] },
  ];
  const expected: Record<Card, Record<'matching' | 'different' | 'absent', Expected>> = {
    required: { matching: 'pass', different: 'fail', absent: 'fail' },
    optional: { matching: 'pass', different: 'fail', absent: 'pass' },
    prohibited: { matching: 'fail', different: 'pass', absent: 'pass' },
  };
  for (const f of facets) {
    for (const c of f.cards) {
      for (const [state, name] of [['matching', 'W1'], ['different', 'W2'], ['absent', 'W3']] as const) {
        add(
          'cardinality.facets',
          `${c} ${f.facet} facet, ${state} value`,
          expected[c][state],
          req(`${c} ${f.facet} ${state}`, [WALL, attribute('Name', name)], [f.make(c)]),
          m,
        );
      }
    }
  }
  add('cardinality.facets', 'partOf has no optional cardinality', 'invalid', req('partOf optional', [WALL], [partOf('IFCBUILDINGSTOREY', { cardinality: 'optional' })]), m);
  const spec = (title: string, usage: 'required' | 'optional' | 'prohibited', name: string) =>
    ids({ title, usage, applicability: [WALL, attribute('Name', name)], ...(usage === 'prohibited' ? {} : { requirements: [attribute('Description')] }) });
  add('cardinality.specification', 'a required specification without an applicable entity fails', 'fail', spec('required none', 'required', 'W9'), m);
  add('cardinality.specification', 'an optional specification without an applicable entity passes', 'pass', spec('optional none', 'optional', 'W9'), m);
  add('cardinality.specification', 'an optional specification still checks what applies', 'fail', spec('optional checks', 'optional', 'W3'), m);
  add('cardinality.specification', 'a prohibited specification fails when an entity applies', 'fail', spec('prohibited found', 'prohibited', 'W1'), m);
  add('cardinality.specification', 'a prohibited specification passes when none applies', 'pass', spec('prohibited none', 'prohibited', 'W9'), m);
  add('cardinality.specification', 'a required specification passes when every applicable entity meets the requirements', 'pass', spec('required met', 'required', 'W1'), m);
  add('cardinality.specification', 'a required specification fails when an applicable entity misses a requirement', 'fail', spec('required missed', 'required', 'W3'), m);
  add('cardinality.specification', 'an optional specification passes when every applicable entity meets the requirements', 'pass', spec('optional met', 'optional', 'W1'), m);
  add('cardinality.specification', 'a prohibited specification fails for an applicable entity whatever it holds', 'fail', spec('prohibited any', 'prohibited', 'W3'), m);
  add(
    'cardinality.specification',
    'a prohibited specification with requirements is invalid',
    'invalid',
    ids({ title: 'prohibited with requirements', usage: 'prohibited', applicability: [WALL, attribute('Name', 'W9')], requirements: [attribute('Description')] }),
    m,
  );

  // minOccurs / maxOccurs as ids.xsd types them (xs:occurs): optional, default 1, XSD lexical forms.
  type Occurs = { minOccurs?: string; maxOccurs?: string };
  const occurs = (title: string, o: Occurs, name: string, requirements = true) =>
    ids({ title, occurs: o, applicability: [WALL, attribute('Name', name)], ...(requirements ? { requirements: [attribute('Description')] } : {}) });
  const values: readonly [string, Expected, Occurs, string, boolean?][] = [
    ['without minOccurs maxOccurs unbounded is required and passes when met', 'pass', { maxOccurs: 'unbounded' }, 'W1'],
    ['without minOccurs maxOccurs unbounded is required and fails without an applicable entity', 'fail', { maxOccurs: 'unbounded' }, 'W9'],
    ['minOccurs plus zero and unbounded with surrounding spaces are optional', 'pass', { minOccurs: ' +0 ', maxOccurs: ' unbounded ' }, 'W9'],
    ['minOccurs minus zero is zero and optional', 'pass', { minOccurs: '-0', maxOccurs: 'unbounded' }, 'W9'],
    ['minOccurs 01 is one and required', 'fail', { minOccurs: '01', maxOccurs: 'unbounded' }, 'W9'],
    ['maxOccurs 00 is zero and prohibited', 'fail', { minOccurs: '0', maxOccurs: '00' }, 'W1', false],
    ['a negative minOccurs', 'invalid', { minOccurs: '-1', maxOccurs: 'unbounded' }, 'W1'],
    ['a decimal minOccurs', 'invalid', { minOccurs: '1.0', maxOccurs: 'unbounded' }, 'W1'],
    ['an empty minOccurs', 'invalid', { minOccurs: '', maxOccurs: 'unbounded' }, 'W1'],
    ['a word as maxOccurs', 'invalid', { minOccurs: '0', maxOccurs: 'many' }, 'W1'],
    ['unbounded in another case', 'invalid', { minOccurs: '1', maxOccurs: 'Unbounded' }, 'W1'],
    ['a negative maxOccurs', 'invalid', { minOccurs: '0', maxOccurs: '-1' }, 'W1'],
    ['a decimal maxOccurs', 'invalid', { minOccurs: '0', maxOccurs: '0.0' }, 'W1', false],
  ];
  for (const [name, expected, o, wallName, requirements] of values) add('cardinality.occurs-values', name, expected, occurs(name, o, wallName, requirements ?? true), m);

  // Only the three combinations of the implementation agreement; any number of applicable entities.
  const all = (title: string, o: Occurs, applicability: Facet, requirement?: Facet) =>
    ids({ title, occurs: o, applicability: [applicability], ...(requirement ? { requirements: [requirement] } : {}) });
  const combinations: readonly [string, Expected, Occurs, Facet, Facet?][] = [
    ['required 1 unbounded accepts any number of applicable entities', 'pass', { minOccurs: '1', maxOccurs: 'unbounded' }, WALL, attribute('Name')],
    ['optional 0 unbounded accepts any number of applicable entities', 'pass', { minOccurs: '0', maxOccurs: 'unbounded' }, WALL, attribute('Name')],
    ['optional 0 unbounded checks every applicable entity', 'fail', { minOccurs: '0', maxOccurs: 'unbounded' }, WALL, attribute('Description')],
    ['prohibited 0 0 passes without an applicable entity', 'pass', { minOccurs: '0', maxOccurs: '0' }, entity('IFCSLAB')],
    ['prohibited 0 0 fails with several applicable entities', 'fail', { minOccurs: '0', maxOccurs: '0' }, WALL],
    ['no minOccurs and no maxOccurs are the defaults 1 1', 'invalid', {}, WALL, attribute('Name')],
    ['minOccurs 0 alone is 0 1', 'invalid', { minOccurs: '0' }, WALL, attribute('Name')],
    ['maxOccurs 0 alone puts the default minOccurs 1 above it', 'invalid', { maxOccurs: '0' }, WALL],
    ['exactly one 1 1', 'invalid', { minOccurs: '1', maxOccurs: '1' }, WALL, attribute('Name')],
    ['at most five 0 5', 'invalid', { minOccurs: '0', maxOccurs: '5' }, WALL, attribute('Name')],
    ['at least two 2 unbounded', 'invalid', { minOccurs: '2', maxOccurs: 'unbounded' }, WALL, attribute('Name')],
    ['minOccurs above maxOccurs 3 2', 'invalid', { minOccurs: '3', maxOccurs: '2' }, WALL, attribute('Name')],
  ];
  for (const [name, expected, o, app, requirement] of combinations) add('cardinality.occurs-combinations', name, expected, all(name, o, app, requirement), m);
}

// ---------- values: empty, casting, exact text ----------
{
  const m = ifc('IFC4', [
    wall('IFC4', 10, 'W1'),
    pset(20, 'Foo_Bar', [21, 22, 23, 24, 25, 26, 27, 28]),
    `#21=IFCPROPERTYLISTVALUE('EmptyList',$,(),$);`,
    `#22=IFCPROPERTYTABLEVALUE('EmptyTable',$,$,$,$,$,$,$);`,
    single(23, 'Zero', 'IFCREAL(0.)'),
    single(24, 'Date', "IFCDATE('2024-01-05')"),
    single(25, 'Duration', "IFCDURATION('P1D')"),
    single(26, 'Whole', 'IFCREAL(3.)'),
    single(27, 'Strasse', "IFCLABEL('Stra\\X2\\00DF\\X0\\e')"),
    single(28, 'Nothing', '$'),
    defines(29, [10], 20),
  ]);
  const p = (name: string, o: { dataType?: string; value?: V } = {}) => property('Foo_Bar', name, o);
  add('value.empty', 'an empty list is no value', 'fail', req('empty list', [WALL], [p('EmptyList')]), m);
  add('value.empty', 'a table without values is no value', 'fail', req('empty table', [WALL], [p('EmptyTable')]), m);
  add('value.empty', 'a single value of $ is no value', 'fail', req('single null', [WALL], [p('Nothing')]), m);
  add('value.empty', 'zero is a value', 'pass', req('zero', [WALL], [p('Zero', { dataType: 'IFCREAL' })]), m);
  add('value.casting', 'a real 3.0 equals the number 3', 'pass', req('real three', [WALL], [p('Whole', { dataType: 'IFCREAL', value: '3' })]), m);
  add('value.casting', 'a date compares as text', 'pass', req('date text', [WALL], [p('Date', { dataType: 'IFCDATE', value: '2024-01-05' })]), m);
  add('value.casting', 'a date in another form is different text', 'fail', req('date other form', [WALL], [p('Date', { dataType: 'IFCDATE', value: '2024-1-5' })]), m);
  add('value.casting', 'a duration compares as text (P1D is not PT24H)', 'fail', req('duration text', [WALL], [p('Duration', { dataType: 'IFCDURATION', value: 'PT24H' })]), m);
  add('value.text-exact', 'a sharp s (ß) stays a sharp s', 'pass', req('eszett', [WALL], [p('Strasse', { value: 'Stra\u00dfe' })]), m);
  add('value.text-exact', 'a sharp s (ß) is not ss', 'fail', req('eszett ss', [WALL], [p('Strasse', { value: 'Strasse' })]), m);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), pset(20, 'Foo_Bar', [21]), single(21, 'P', 'IFCREAL(10.)'), defines(22, [10], 20)]);
  const r = (v: V) => property('Foo_Bar', 'P', { dataType: 'IFCREAL', value: v });
  add('restriction.bounds', 'a value on an inclusive bound passes', 'pass', req('incl bound', [WALL], [r(bounds('xs:double', { minInclusive: '10' }))]), m);
  add('restriction.bounds', 'a value on an exclusive bound fails', 'fail', req('excl bound', [WALL], [r(bounds('xs:double', { maxExclusive: '10' }))]), m);
  add('restriction.bounds', 'an empty range is invalid', 'invalid', req('empty range', [WALL], [r(bounds('xs:double', { minInclusive: '5', maxInclusive: '4' }))]), m);
  add('restriction.pattern-strings', 'a pattern on a real property is invalid', 'invalid', req('pattern real', [WALL], [r(pattern('1.*'))]), m);
  add('restriction.pattern-strings', 'a pattern on a length attribute is invalid', 'invalid', req('pattern attr', [entity('IFCBUILDINGSTOREY')], [attribute('Elevation', pattern('1.*'))]), m);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), `#11=IFCWALL(${gid(11)},$,'W2','d',$,$,$,$,$);`]);
  add('specification.all-requirements', 'one entity failing one of two requirements fails the specification', 'fail', req('two reqs', [WALL], [attribute('Name'), attribute('Description')]), m);
  add('specification.all-requirements', 'every entity meeting every requirement passes', 'pass', req('two reqs ok', [WALL], [attribute('Name'), attribute('GlobalId')]), m);
}
{
  const m = ifc(
    'IFC4',
    [
      `#10=IFCDOOR(${gid(10)},$,'D1',$,$,$,$,$,2100.,1000.,.DOOR.,$,$);`,
      `#11=IFCDOORLININGPROPERTIES(${gid(11)},$,'Zarge',$,200.,50.,$,$,$,$,$,$,$,$,$,$,$);`,
      defines(12, [10], 11),
    ],
    MM,
  );
  add('property.predefined-sets', 'a lining depth of 200 mm is 0.2 m', 'pass', req('lining depth', [entity('IFCDOOR')], [property('Zarge', 'LiningDepth', { dataType: 'IFCPOSITIVELENGTHMEASURE', value: '0.2' })]), m);
  add('property.predefined-sets', 'the set is named by its Name, not its class', 'fail', req('lining class name', [entity('IFCDOOR')], [property('IfcDoorLiningProperties', 'LiningDepth')]), m);
}
{
  const m = ifc('IFC4', [wall('IFC4', 10, 'W1'), `#11=IFCSURFACESTYLERENDERING(#12,0.,$,$,$,$,$,$,.NOTDEFINED.);`, '#12=IFCCOLOURRGB($,1.,0.,0.);']);
  add('attribute.explicit', 'a value check on an object attribute is invalid', 'invalid', req('object value', [WALL], [attribute('ObjectPlacement', 'x')]), m);
  add('attribute.explicit', 'an attribute holding an object exists', 'pass', req('object exists', [entity('IFCSURFACESTYLERENDERING')], [attribute('SurfaceColour')]), m);
}

export const ownCases: readonly OwnCase[] = cases;

/** File stem of a case: `<expected>-<name as snake case>`. */
export function caseStem(c: OwnCase): string {
  const slug = c.name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return `${c.expected}-${slug}`;
}

/** The folder of a case: the facet of its rule. */
export function caseFolder(c: OwnCase): string {
  return (rules.find((r) => r.id === c.rule) as Rule).facet.toLowerCase();
}
