// A large IFC model for the worker tests and benches: the generated demo school with filler
// entities (cartesian points, as real models carry millions of them) up to the requested size.
import { schoolIfc } from '../src/demo/school-ifc.js';

/** The demo school padded to at least `bytes` bytes (UTF-8). Same storeys, spaces and areas as the school. */
export function largeModel(bytes: number): Uint8Array {
  const school = schoolIfc();
  const line = (i: number) => `#${1_000_000 + i}=IFCCARTESIANPOINT((${i}.125,${i % 997}.5,${i % 13}.));\n`;
  const parts: string[] = [];
  let size = school.length;
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    parts.push(l);
    size += l.length;
  }
  return new TextEncoder().encode(school.replace('ENDSEC;\nEND-ISO', `${parts.join('')}ENDSEC;\nEND-ISO`));
}
