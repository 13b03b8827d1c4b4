// `@foederal/ifc/building-data`: the mapping to @foederal/building-data as synchronous functions.
export { toBuildingData } from './building-data.js';
export type { BuildingDataProblem, IfcBuildingData } from './building-data.js';
export { din277Areas } from './din277.js';
export type { Din277AreasOptions, IfcDin277Areas } from './din277.js';
