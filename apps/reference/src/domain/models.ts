import { createHash, randomBytes } from 'node:crypto';
import { din277AreaLabels, type Din277AreaKey } from '@foederal/building-data';
import { openIfc, type IfcModel, type SpatialNode } from '@foederal/ifc';
import { checkIds, parseIds, toHtmlReport, type IdsReport } from '@foederal/ids';
import type { Repository, Versioned } from '../db/repository.js';
import type { ModelCheck, ModelSummary, SpaceSummary } from './model-summary.js';
import { unzipLimitBytes } from '../config.js';
import { eachDocument, numberedPage, type NumberedPage, type PageRequest } from './paging.js';
import { AppError } from '../errors.js';

export type { ModelCheck, ModelSummary, SpaceSummary } from './model-summary.js';

const emptySummary: IdsReport['summary'] = { specifications: 0, passed: 0, failed: 0, checkedEntities: 0 };

const din277Keys: Record<string, Din277AreaKey> = {
  'NUF 1': 'nuf1', 'NUF 2': 'nuf2', 'NUF 3': 'nuf3', 'NUF 4': 'nuf4', 'NUF 5': 'nuf5', 'NUF 6': 'nuf6', 'NUF 7': 'nuf7', TF: 'tf', VF: 'vf',
};

/** The label of a DIN 277 area key (from `@foederal/building-data`). */
export function areaLabel(key: Din277AreaKey, lang: 'de' | 'en'): string {
  const l = din277AreaLabels[key];
  return `${l.abbreviation} – ${l[lang]}`;
}

function spaceSummary(model: IfcModel, node: SpatialNode): SpaceSummary {
  let netArea: number | null = null;
  for (const set of model.quantities(node.id)) {
    for (const q of set.quantities) if (q.name === 'NetFloorArea' && q.value !== null) netArea = q.value;
  }
  let din277: string | null = null;
  for (const c of model.classifications(node.id)) {
    const code = (c as { identification?: string | null }).identification ?? null;
    if ((c.system ?? '').replace(/\s/g, '').toUpperCase().startsWith('DIN277') && code) din277 = code;
  }
  return { name: node.name ?? '', longName: node.longName, globalId: node.globalId, netArea, din277 };
}

/**
 * Read an IFC model with `@foederal/ifc`: storeys, spaces, their net areas and DIN 277 categories,
 * and the sums per category (NUF 1-7, TF, VF, NUF, NRF). `onProgress` reports the bytes indexed.
 */
export async function analyseModel(bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<{ model: IfcModel; summary: Omit<ModelSummary, 'id' | 'name' | 'fileName' | 'uploadedAt' | 'uploadedBy' | 'checks' | 'state' | 'progress' | 'error'> }> {
  let model: IfcModel;
  // Fed in 1 MiB chunks, yielding to the event loop in between: the reader reports progress as
  // bytes arrive (every few MiB) and the server keeps answering other requests meanwhile.
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let offset = 0; offset < bytes.byteLength; offset += 1 << 20) {
      yield bytes.subarray(offset, Math.min(bytes.byteLength, offset + (1 << 20)));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  try {
    model = await openIfc(chunks(), { onProgress: (p) => onProgress?.(p.bytes, bytes.byteLength), maxUnzippedBytes: unzipLimitBytes() });
  } catch (error) {
    throw new AppError('validation', `Kein lesbares IFC-Modell / not a readable IFC model: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const tree = model.spatialTree();
  const buildings: ModelSummary['buildings'][number][] = [];
  const areas: Partial<Record<Din277AreaKey, number>> = {};
  let spacesWithoutArea = 0;
  const visit = (node: SpatialNode, out: { storeys: ModelSummary['buildings'][number]['storeys'][number][] } | undefined): void => {
    if (node.type === 'IFCBUILDING') {
      const b = { name: node.name, storeys: [] as ModelSummary['buildings'][number]['storeys'][number][] };
      buildings.push(b);
      for (const child of node.children) visit(child, b);
      return;
    }
    if (node.type === 'IFCBUILDINGSTOREY' && out) {
      const spaces: SpaceSummary[] = [];
      const collect = (n: SpatialNode) => {
        for (const child of n.children) {
          if (child.type === 'IFCSPACE') spaces.push(spaceSummary(model, child));
          collect(child);
        }
      };
      collect(node);
      for (const s of spaces) {
        const key = s.din277 ? din277Keys[s.din277] : undefined;
        if (s.netArea === null) spacesWithoutArea++;
        else if (key) areas[key] = Math.round(((areas[key] ?? 0) + s.netArea) * 100) / 100;
      }
      out.storeys.push({ name: node.name, longName: node.longName, elevation: node.elevation ?? null, elements: node.containedElements, spaces });
      return;
    }
    for (const child of node.children) visit(child, out);
  };
  for (const project of (tree as unknown as { projects: SpatialNode[] }).projects ?? []) visit(project, undefined);
  const nuf = (['nuf1', 'nuf2', 'nuf3', 'nuf4', 'nuf5', 'nuf6', 'nuf7'] as const).reduce((sum, k) => sum + (areas[k] ?? 0), 0);
  areas.nuf = Math.round(nuf * 100) / 100;
  areas.nrf = Math.round((nuf + (areas.tf ?? 0) + (areas.vf ?? 0)) * 100) / 100;
  return {
    model,
    summary: {
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      schema: model.schema,
      entities: model.size,
      buildings,
      areas,
      spacesWithoutArea,
    },
  };
}

const modelFields = (m: ModelSummary) => ({ sortKey: `${m.uploadedAt}|${m.id}`, search: `${m.name} ${m.fileName}`, status: m.state });

async function patchModel(repo: Repository, id: string, change: (m: ModelSummary) => ModelSummary): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const doc = await repo.models.require(id);
    try {
      await repo.models.update(id, doc.version, change(doc.data), modelFields(change(doc.data)));
      return;
    } catch (error) {
      if (attempt >= 5 || !(AppError.isInstance(error) && error.code === 'precondition-failed')) throw error;
    }
  }
}

/**
 * Store an uploaded model: its bytes as a file and a document in state `reading` (progress 0).
 * The analysis runs as a job ({@link processModel}); any instance can show its progress.
 */
export async function storeModel(
  repo: Repository,
  input: { name: string; fileName: string; bytes: Uint8Array; uploadedBy: string; now: Date },
): Promise<Versioned<ModelSummary>> {
  const id = `modell-${randomBytes(5).toString('hex')}`;
  const initial: ModelSummary = {
    id, state: 'reading', progress: 0, name: input.name, fileName: input.fileName, uploadedAt: input.now.toISOString(), uploadedBy: input.uploadedBy,
    bytes: input.bytes.byteLength, sha256: createHash('sha256').update(input.bytes).digest('hex'), schema: '', entities: 0, buildings: [], areas: {}, spacesWithoutArea: 0, checks: [],
  };
  return repo.transaction(async (tx) => {
    await tx.files.put(`model:${id}`, 'application/x-step', input.bytes);
    return tx.models.create(id, initial, modelFields(initial));
  });
}

/**
 * The job of a stored model: read it, writing the progress (every 10 %) and finally the analysis
 * or, for a file that is no readable IFC, the error. Idempotent: a model that is no longer
 * `reading` is left alone, and a repeated run (its worker died) overwrites the same document.
 * Errors of the storage are thrown, so the queue retries the job.
 */
export async function processModel(repo: Repository, id: string): Promise<void> {
  const doc = await repo.models.get(id);
  if (!doc || doc.data.state !== 'reading') return;
  const file = await repo.files.get(`model:${id}`);
  if (!file) {
    await patchModel(repo, id, (m) => ({ ...m, state: 'failed', progress: 100, error: 'Datei fehlt / file missing' }));
    return;
  }
  let reported = 0;
  let writes = Promise.resolve();
  let summary;
  try {
    ({ summary } = await analyseModel(file.bytes, (done, total) => {
      const percent = Math.floor((done / Math.max(1, total)) * 100);
      if (percent >= reported + 10 && percent < 100) {
        reported = percent;
        writes = writes.then(() => patchModel(repo, id, (m) => (m.state === 'reading' ? { ...m, progress: percent } : m)));
      }
    }));
  } catch (error) {
    await writes.catch(() => undefined);
    if (!(AppError.isInstance(error) && error.code === 'validation')) throw error;
    await patchModel(repo, id, (m) => ({ ...m, state: 'failed', progress: 100, error: error.message }));
    return;
  }
  await writes;
  await patchModel(repo, id, (m) => ({ ...m, ...summary, state: 'ready', progress: 100 }));
}

/** Record that a model's job failed for good (its retries are used up). */
export async function failModel(repo: Repository, id: string, reason: string): Promise<void> {
  const doc = await repo.models.get(id);
  if (!doc || (doc.data).state !== 'reading') return;
  await patchModel(repo, id, (m) => ({ ...m, state: 'failed', progress: 100, error: reason }));
}

/**
 * Store a model and read it at once in this process (demo data, tests). The app itself queues
 * {@link processModel} as a job instead.
 */
export async function uploadModel(
  repo: Repository,
  input: { name: string; fileName: string; bytes: Uint8Array; uploadedBy: string; now: Date },
): Promise<{ doc: Versioned<ModelSummary>; task: Promise<void> }> {
  const doc = await storeModel(repo, input);
  return { doc, task: processModel(repo, doc.id) };
}

function parseIdsOrFail(idsXml: string | Uint8Array): ReturnType<typeof parseIds> {
  try {
    return parseIds(idsXml);
  } catch (error) {
    throw new AppError('validation', `IDS-Datei ungültig / invalid IDS file: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Queue a check of a stored model against an IDS document: the IDS is parsed now (an invalid one
 * is refused at once), stored, and the model lists the check as `queued`; {@link processCheck}
 * runs it as a job.
 */
export async function requestCheck(repo: Repository, modelId: string, idsXml: string | Uint8Array, idsName: string, now: Date): Promise<{ checkId: string }> {
  const model = await repo.models.get(modelId);
  if (!model || !(await repo.files.get(`model:${modelId}`))) throw new AppError('not-found', `Modell nicht gefunden / model not found: ${modelId}`);
  parseIdsOrFail(idsXml);
  const checkId = `pruefung-${randomBytes(5).toString('hex')}`;
  const bytes = typeof idsXml === 'string' ? new TextEncoder().encode(idsXml) : idsXml;
  await repo.transaction(async (tx) => {
    await tx.files.put(`ids:${modelId}/${checkId}`, 'application/xml', bytes);
    await patchModel(tx, modelId, (m) => ({ ...m, checks: [...m.checks, { id: checkId, ids: idsName, at: now.toISOString(), state: 'queued', passed: false, summary: emptySummary }] }));
  });
  return { checkId };
}

/**
 * The job of a queued check: analyse the model, check it, store the report (JSON and the HTML
 * report of `@foederal/ids` in both languages, each under a fixed name) and mark the check done.
 * Idempotent: a check that is not `queued` is left alone; a repeated run writes the same files
 * and replaces the one entry of the check.
 */
export async function processCheck(repo: Repository, modelId: string, checkId: string): Promise<IdsReport | undefined> {
  const doc = await repo.models.get(modelId);
  const entry = doc?.data.checks.find((x) => x.id === checkId);
  if (!doc || !entry || entry.state !== 'queued') return undefined;
  const [file, idsFile] = await Promise.all([repo.files.get(`model:${modelId}`), repo.files.get(`ids:${modelId}/${checkId}`)]);
  const settle = (change: Partial<ModelCheck>) =>
    patchModel(repo, modelId, (m) => ({ ...m, checks: m.checks.map((x) => (x.id === checkId ? { ...x, ...change } : x)) }));
  if (!file || !idsFile) {
    await settle({ state: 'failed', error: 'Datei fehlt / file missing' });
    return undefined;
  }
  let report: IdsReport;
  try {
    const ids = parseIdsOrFail(idsFile.bytes);
    const { model } = await analyseModel(file.bytes);
    report = checkIds(ids, model);
  } catch (error) {
    if (!(AppError.isInstance(error) && error.code === 'validation')) throw error;
    await settle({ state: 'failed', error: error.message });
    return undefined;
  }
  await repo.files.put(`check:${modelId}/${checkId}.json`, 'application/json', new TextEncoder().encode(JSON.stringify(report)));
  for (const lang of ['de', 'en'] as const) {
    await repo.files.put(`check:${modelId}/${checkId}.${lang}.html`, 'text/html', new TextEncoder().encode(toHtmlReport(report, { lang })));
  }
  await settle({ state: 'done', passed: report.passed, summary: report.summary });
  return report;
}

/** Record that a check's job failed for good. */
export async function failCheck(repo: Repository, modelId: string, checkId: string, reason: string): Promise<void> {
  const doc = await repo.models.get(modelId);
  if (!doc?.data.checks.some((x) => x.id === checkId && x.state === 'queued')) return;
  await patchModel(repo, modelId, (m) => ({ ...m, checks: m.checks.map((x) => (x.id === checkId ? { ...x, state: 'failed' as const, error: reason } : x)) }));
}

/**
 * Check a stored model against an IDS document at once in this process (demo data, tests): the
 * report (JSON and the package's HTML report in both languages) is kept, and the model lists the
 * check. The app queues {@link processCheck} as a job instead.
 */
export async function checkModel(repo: Repository, modelId: string, idsXml: string | Uint8Array, idsName: string, now: Date): Promise<{ checkId: string; report: IdsReport }> {
  const { checkId } = await requestCheck(repo, modelId, idsXml, idsName, now);
  const report = await processCheck(repo, modelId, checkId);
  if (!report) {
    const failed = ((await repo.models.require(modelId)).data).checks.find((x) => x.id === checkId);
    throw new AppError('validation', failed?.error ?? `Prüfung fehlgeschlagen / check failed: ${checkId}`);
  }
  return { checkId, report };
}

/** A stored IDS report. */
export async function getCheck(repo: Repository, modelId: string, checkId: string): Promise<IdsReport> {
  const file = await repo.files.get(`check:${modelId}/${checkId}.json`);
  if (!file) throw new AppError('not-found', `Prüfbericht nicht gefunden / report not found: ${checkId}`);
  return JSON.parse(new TextDecoder().decode(file.bytes)) as IdsReport;
}

/** One numbered page of models, newest upload first. */
export async function listModels(repo: Repository, request: PageRequest): Promise<NumberedPage<ModelSummary>> {
  return numberedPage(repo.models, {}, request, 'desc');
}

/** One model (404 when missing). */
export async function getModel(repo: Repository, id: string): Promise<Versioned<ModelSummary>> {
  return repo.models.require(id);
}

/** The stored HTML report of a check in one language (`@foederal/ids`), or undefined. */
export async function checkReportHtml(repo: Repository, modelId: string, checkId: string, lang: 'de' | 'en'): Promise<Uint8Array | undefined> {
  return (await repo.files.get(`check:${modelId}/${checkId}.${lang}.html`))?.bytes;
}

/**
 * The jobs still to run after a restart: models in state `reading` and checks that are `queued`.
 * Every model is read once, in keyset pages (queued checks sit inside the model document).
 */
export async function pendingModelJobs(repo: Repository): Promise<Array<{ kind: 'analyse-model'; modelId: string } | { kind: 'check-model'; modelId: string; checkId: string }>> {
  const jobs: Array<{ kind: 'analyse-model'; modelId: string } | { kind: 'check-model'; modelId: string; checkId: string }> = [];
  for await (const doc of eachDocument(repo.models, {})) {
    const m = doc.data;
    if (m.state === 'reading') jobs.push({ kind: 'analyse-model', modelId: m.id });
    for (const check of m.checks) if (check.state === 'queued') jobs.push({ kind: 'check-model', modelId: m.id, checkId: check.id });
  }
  return jobs;
}
