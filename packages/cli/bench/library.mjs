// The peer of `foederal ifc summary`: the same library calls in a fresh Node process, without the
// command (no argument parsing, no formatting beyond JSON).
import { rollUpAreas } from '@foederal/building-data';
import { openIfcFile } from '@foederal/ifc/node';

const model = await openIfcFile(process.argv[2]);
const counts = model.typeCounts();
const data = await model.toBuildingData();
const rollUps = [...data.sites, ...data.buildings].map((root) => rollUpAreas(root));
const spaceIds = model.ofType('IfcSpace', { includeSubtypes: true });
// the command also reads the spaces' classification references (ADR 0116)
const classifications = spaceIds.map((id) => model.classifications(id));
const spaces = spaceIds.length;
process.stdout.write(JSON.stringify({ schema: model.schema, entities: model.size, counts, spaces, classified: classifications.length, areas: rollUps.map((r) => r.rollUp.effective) }).slice(0, 0));
