// Generators for the benchmarks: EDE lists and AKS keys of any length, produced on the fly so
// that the input itself does not count against the importer's memory.

const trades = ['HZG', 'LUE', 'KLT', 'SAN', 'ELT'] as const;
const functions = ['MW', 'SW', 'BM', 'SM', 'SB', 'ST'] as const;

/** The i-th key of the generic AKS profile. */
export function key(i: number): string {
  const building = `G${(i % 7) + 1}`;
  const floor = `E${String(i % 12).padStart(2, '0')}`;
  const room = i % 3 === 0 ? '' : `-R${String(i % 997).padStart(3, '0')}`;
  const trade = trades[i % trades.length] as string;
  const system = `A${(i % 40) + 1}`;
  const component = `K${i % 10000}`;
  const fn = functions[i % functions.length] as string;
  return `L01.${building}.${floor}${room}_${trade}.${system}.${component}.${fn}`;
}

const header = [
  'PROJECT_NAME;Benchmark',
  'VERSION_OF_REFERENCEFILE;1',
  'TIMESTAMP_OF_LAST_CHANGE;2026-11-28',
  'AUTHOR_OF_LAST_CHANGE;bench',
  'VERSION_OF_LAYOUT;2.2',
  '# keyname;device obj.-instance;object-name;object-type;object-instance;description;present-value-default;min-present-value;max-present-value;settable;supports COV;hi-limit;low-limit;state-text-reference;unit-code;vendor-specific-address',
].join('\r\n');

/** The i-th EDE row: types cycle through AI, AO, AV, BI, BO, BV; German text with umlauts. */
export function edeRow(i: number): string {
  const k = key(i);
  const type = i % 6;
  const analog = type < 3;
  return [
    k,
    1000 + Math.floor(i / 50000),
    k,
    type,
    i,
    analog ? `Temperatur Raum ${i % 997} Vorlauf/Rücklauf` : `Betriebsmeldung Pumpe ${i % 97} Störung`,
    analog ? '21,5' : '',
    analog ? '0' : '',
    analog ? '120' : '',
    type === 2 || type === 5 ? 'Y' : 'N',
    'Y',
    analog ? '90' : '',
    analog ? '5' : '',
    analog ? '' : '3',
    analog ? '62' : '',
    `AS${i % 50}.${i % 4096}`,
  ].join(';');
}

/** An EDE list of `rows` rows as UTF-8 chunks of about 64 KiB. */
export async function* edeBytes(rows: number): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let text = `${header}\r\n`;
  for (let i = 0; i < rows; i++) {
    text += `${edeRow(i)}\r\n`;
    if (text.length > 65536) {
      yield encoder.encode(text);
      text = '';
    }
  }
  if (text) yield encoder.encode(text);
}
