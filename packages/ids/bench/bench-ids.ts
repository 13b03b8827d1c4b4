const v = (s: string) => `<simpleValue>${s}</simpleValue>`;
const entity = (name: string, pt?: string) => `<entity><name>${v(name)}</name>${pt ? `<predefinedType>${v(pt)}</predefinedType>` : ''}</entity>`;
const pattern = (p: string) => `<xs:restriction base="xs:string"><xs:pattern value="${p}"/></xs:restriction>`;
const walls = `<entity><name><xs:restriction base="xs:string"><xs:enumeration value="IFCWALL"/><xs:enumeration value="IFCWALLSTANDARDCASE"/></xs:restriction></name></entity>`;
const spec = (name: string, app: string, req: string, occurs = 'maxOccurs="unbounded"') =>
  `<specification name="${name}" ifcVersion="IFC4 IFC4X3_ADD2"><applicability ${occurs}>${app}</applicability>${req ? `<requirements>${req}</requirements>` : ''}</specification>`;

/** An IDS with thirteen specifications of the kind a public client asks for. */
export const BENCH_IDS = `<?xml version="1.0" encoding="utf-8"?>
<ids xmlns="http://standards.buildingsmart.org/IDS" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<info><title>Benchmark: Gebäudedaten Schule</title><version>1.0</version></info>
<specifications>
${spec('Wände: Feuerwiderstand', walls, `<property dataType="IFCLABEL"><propertySet>${v('Pset_WallCommon')}</propertySet><baseName>${v('FireRating')}</baseName><value>${pattern('F[0-9]{2,3}')}</value></property>`)}
${spec('Wände: Außenwand-Angabe', walls, `<property dataType="IFCBOOLEAN"><propertySet>${v('Pset_WallCommon')}</propertySet><baseName>${v('IsExternal')}</baseName></property>`)}
${spec('Tragende Außenwände: Schallschutz', `${walls}<property><propertySet>${v('Pset_WallCommon')}</propertySet><baseName>${v('IsExternal')}</baseName><value>${v('true')}</value></property>`, `<property><propertySet>${v('Pset_WallCommon')}</propertySet><baseName>${v('AcousticRating')}</baseName></property>`)}
${spec('Wände: Länge', walls, `<property dataType="IFCLENGTHMEASURE"><propertySet>${v('Qto_WallBaseQuantities')}</propertySet><baseName>${v('Length')}</baseName><value><xs:restriction base="xs:double"><xs:minInclusive value="0.5"/><xs:maxInclusive value="20"/></xs:restriction></value></property>`)}
${spec('Decken: Nettofläche', entity('IFCSLAB', 'FLOOR'), `<property dataType="IFCAREAMEASURE"><propertySet>${v('Qto_SlabBaseQuantities')}</propertySet><baseName>${v('NetArea')}</baseName><value><xs:restriction base="xs:double"><xs:minExclusive value="0"/></xs:restriction></value></property>`)}
${spec('Türen: Bezeichnung', entity('IFCDOOR'), `<attribute><name>${v('Name')}</name><value>${pattern('T[0-9]{3}')}</value></attribute><entity><name>${v('IFCDOOR')}</name><predefinedType>${v('DOOR')}</predefinedType></entity>`)}
${spec('Räume: Langname', entity('IFCSPACE'), `<attribute><name>${v('LongName')}</name></attribute>`)}
${spec('Bauteile im Geschoss', `<entity><name><xs:restriction base="xs:string"><xs:enumeration value="IFCWALL"/><xs:enumeration value="IFCWALLSTANDARDCASE"/><xs:enumeration value="IFCSLAB"/><xs:enumeration value="IFCDOOR"/><xs:enumeration value="IFCWINDOW"/></xs:restriction></name></entity>`, `<partOf relation="IFCRELCONTAINEDINSPATIALSTRUCTURE"><entity><name>${v('IFCBUILDINGSTOREY')}</name></entity></partOf>`)}
${spec('Wände: Kostengruppe DIN 276', walls, `<classification><value>${pattern('3[0-9]{2}')}</value><system>${v('DIN 276')}</system></classification>`)}
${spec('Wände: Material', walls, `<material><value><xs:restriction base="xs:string"><xs:enumeration value="concrete"/><xs:enumeration value="brick"/></xs:restriction></value></material>`)}
${spec('Geschosse vorhanden', entity('IFCBUILDINGSTOREY'), `<attribute><name>${v('Name')}</name></attribute><partOf><entity><name>${v('IFCBUILDING')}</name></entity></partOf>`)}
${spec('Tragende Bauteile benannt', `<property><propertySet>${v('Pset_WallCommon')}</propertySet><baseName>${v('LoadBearing')}</baseName></property>`, `<attribute><name>${v('Name')}</name></attribute>`)}
${spec('Keine Platzhalter-Bauteile', entity('IFCBUILDINGELEMENTPROXY'), '', 'minOccurs="0" maxOccurs="0"')}
</specifications>
</ids>`;
