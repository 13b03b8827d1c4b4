// One benchmark measurement in its own process (so that each run starts cold and a crash of the
// peer cannot take the bench down). Plain JavaScript against the built package: no TypeScript
// loader in the measured path. Prints one JSON line.
//
//   node bench/child.mjs <ours|web-ifc> <fresh|warm|warm-open> <file> [repeats]
// warm-open measures the warm open only (for the largest models).
const t0 = performance.now();
const c0 = process.cpuUsage();
const [lib, mode, file, repeatsArg] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 3);
const { readFileSync } = await import('node:fs');

/** CPU milliseconds (user + system) since `from`. */
function cpuSince(from) {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
}
/** Runs `fn`, returns [wall ms, cpu ms, result]. */
async function timed(fn) {
  const c = process.cpuUsage();
  const a = performance.now();
  const r = await fn();
  return [performance.now() - a, cpuSince(c), r];
}
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
    out.openCpuMs = cpuSince(c0);
    out.entities = model.size;
    out.maxRssMb = process.resourceUsage().maxRSS / 1024;
  } else {
    const bytes = readFileSync(file);
    const times = [];
    const cpus = [];
    let model;
    for (let i = 0; i <= repeats; i++) {
      const [wall, cpu, m] = await timed(() => parseIfc(bytes));
      model = m;
      if (i > 0) {
        times.push(wall); // the first run warms up
        cpus.push(cpu);
      }
    }
    out.openMs = median(times);
    out.openCpuMs = median(cpus);
    out.entities = model.size;
    if (mode === 'warm-open') {
      console.log(JSON.stringify(out));
      process.exit(0);
    }
    // decode a sample of entities with named attributes
    const ids = [...model.ids()].slice(0, 200_000);
    const [dw, dc, n] = await timed(() => {
      let k = 0;
      for (const id of ids) if (model.get(id)) k++;
      return k;
    });
    out.decodePerSec = n / (dw / 1000);
    out.decodePerCpuSec = n / (dc / 1000);
    // all property sets and quantities of every object: twice to warm up (each on its own
    // model), then measured on a freshly opened model (nothing cached, relation index included)
    const allSets = (m) => {
      let s = 0;
      let p = 0;
      for (const id of m.ofType('IfcObject', { includeSubtypes: true })) {
        for (const set of m.propertySets(id)) {
          s++;
          p += set.properties.length;
        }
        for (const q of m.quantities(id)) {
          s++;
          p += q.quantities.length;
        }
      }
      return [s, p];
    };
    allSets(model);
    allSets(parseIfc(bytes));
    model = parseIfc(bytes);
    const [pw, pc, [sets, props]] = await timed(() => allSets(model));
    out.psetsMs = pw;
    out.psetsCpuMs = pc;
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
    out.openCpuMs = cpuSince(c0);
    out.entities = api.GetAllLines(id).size();
    out.maxRssMb = process.resourceUsage().maxRSS / 1024;
  } else {
    const times = [];
    const cpus = [];
    let id = -1;
    for (let i = 0; i <= repeats; i++) {
      if (id >= 0) api.CloseModel(id);
      const [wall, cpu, m] = await timed(() => api.OpenModel(bytes));
      id = m;
      if (i > 0) {
        times.push(wall);
        cpus.push(cpu);
      }
    }
    out.openMs = median(times);
    out.openCpuMs = median(cpus);
    const all = api.GetAllLines(id);
    out.entities = all.size();
    if (mode === 'warm-open') {
      console.log(JSON.stringify(out));
      process.exit(0);
    }
    const ids = [];
    for (let k = 0; k < Math.min(all.size(), 200_000); k++) ids.push(all.get(k));
    const [dw, dc, n] = await timed(() => {
      let k = 0;
      for (const e of ids) if (api.GetLine(id, e)) k++;
      return k;
    });
    out.decodePerSec = n / (dw / 1000);
    out.decodePerCpuSec = n / (dc / 1000);
    // twice to warm up, then measured on a freshly opened model
    await api.properties.getPropertySets(id, 0, true);
    await api.properties.getPropertySets(id, 0, true);
    api.CloseModel(id);
    id = api.OpenModel(bytes);
    const [pw, pc, sets] = await timed(() => api.properties.getPropertySets(id, 0, true));
    out.psetsMs = pw;
    out.psetsCpuMs = pc;
    out.psets = sets.length;
    out.props = sets.reduce((s, p) => s + (p.HasProperties?.length ?? p.Quantities?.length ?? 0), 0);
  }
}
console.log(JSON.stringify(out));
process.exit(0);
