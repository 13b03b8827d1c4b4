// One key-parser benchmark run in its own process:
//   node --conditions=@foederal/source --import tsx bench/keys.ts <foederal|regex> <rows>
import { genericAksProfile } from '@foederal/building-data';
import { key } from './generate.js';

const [mode = 'foederal', rowsArg = '1000000'] = process.argv.slice(2);
const rows = Number(rowsArg);
// the regular expression a developer would write by hand for the same profile
const pattern =
  /^(?<site>[A-Z0-9]{1,6})\.(?<building>[A-Z0-9]{1,4})\.(?<floor>[A-Z0-9]{2,3})(?:-(?<room>[A-Z0-9]{1,6}))?_(?<trade>[A-Z]{2,4})\.(?<system>[A-Z0-9]{1,6})\.(?<component>[A-Z0-9]{1,8})\.(?<function>[A-Z0-9]{1,8})$/;
const batch = 10000;
let elapsed = 0n;
let parsed = 0;
let checksum = 0;
for (let from = 0; from < rows; from += batch) {
  const keys: string[] = [];
  for (let i = from; i < Math.min(rows, from + batch); i++) keys.push(key(i));
  const t0 = process.hrtime.bigint();
  if (mode === 'regex') {
    for (const k of keys) {
      const m = pattern.exec(k);
      if (m?.groups) {
        parsed++;
        checksum += m.groups.function?.length ?? 0;
      }
    }
  } else {
    for (const k of keys) {
      const parts = genericAksProfile.parse(k);
      parsed++;
      checksum += parts.function?.length ?? 0;
    }
  }
  elapsed += process.hrtime.bigint() - t0;
}
const seconds = Number(elapsed) / 1e9;
process.stdout.write(
  JSON.stringify({ mode, rows: parsed, checksum, seconds, rowsPerSecond: seconds > 0 ? parsed / seconds : 0, peakRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
