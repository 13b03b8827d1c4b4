import { parseIfc } from '@foederal/ifc';

/** A small hand-written IFC4 model for the checker tests (not part of the package build output). */
export const SAMPLE_IFC = `ISO-10303-21;
HEADER;
FILE_DESCRIPTION(('ViewDefinition [CoordinationView]'),'2;1');
FILE_NAME('sample.ifc','2026-11-28T12:00:00',(),(),'foederal','foederal','');
FILE_SCHEMA(('IFC4'));
ENDSEC;
DATA;
#1=IFCPROJECT('0YvctVUKr0kugbFTf53O9L',$,'Schule',$,$,$,$,$,#2);
#2=IFCUNITASSIGNMENT((#3,#4));
#3=IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.);
#4=IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.);
#5=IFCBUILDING('1YvctVUKr0kugbFTf53O9L',$,'Haus A',$,$,$,$,$,$,$,$,$);
#6=IFCBUILDINGSTOREY('2YvctVUKr0kugbFTf53O9L',$,'EG',$,$,$,$,$,.ELEMENT.,0.);
#7=IFCRELAGGREGATES('3YvctVUKr0kugbFTf53O9L',$,$,$,#1,(#5));
#8=IFCRELAGGREGATES('4YvctVUKr0kugbFTf53O9L',$,$,$,#5,(#6));
#10=IFCWALL('0aaaaaaaaaaaaaaaaaaaaa',$,'Wand <1>',$,$,$,$,$,.PARTITIONING.);
#11=IFCWALL('0bbbbbbbbbbbbbbbbbbbbb',$,'Wand 2',$,$,$,$,$,.USERDEFINED.);
#12=IFCWALL('0ccccccccccccccccccccc',$,$,$,'Brandwand',$,$,$,.USERDEFINED.);
#13=IFCSLAB('0ddddddddddddddddddddd',$,'Decke',$,$,$,$,$,.FLOOR.);
#14=IFCRELCONTAINEDINSPATIALSTRUCTURE('5YvctVUKr0kugbFTf53O9L',$,$,$,(#10,#11,#12,#13),#6);
#20=IFCPROPERTYSET('6YvctVUKr0kugbFTf53O9L',$,'Pset_WallCommon',$,(#21,#22));
#21=IFCPROPERTYSINGLEVALUE('FireRating',$,IFCLABEL('F90'),$);
#22=IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(.T.),$);
#23=IFCRELDEFINESBYPROPERTIES('7YvctVUKr0kugbFTf53O9L',$,$,$,(#10),#20);
#24=IFCELEMENTQUANTITY('8YvctVUKr0kugbFTf53O9L',$,'Qto_WallBaseQuantities',$,$,(#25));
#25=IFCQUANTITYLENGTH('Length',$,$,2500.,$);
#26=IFCRELDEFINESBYPROPERTIES('9YvctVUKr0kugbFTf53O9L',$,$,$,(#10,#11),#24);
#27=IFCPROPERTYSET('EYvctVUKr0kugbFTf53O9L',$,'Foerderal_Pruefung',$,(#28));
#28=IFCPROPERTYSINGLEVALUE('Geprueft',$,IFCBOOLEAN(.T.),$);
#29=IFCRELDEFINESBYPROPERTIES('FYvctVUKr0kugbFTf53O9L',$,$,$,(#13),IFCPROPERTYSETDEFINITIONSET((#27)));
#30=IFCWALLTYPE('0eeeeeeeeeeeeeeeeeeeee',$,'WT01',$,$,(#31),$,$,$,.SOLIDWALL.);
#31=IFCPROPERTYSET('AYvctVUKr0kugbFTf53O9L',$,'Pset_WallCommon',$,(#32));
#32=IFCPROPERTYSINGLEVALUE('FireRating',$,IFCLABEL('F30'),$);
#33=IFCRELDEFINESBYTYPE('BYvctVUKr0kugbFTf53O9L',$,$,$,(#11),#30);
#40=IFCCLASSIFICATION($,$,$,'DIN 276',$,$,$);
#41=IFCCLASSIFICATIONREFERENCE($,'330',$,#40,$,$);
#42=IFCCLASSIFICATIONREFERENCE($,'331',$,#41,$,$);
#43=IFCRELASSOCIATESCLASSIFICATION('CYvctVUKr0kugbFTf53O9L',$,$,$,(#10,#11),#42);
#50=IFCMATERIAL('Beton C25/30',$,'concrete');
#51=IFCRELASSOCIATESMATERIAL('DYvctVUKr0kugbFTf53O9L',$,$,$,(#10,#13),#50);
ENDSEC;
END-ISO-10303-21;
`;

/** The sample model, parsed with `@foederal/ifc`. */
export function sampleModel() {
  return parseIfc(new TextEncoder().encode(SAMPLE_IFC));
}

/** Wraps specifications into an IDS document. */
export function idsWith(specifications: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<ids xmlns="http://standards.buildingsmart.org/IDS" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<info><title>Prüfung &amp; Test</title><version>1.0</version></info>
<specifications>
${specifications}
</specifications>
</ids>`;
}

/** One required IFC4 specification on all walls. */
export function wallSpec(name: string, requirements: string, applicability = '<entity><name><simpleValue>IFCWALL</simpleValue></name></entity>', occurs = 'maxOccurs="unbounded"'): string {
  return `<specification name="${name}" ifcVersion="IFC4"><applicability ${occurs}>${applicability}</applicability>${requirements ? `<requirements>${requirements}</requirements>` : ''}</specification>`;
}
