// One benchmark measurement in its own process (so that each run starts cold and a crash of the
// peer cannot take the bench down). Plain JavaScript against the built package: no TypeScript
// loader in the measured path. Prints one JSON line.
//
//   node bench/child.mjs <ours|web-ifc> <fresh|warm|warm-open> <file> [repeats]
// warm-open measures the warm open only (for the largest models).
const t0 = performance.now();
const [lib, mode, file, repeatsArg] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 3);
const { readFileSync } = await import('node:fs');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const out = { lib, mode };

if (lib === 'ours') {
  const { parseIfc } = await import('../dist/index.js');
  if (mode === 'fresh') {
    const { openIfcFile } = await import('../dist/node.js');
    const model = await openIfcFile(file);
    out.openMs = performance.now() - t0;
    out.entities = model.size;
    out.maxRssMb = process.resourceUsage().maxRSS / 1024;
  } else {
    const bytes = readFileSync(file);
    const times = [];
    let model;
    for (let i = 0; i <= repeats; i++) {
      const a = performance.now();
      model = parseIfc(bytes);
      if (i > 0) times.push(performance.now() - a); // the first run warms up
    }
    out.openMs = median(times);
    out.entities = model.size;
    if (mode === 'warm-open') {
      console.log(JSON.stringify(out));
      process.exit(0);
    }
    // decode a sample of entities with named attributes
    const ids = [...model.ids()].slice(0, 200_000);
    let a = performance.now();
    let n = 0;
    for (const id of ids) if (model.get(id)) n++;
    out.decodePerSec = n / ((performance.now() - a) / 1000);
    // all property sets and quantities of every object, on a fresh model (nothing cached)
    model = parseIfc(bytes);
    a = performance.now();
    let sets = 0;
    let props = 0;
    for (const id of model.ofType('IfcObject', { includeSubtypes: true })) {
      for (const s of model.propertySets(id)) {
        sets++;
        props += s.properties.length;
      }
      for (const q of model.quantities(id)) {
        sets++;
        props += q.quantities.length;
      }
    }
    out.psetsMs = performance.now() - a;
    out.psets = sets;
    out.props = props;
  }
} else {
  const WebIFC = await import('web-ifc');
  const api = new WebIFC.IfcAPI();
  await api.Init(undefined, true);
  const bytes = new Uint8Array(readFileSync(file));
  if (mode === 'fresh') {
    const id = api.OpenModel(bytes);
    out.openMs = performance.now() - t0;
    out.entities = api.GetAllLines(id).size();
    out.maxRssMb = process.resourceUsage().maxRSS / 1024;
  } else {
    const times = [];
    let id = -1;
    for (let i = 0; i <= repeats; i++) {
      if (id >= 0) api.CloseModel(id);
      const a = performance.now();
      id = api.OpenModel(bytes);
      if (i > 0) times.push(performance.now() - a);
    }
    out.openMs = median(times);
    const all = api.GetAllLines(id);
    out.entities = all.size();
    if (mode === 'warm-open') {
      console.log(JSON.stringify(out));
      process.exit(0);
    }
    const ids = [];
    for (let k = 0; k < Math.min(all.size(), 200_000); k++) ids.push(all.get(k));
    let a = performance.now();
    let n = 0;
    for (const e of ids) if (api.GetLine(id, e)) n++;
    out.decodePerSec = n / ((performance.now() - a) / 1000);
    api.CloseModel(id);
    id = api.OpenModel(bytes);
    a = performance.now();
    const sets = await api.properties.getPropertySets(id, 0, true);
    out.psetsMs = performance.now() - a;
    out.psets = sets.length;
    out.props = sets.reduce((s, p) => s + (p.HasProperties?.length ?? p.Quantities?.length ?? 0), 0);
  }
}
console.log(JSON.stringify(out));
process.exit(0);
