// One EDE benchmark run in its own process (so that peak memory is its own):
//   node --conditions=@foederal/source --import tsx bench/ede.ts <foederal|foederal-keys|foederal-nodup|csv-parse> <rows>
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { genericAksProfile, readEde } from '@foederal/building-data';
import { edeBytes } from './generate.js';

const [mode = 'foederal', rowsArg = '1000000'] = process.argv.slice(2);
const rows = Number(rowsArg);
const start = process.hrtime.bigint();
let count = 0;
let rejected = 0;
if (mode === 'csv-parse') {
  const parser = Readable.from(edeBytes(rows)).pipe(parse({ delimiter: ';', relax_column_count: true, skip_empty_lines: true }));
  for await (const record of parser as AsyncIterable<string[]>) {
    if (record.length > 4 && !String(record[0]).startsWith('#')) count++; // data rows only
  }
} else {
  const options = mode === 'foederal-keys' ? { keyGrammar: genericAksProfile } : mode === 'foederal-nodup' ? { checkDuplicates: false } : {};
  for await (const event of readEde(edeBytes(rows), options)) {
    if (event.kind === 'data-point') count++;
    else if (event.kind === 'rejected') rejected++;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(
  JSON.stringify({ mode, rows: count, rejected, seconds, rowsPerSecond: seconds > 0 ? count / seconds : 0, peakRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
