// `@foederal/ifc/building-data`: the mapping to @foederal/building-data as a synchronous function.
export { toBuildingData } from './building-data.js';
export type { BuildingDataProblem, IfcBuildingData } from './building-data.js';
