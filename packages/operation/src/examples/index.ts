export {
  demoSchoolEde,
  demoSchoolSchedule,
  demoSchoolMeters,
  demoPoints,
  generateDemoTrends,
  trendsToCsv,
} from './demo-school.js';
export type { DemoFault, DemoTrends, DemoOptions } from './demo-school.js';
