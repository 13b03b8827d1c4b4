// The peer of `foederal ifc summary`: the same library calls in a fresh Node process, without the
// command (no argument parsing, no formatting beyond JSON).
import { rollUpAreas } from '@foederal/building-data';
import { openIfcFile } from '@foederal/ifc/node';

const model = await openIfcFile(process.argv[2]);
const counts = model.typeCounts();
const data = await model.toBuildingData();
const rollUps = [...data.sites, ...data.buildings].map((root) => rollUpAreas(root));
const spaces = model.ofType('IfcSpace', { includeSubtypes: true }).length;
process.stdout.write(JSON.stringify({ schema: model.schema, entities: model.size, counts, spaces, areas: rollUps.map((r) => r.rollUp.effective) }).slice(0, 0));
