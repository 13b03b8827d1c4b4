import { createHash } from 'node:crypto';

/** One room of the demo school. */
export interface SchoolSpace {
  readonly name: string;
  readonly longName: string;
  /** DIN 277:2021 category of the net room area, e.g. `NUF 5`, `VF`, `TF`. */
  readonly din277: string;
  /** Net floor area in m²; `undefined` leaves the quantity out on purpose (the IDS check flags it). */
  readonly netArea: number | undefined;
}

/** One storey of the demo school. */
export interface SchoolStorey {
  readonly name: string;
  readonly longName: string;
  readonly elevation: number;
  readonly spaces: readonly SchoolSpace[];
  readonly walls: number;
}

/** The demo school, written by this project (no third-party model in the repository). */
export const school: { readonly name: string; readonly site: string; readonly storeys: readonly SchoolStorey[] } = {
  name: 'Grundschule Am Lindenhof',
  site: 'Schulgrundstück Lindenhof',
  storeys: [
    {
      name: 'EG',
      longName: 'Erdgeschoss',
      elevation: 0,
      walls: 6,
      spaces: [
        { name: '0.01', longName: 'Eingangshalle', din277: 'VF', netArea: 48.5 },
        { name: '0.02', longName: 'Klassenraum 1a', din277: 'NUF 5', netArea: 66.0 },
        { name: '0.03', longName: 'Klassenraum 1b', din277: 'NUF 5', netArea: 66.0 },
        { name: '0.04', longName: 'Lehrerzimmer', din277: 'NUF 2', netArea: 42.25 },
        { name: '0.05', longName: 'Sekretariat', din277: 'NUF 2', netArea: 18.75 },
        { name: '0.06', longName: 'Sanitärräume', din277: 'NUF 7', netArea: 24.0 },
        { name: '0.07', longName: 'Heizung und Hausanschluss', din277: 'TF', netArea: 16.5 },
        { name: '0.08', longName: 'Flur Erdgeschoss', din277: 'VF', netArea: 55.0 },
      ],
    },
    {
      name: 'OG',
      longName: 'Obergeschoss',
      elevation: 3.5,
      walls: 5,
      spaces: [
        { name: '1.01', longName: 'Klassenraum 2a', din277: 'NUF 5', netArea: 64.0 },
        { name: '1.02', longName: 'Klassenraum 2b', din277: 'NUF 5', netArea: 64.0 },
        { name: '1.03', longName: 'Werkraum', din277: 'NUF 5', netArea: 58.5 },
        { name: '1.04', longName: 'Schulbibliothek', din277: 'NUF 5', netArea: 40.0 },
        { name: '1.05', longName: 'Lehrmittelraum', din277: 'NUF 4', netArea: undefined },
        { name: '1.06', longName: 'Flur Obergeschoss', din277: 'VF', netArea: 52.0 },
        { name: '1.07', longName: 'Treppenhaus', din277: 'VF', netArea: 21.0 },
      ],
    },
  ],
};

const ifcAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$';

/** A stable IFC GlobalId (22 characters of the IFC base-64 alphabet) derived from a name. */
export function globalId(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  // 128 bits → 22 characters: the first holds 2 bits, the rest 6 bits each.
  let out = ifcAlphabet[(bytes[0] as number) & 0b11] as string;
  let acc = 0n;
  for (let i = 1; i <= 16; i++) acc = (acc << 8n) | BigInt(bytes[i] as number);
  for (let i = 20; i >= 0; i--) out += ifcAlphabet[Number((acc >> BigInt(i * 6)) & 63n)];
  return out;
}

/** Encode a string as a STEP string literal (ISO 10303-21): `'` doubled, non-ASCII as `\X2\…\X0\`. */
export function stepString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === "'") out += "''";
    else if (ch === '\\') out += '\\\\';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xffff) out += `\\X2\\${code.toString(16).toUpperCase().padStart(4, '0')}\\X0\\`;
    else out += `\\X4\\${code.toString(16).toUpperCase().padStart(8, '0')}\\X0\\`;
  }
  return `'${out}'`;
}

const real = (n: number) => (Number.isInteger(n) ? `${n}.` : String(n));

/**
 * Write the demo school as an IFC4 STEP file: project, site, building, two storeys with spaces
 * (name, long name, `Qto_SpaceBaseQuantities.NetFloorArea`, `Pset_SpaceCommon.Reference`, a DIN 277
 * classification reference) and a few walls per storey. Deterministic: the same bytes every time.
 *
 * @example
 * const bytes = new TextEncoder().encode(schoolIfc());
 */
export function schoolIfc(): string {
  const lines: string[] = [];
  let next = 1;
  const add = (entity: string): string => {
    const id = `#${next++}`;
    lines.push(`${id}=${entity};`);
    return id;
  };
  const s = stepString;
  const origin = add('IFCCARTESIANPOINT((0.,0.,0.))');
  const placement = add(`IFCAXIS2PLACEMENT3D(${origin},$,$)`);
  const context = add(`IFCGEOMETRICREPRESENTATIONCONTEXT($,'Model',3,1.E-05,${placement},$)`);
  const units = [
    add('IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.)'),
    add('IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.)'),
    add('IFCSIUNIT(*,.VOLUMEUNIT.,$,.CUBIC_METRE.)'),
  ];
  const unitAssignment = add(`IFCUNITASSIGNMENT((${units.join(',')}))`);
  const project = add(`IFCPROJECT('${globalId('project')}',$,${s('Neubau Grundschule Am Lindenhof')},$,$,${s('Demomodell der Referenzanwendung')},$,(${context}),${unitAssignment})`);
  const sitePlacement = add(`IFCLOCALPLACEMENT($,${placement})`);
  const site = add(`IFCSITE('${globalId('site')}',$,${s(school.site)},$,$,${sitePlacement},$,$,.ELEMENT.,$,$,$,$,$)`);
  const buildingPlacement = add(`IFCLOCALPLACEMENT(${sitePlacement},${placement})`);
  const building = add(`IFCBUILDING('${globalId('building')}',$,${s(school.name)},${s('Zweigeschossiger Schulbau, Demomodell')},$,${buildingPlacement},$,${s('Schulgebäude')},.ELEMENT.,$,$,$)`);
  add(`IFCRELAGGREGATES('${globalId('rel-project-site')}',$,$,$,${project},(${site}))`);
  add(`IFCRELAGGREGATES('${globalId('rel-site-building')}',$,$,$,${site},(${building}))`);
  const classification = add(`IFCCLASSIFICATION(${s('DIN')},${s('2021-08')},$,${s('DIN 277')},${s('Grundflächen und Rauminhalte im Hochbau')},$,$)`);
  const references = new Map<string, string>();
  const classified = new Map<string, string[]>();
  const storeyIds: string[] = [];
  for (const storey of school.storeys) {
    const point = add(`IFCCARTESIANPOINT((0.,0.,${real(storey.elevation)}))`);
    const axis = add(`IFCAXIS2PLACEMENT3D(${point},$,$)`);
    const storeyPlacement = add(`IFCLOCALPLACEMENT(${buildingPlacement},${axis})`);
    const storeyId = add(`IFCBUILDINGSTOREY('${globalId(`storey-${storey.name}`)}',$,${s(storey.name)},$,$,${storeyPlacement},$,${s(storey.longName)},.ELEMENT.,${real(storey.elevation)})`);
    storeyIds.push(storeyId);
    const spaceIds: string[] = [];
    for (const space of storey.spaces) {
      const spacePlacement = add(`IFCLOCALPLACEMENT(${storeyPlacement},${placement})`);
      const spaceId = add(`IFCSPACE('${globalId(`space-${space.name}`)}',$,${s(space.name)},$,$,${spacePlacement},$,${s(space.longName)},.ELEMENT.,.INTERNAL.,$)`);
      spaceIds.push(spaceId);
      const reference = add(`IFCPROPERTYSINGLEVALUE('Reference',$,IFCIDENTIFIER(${s(space.name)}),$)`);
      const external = add(`IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(.F.),$)`);
      const pset = add(`IFCPROPERTYSET('${globalId(`pset-${space.name}`)}',$,'Pset_SpaceCommon',$,(${reference},${external}))`);
      add(`IFCRELDEFINESBYPROPERTIES('${globalId(`rel-pset-${space.name}`)}',$,$,$,(${spaceId}),${pset})`);
      if (space.netArea !== undefined) {
        const net = add(`IFCQUANTITYAREA('NetFloorArea',$,$,${real(space.netArea)},$)`);
        const gross = add(`IFCQUANTITYAREA('GrossFloorArea',$,$,${real(Math.round(space.netArea * 1.08 * 100) / 100)},$)`);
        const qto = add(`IFCELEMENTQUANTITY('${globalId(`qto-${space.name}`)}',$,'Qto_SpaceBaseQuantities',$,$,(${net},${gross}))`);
        add(`IFCRELDEFINESBYPROPERTIES('${globalId(`rel-qto-${space.name}`)}',$,$,$,(${spaceId}),${qto})`);
      }
      if (!references.has(space.din277)) {
        references.set(space.din277, add(`IFCCLASSIFICATIONREFERENCE($,${s(space.din277)},${s(space.din277)},${classification},$,$)`));
      }
      classified.set(space.din277, [...(classified.get(space.din277) ?? []), spaceId]);
    }
    add(`IFCRELAGGREGATES('${globalId(`rel-storey-${storey.name}`)}',$,$,$,${storeyId},(${spaceIds.join(',')}))`);
    const wallIds: string[] = [];
    for (let w = 1; w <= storey.walls; w++) {
      const wallPlacement = add(`IFCLOCALPLACEMENT(${storeyPlacement},${placement})`);
      wallIds.push(add(`IFCWALL('${globalId(`wall-${storey.name}-${w}`)}',$,${s(`Wand ${storey.name}-${w}`)},$,$,${wallPlacement},$,$,.STANDARD.)`));
    }
    add(`IFCRELCONTAINEDINSPATIALSTRUCTURE('${globalId(`rel-contained-${storey.name}`)}',$,$,$,(${wallIds.join(',')}),${storeyId})`);
  }
  add(`IFCRELAGGREGATES('${globalId('rel-building-storeys')}',$,$,$,${building},(${storeyIds.join(',')}))`);
  for (const [code, spaces] of classified) {
    add(`IFCRELASSOCIATESCLASSIFICATION('${globalId(`rel-class-${code}`)}',$,$,$,(${spaces.join(',')}),${references.get(code)})`);
  }
  return [
    'ISO-10303-21;',
    'HEADER;',
    "FILE_DESCRIPTION(('ViewDefinition [ReferenceView]'),'2;1');",
    `FILE_NAME('grundschule-am-lindenhof.ifc','2027-01-15T09:00:00',('foederal'),('Referenzanwendung'),'foederal reference app','foederal school generator','');`,
    "FILE_SCHEMA(('IFC4'));",
    'ENDSEC;',
    'DATA;',
    ...lines,
    'ENDSEC;',
    'END-ISO-10303-21;',
    '',
  ].join('\n');
}

/** Net floor area per DIN 277 category of the demo school, as written into the model (m²). */
export function schoolAreas(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const storey of school.storeys) {
    for (const space of storey.spaces) if (space.netArea !== undefined) out[space.din277] = (out[space.din277] ?? 0) + space.netArea;
  }
  return out;
}
