/**
 * The app's own demo IDS (written by this project): what a school model handed over to a public
 * client must contain for the building-data pilot. The demo school fails one requirement on
 * purpose (the "Lehrmittelraum" has no net floor area), so the report shows a failure.
 */
export const schoolIdsName = 'Gebäudedaten 2027 – Flächen und Klassifikation (Demo)';

export function schoolIds(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ids xmlns="http://standards.buildingsmart.org/IDS" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://standards.buildingsmart.org/IDS http://standards.buildingsmart.org/IDS/1.0/ids.xsd">
  <info>
    <title>${schoolIdsName}</title>
    <version>0.9.0</version>
    <description>Demodatei der Referenzanwendung: Raumflächen nach DIN 277 und Raumbezeichnungen.</description>
  </info>
  <specifications>
    <specification name="Räume haben eine Netto-Raumfläche" ifcVersion="IFC4">
      <applicability minOccurs="1" maxOccurs="unbounded">
        <entity><name><simpleValue>IFCSPACE</simpleValue></name></entity>
      </applicability>
      <requirements>
        <property dataType="IFCAREAMEASURE" cardinality="required">
          <propertySet><simpleValue>Qto_SpaceBaseQuantities</simpleValue></propertySet>
          <baseName><simpleValue>NetFloorArea</simpleValue></baseName>
        </property>
      </requirements>
    </specification>
    <specification name="Räume sind nach DIN 277 klassifiziert" ifcVersion="IFC4">
      <applicability minOccurs="1" maxOccurs="unbounded">
        <entity><name><simpleValue>IFCSPACE</simpleValue></name></entity>
      </applicability>
      <requirements>
        <classification cardinality="required">
          <value><xs:restriction base="xs:string"><xs:pattern value="NUF [1-7]|TF|VF"/></xs:restriction></value>
          <system><simpleValue>DIN 277</simpleValue></system>
        </classification>
      </requirements>
    </specification>
    <specification name="Räume haben eine Raumnummer" ifcVersion="IFC4">
      <applicability minOccurs="1" maxOccurs="unbounded">
        <entity><name><simpleValue>IFCSPACE</simpleValue></name></entity>
      </applicability>
      <requirements>
        <property dataType="IFCIDENTIFIER" cardinality="required">
          <propertySet><simpleValue>Pset_SpaceCommon</simpleValue></propertySet>
          <baseName><simpleValue>Reference</simpleValue></baseName>
        </property>
      </requirements>
    </specification>
    <specification name="Geschosse haben Namen" ifcVersion="IFC4">
      <applicability minOccurs="1" maxOccurs="unbounded">
        <entity><name><simpleValue>IFCBUILDINGSTOREY</simpleValue></name></entity>
      </applicability>
      <requirements>
        <attribute cardinality="required"><name><simpleValue>Name</simpleValue></name></attribute>
      </requirements>
    </specification>
  </specifications>
</ids>
`;
}
