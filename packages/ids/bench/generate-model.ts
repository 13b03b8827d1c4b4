/**
 * A synthetic IFC4 model for the benchmark: a project with buildings, storeys, spaces and per storey
 * walls, slabs, doors, windows and proxies, with property sets, quantities, type objects,
 * classifications, materials and containment. Deterministic for a given size.
 */
export function generateModel(storeys: number, elementsPerStorey: number): Uint8Array {
  const lines: string[] = [];
  let next = 1;
  const id = () => next++;
  const guid = (n: number) => {
    const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$';
    let s = '';
    let x = n * 2654435761;
    for (let i = 0; i < 22; i++) {
      s += chars[(x + i * 7) % 64];
      x = Math.floor(x / 3) + n;
    }
    return s;
  };
  const add = (text: (self: number) => string) => {
    const n = id();
    lines.push(`#${n}=${text(n)};`);
    return n;
  };
  const project = add((n) => `IFCPROJECT('${guid(n)}',$,'Benchmark',$,$,$,$,$,#${n + 1})`);
  const mm = next + 1;
  add(() => `IFCUNITASSIGNMENT((#${mm},#${mm + 1}))`);
  add(() => `IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.)`);
  add(() => `IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.)`);
  const building = add((n) => `IFCBUILDING('${guid(n)}',$,'Schule',$,$,$,$,$,.ELEMENT.,$,$,$)`);
  add((n) => `IFCRELAGGREGATES('${guid(n)}',$,$,$,#${project},(#${building}))`);
  const system = add(() => `IFCCLASSIFICATION($,$,$,'DIN 276',$,$,$)`);
  const group = add(() => `IFCCLASSIFICATIONREFERENCE($,'330',$,#${system},$,$)`);
  const wallClass = add(() => `IFCCLASSIFICATIONREFERENCE($,'331',$,#${group},$,$)`);
  const concrete = add(() => `IFCMATERIAL('Beton C25/30',$,'concrete')`);
  const brick = add(() => `IFCMATERIAL('Kalksandstein',$,'brick')`);
  const layerA = add(() => `IFCMATERIALLAYER(#${concrete},200.,$,'Tragschicht',$,$,$)`);
  const layerB = add(() => `IFCMATERIALLAYER(#${brick},115.,$,'Vorsatzschale',$,$,$)`);
  const layerSet = add(() => `IFCMATERIALLAYERSET((#${layerA},#${layerB}),'AW 30',$)`);
  const typePset = add((n) => `IFCPROPERTYSET('${guid(n)}',$,'Pset_WallCommon',$,(#${n + 1}))`);
  add(() => `IFCPROPERTYSINGLEVALUE('AcousticRating',$,IFCLABEL('R45'),$)`);
  const wallType = add((n) => `IFCWALLTYPE('${guid(n)}',$,'AW 30',$,$,(#${typePset}),$,'AW30',$,.SOLIDWALL.)`);
  const walls: number[] = [];
  const slabs: number[] = [];
  const storeyIds: number[] = [];
  for (let s = 0; s < storeys; s++) {
    const storey = add((n) => `IFCBUILDINGSTOREY('${guid(n)}',$,'${s}. OG',$,$,$,$,$,.ELEMENT.,${s * 3500}.)`);
    storeyIds.push(storey);
    const contained: number[] = [];
    const spaces: number[] = [];
    for (let e = 0; e < elementsPerStorey; e++) {
      const kind = e % 10;
      let el: number;
      if (kind < 5) {
        el = add((n) => `IFCWALL('${guid(n)}',$,'W-${s}-${e}',$,$,$,$,'${e}',.${e % 7 === 0 ? 'PARTITIONING' : 'SOLIDWALL'}.)`);
        const pset = add((n) => `IFCPROPERTYSET('${guid(n)}',$,'Pset_WallCommon',$,(#${n + 1},#${n + 2},#${n + 3}))`);
        add(() => `IFCPROPERTYSINGLEVALUE('FireRating',$,IFCLABEL('F${e % 13 === 0 ? 'XX' : '90'}'),$)`);
        add(() => `IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(.${e % 2 ? 'T' : 'F'}.),$)`);
        add(() => `IFCPROPERTYSINGLEVALUE('LoadBearing',$,IFCBOOLEAN(.T.),$)`);
        add((n) => `IFCRELDEFINESBYPROPERTIES('${guid(n)}',$,$,$,(#${el}),#${pset})`);
        const qto = add((n) => `IFCELEMENTQUANTITY('${guid(n)}',$,'Qto_WallBaseQuantities',$,$,(#${n + 1},#${n + 2}))`);
        add(() => `IFCQUANTITYLENGTH('Length',$,$,${2000 + (e % 50) * 100}.,$)`);
        add(() => `IFCQUANTITYAREA('NetSideArea',$,$,${5 + (e % 20)}.5,$)`);
        add((n) => `IFCRELDEFINESBYPROPERTIES('${guid(n)}',$,$,$,(#${el}),#${qto})`);
        walls.push(el);
      } else if (kind < 7) {
        el = add((n) => `IFCSLAB('${guid(n)}',$,'D-${s}-${e}',$,$,$,$,$,.FLOOR.)`);
        const qto = add((n) => `IFCELEMENTQUANTITY('${guid(n)}',$,'Qto_SlabBaseQuantities',$,$,(#${n + 1}))`);
        add(() => `IFCQUANTITYAREA('NetArea',$,$,${e % 17 === 0 ? 0 : 20 + e}.,$)`);
        add((n) => `IFCRELDEFINESBYPROPERTIES('${guid(n)}',$,$,$,(#${el}),#${qto})`);
        slabs.push(el);
      } else if (kind < 8) {
        el = add((n) => `IFCDOOR('${guid(n)}',$,'T${String(e).padStart(3, '0')}',$,$,$,$,$,2010.,1010.,.DOOR.,.SINGLE_SWING_LEFT.,$)`);
      } else if (kind < 9) {
        el = add((n) => `IFCSPACE('${guid(n)}',$,'${s}.${e}',$,$,$,$,${e % 3 ? `'Raum ${e}'` : '$'},.ELEMENT.,.SPACE.,$)`);
        spaces.push(el);
        continue;
      } else {
        el = add((n) => `IFCWINDOW('${guid(n)}',$,'F-${s}-${e}',$,$,$,$,$,1200.,1000.,.WINDOW.,.SINGLE_PANEL.,$)`);
      }
      contained.push(el);
    }
    add((n) => `IFCRELCONTAINEDINSPATIALSTRUCTURE('${guid(n)}',$,$,$,(${contained.map((c) => `#${c}`).join(',')}),#${storey})`);
    if (spaces.length) add((n) => `IFCRELAGGREGATES('${guid(n)}',$,$,$,#${storey},(${spaces.map((c) => `#${c}`).join(',')}))`);
  }
  add((n) => `IFCRELAGGREGATES('${guid(n)}',$,$,$,#${building},(${storeyIds.map((c) => `#${c}`).join(',')}))`);
  const refs = (list: number[]) => list.map((c) => `#${c}`).join(',');
  add((n) => `IFCRELDEFINESBYTYPE('${guid(n)}',$,$,$,(${refs(walls)}),#${wallType})`);
  add((n) => `IFCRELASSOCIATESCLASSIFICATION('${guid(n)}',$,$,$,(${refs(walls.filter((_, i) => i % 9 !== 0))}),#${wallClass})`);
  add((n) => `IFCRELASSOCIATESMATERIAL('${guid(n)}',$,$,$,(${refs(walls.filter((_, i) => i % 11 !== 0))}),#${layerSet})`);
  add((n) => `IFCRELASSOCIATESMATERIAL('${guid(n)}',$,$,$,(${refs(slabs)}),#${concrete})`);
  const text = `ISO-10303-21;
HEADER;
FILE_DESCRIPTION(('ViewDefinition [ReferenceView]'),'2;1');
FILE_NAME('benchmark.ifc','2026-11-28T12:00:00',(),(),'foederal-ids bench','foederal-ids bench','');
FILE_SCHEMA(('IFC4'));
ENDSEC;
DATA;
${lines.join('\n')}
ENDSEC;
END-ISO-10303-21;
`;
  return new TextEncoder().encode(text);
}
