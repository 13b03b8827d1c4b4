import { createHash, randomBytes } from 'node:crypto';
import type { Attachment, AttachmentRole, Consultation, Recommendation } from '@foederal/recommendations';
import { parseIds } from '@foederal/ids';
import type { Repository, Versioned } from '../db/repository.js';
import { AppError } from '../errors.js';
import { checkAttachment, attachmentTypes } from './attachments.js';
import { audit, type AuditContext } from './audit.js';
import { createConsultation } from './consultations.js';
import { check } from './validation.js';
import { applyEvent, createRecommendation, updateRecommendation } from './recommendations.js';

/** Days a consultation opened from the secretariat's overview runs. */
export const standardConsultationDays = 42;

/**
 * Change a running consultation: title, period and sections, at the version the secretariat saw.
 * A section that contributions refer to cannot be removed; a recommendation in consultation gets
 * the new period in its status too. One transaction, audited.
 *
 * @example
 * await updateConsultation(repo, 'konsultation-x', 1, { ...consultation, closes: '2027-04-30T21:59:59.000Z' }, who);
 */
export async function updateConsultation(repo: Repository, id: string, expectedVersion: number, input: Consultation, who: Omit<AuditContext, 'repo'>): Promise<Versioned<Consultation>> {
  const next = check('Consultation', { ...input, id, contributions: [] });
  return repo.transaction(async (tx) => {
    const before = await tx.consultations.require(id);
    if (before.version !== expectedVersion) throw new AppError('precondition-failed', `Die Konsultation wurde inzwischen geändert / the consultation was changed meanwhile (${before.version})`);
    if (next.recommendation !== before.data.recommendation) throw new AppError('validation', 'Die Empfehlung einer Konsultation bleibt / a consultation keeps its recommendation');
    const anchors = new Set(next.sections.map((s) => s.anchor));
    for (const removed of before.data.sections.filter((s) => !anchors.has(s.anchor))) {
      const used = await tx.contributions.count({ parentId: id, fields: { 'anchor.section': removed.anchor } });
      if (used > 0) {
        throw new AppError('validation', `Abschnitt ${removed.anchor} hat ${used} Beiträge und bleibt / section ${removed.anchor} has ${used} contributions and stays`, {
          details: { errors: [{ path: 'sections', message: `Abschnitt ${removed.anchor} hat Beiträge / section ${removed.anchor} has contributions` }] },
        });
      }
    }
    const after = await tx.consultations.update(id, before.version, next, { parentId: next.recommendation, status: null, sortKey: `${next.opens}|${next.id}`, search: `${next.title.de} ${next.title.en ?? ''}` });
    const rec = await tx.recommendations.require(next.recommendation);
    if (rec.data.status.state === 'consultation' && rec.data.status.consultation === id) {
      await updateRecommendation(tx, rec.id, rec.version, { ...rec.data, status: { ...rec.data.status, opens: next.opens, closes: next.closes } });
    }
    await audit({ ...who, repo: tx }, 'consultation.update', `consultations/${id}`, before, after);
    return after;
  });
}

/** A file uploaded with a form and kept until the form is saved. */
export interface PendingUpload {
  /** Random token; the bytes are stored as file `pending:<token>`. */
  readonly token: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly byteSize: number;
}

/** Guess a media type from the file name when the browser sent none or a generic one. */
function mediaTypeOf(file: { name: string; type: string }, role: AttachmentRole): string {
  if (role === 'data-requirements') return 'application/ids+xml';
  const given = file.type.split(';')[0]!.trim().toLowerCase();
  if (given && given !== 'application/octet-stream' && attachmentTypes[given]) return given;
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const byExtension = Object.entries(attachmentTypes).find(([, t]) => t.extension === extension || (extension === 'jpeg' && t.extension === 'jpg'));
  return byExtension?.[0] ?? given ?? 'application/octet-stream';
}

/**
 * Keep an uploaded form file before the form is valid: checks the type against its bytes (the
 * allow list of `attachments.ts`), and for the IDS role that the file is an IDS document, then
 * stores it under a random token. Throws `unsupported-media-type` or `validation` otherwise.
 *
 * @example
 * const kept = await keepUpload(repo, file, 'main');
 */
export async function keepUpload(repo: Repository, file: File, role: AttachmentRole): Promise<PendingUpload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mediaType = checkAttachment(mediaTypeOf(file, role), bytes);
  if (role === 'data-requirements') {
    try {
      parseIds(bytes);
    } catch (error) {
      throw new AppError('validation', `Keine gültige IDS-Datei / not a valid IDS file: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  const token = randomBytes(16).toString('hex');
  await repo.files.put(`pending:${token}`, mediaType, bytes);
  return { token, fileName: file.name.slice(0, 200) || 'datei', mediaType, byteSize: bytes.byteLength };
}

/** An attachment of the form: a kept upload, its role and title. */
export interface DraftAttachment {
  readonly upload: PendingUpload;
  readonly role: AttachmentRole;
  readonly title: string;
}

function attachmentId(role: AttachmentRole, fileName: string, taken: Set<string>): string {
  const base = `${role === 'main' ? 'hauptdokument' : role === 'data-requirements' ? 'ids' : 'anlage'}-${fileName.toLowerCase().replace(/\.[a-z0-9]+$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'datei'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Save a recommendation draft from the form (create when `expectedVersion` is undefined, else
 * update at that version) with its new attachments: each kept upload becomes an attachment with
 * SHA-256, size and download URL, its bytes move to the attachment's file. One transaction; the
 * audit entry names the change.
 *
 * @example
 * await saveDraft(repo, record, [{ upload, role: 'main', title: 'Hauptdokument' }], undefined, who, 'https://ak.example');
 */
export async function saveDraft(
  repo: Repository,
  record: Recommendation,
  added: readonly DraftAttachment[],
  expectedVersion: number | undefined,
  who: Omit<AuditContext, 'repo'>,
  baseUrl: string,
): Promise<Versioned<Recommendation>> {
  return repo.transaction(async (tx) => {
    const before = expectedVersion === undefined ? undefined : ((await tx.recommendations.require(record.id)));
    if (before && before.version !== expectedVersion) {
      throw new AppError('precondition-failed', `Die Empfehlung wurde inzwischen geändert / the recommendation was changed meanwhile (${before.version})`);
    }
    const taken = new Set(record.attachments.map((a) => a.id));
    const attachments: Attachment[] = [...record.attachments];
    for (const a of added) {
      const file = await tx.files.get(`pending:${a.upload.token}`);
      if (!file) throw new AppError('validation', `Hochgeladene Datei nicht mehr vorhanden / uploaded file is gone: ${a.upload.fileName}`);
      const id = attachmentId(a.role, a.upload.fileName, taken);
      // One main document: a new one replaces the old.
      if (a.role === 'main') {
        const old = attachments.findIndex((x) => x.role === 'main');
        if (old >= 0) attachments.splice(old, 1);
      }
      attachments.push({
        id,
        title: { de: a.title || a.upload.fileName },
        role: a.role,
        mediaType: file.mediaType,
        byteSize: file.bytes.byteLength,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        downloadUrl: `${baseUrl}/api/v1/recommendations/${record.id}/attachments/${id}`,
      });
      await tx.files.put(`attachment:${record.id}/${id}`, file.mediaType, file.bytes);
      await tx.files.delete(`pending:${a.upload.token}`);
    }
    const next = { ...record, attachments };
    const after = before ? await updateRecommendation(tx, record.id, before.version, next) : await createRecommendation(tx, next);
    await audit({ ...who, repo: tx }, before ? 'recommendation.update' : 'recommendation.create', `recommendations/${record.id}`, before, after);
    return after;
  });
}

/**
 * Open the consultation on a draft: store the consultation (period and sections) and move the
 * recommendation to `consultation`, in one transaction, audited.
 *
 * @example
 * await openConsultation(repo, 'gebaeudedaten-2028', consultation, who);
 */
export async function openConsultation(repo: Repository, recommendationId: string, consultation: Consultation, who: Omit<AuditContext, 'repo'>): Promise<Versioned<Consultation>> {
  return repo.transaction(async (tx) => {
    const before = await tx.recommendations.require(recommendationId);
    const doc = await createConsultation(tx, consultation);
    const after = await applyEvent(tx, recommendationId, before.version, { type: 'open-consultation', opens: consultation.opens, closes: consultation.closes, consultation: consultation.id }, who.now());
    await audit({ ...who, repo: tx }, 'consultation.create', `consultations/${consultation.id}`, null, doc);
    await audit({ ...who, repo: tx }, 'recommendation.open-consultation', `recommendations/${recommendationId}`, before, after);
    return doc;
  });
}

/**
 * Open a consultation of {@link standardConsultationDays} days on a recommendation from the
 * secretariat's overview: the consultation `konsultation-<id>` is created (unless a retried step
 * created it already) with the title and sections `describe` gives, and the recommendation moves
 * to `consultation`, in one transaction.
 *
 * @example
 * await openStandardConsultation(repo, 'wartung-2027', new Date(), (rec) => ({ title: { de: `Konsultation ${rec.number}` }, sections: [{ anchor: '1', title: { de: 'Gesamter Entwurf' } }] }));
 */
export async function openStandardConsultation(
  repo: Repository,
  id: string,
  now: Date,
  describe: (rec: Recommendation) => Pick<Consultation, 'title' | 'sections'>,
): Promise<Versioned<Recommendation>> {
  const opens = now.toISOString();
  const closes = new Date(now.getTime() + standardConsultationDays * 86_400_000).toISOString();
  return repo.transaction(async (tx) => {
    const rec = (await tx.recommendations.require(id)).data;
    const consultationId = `konsultation-${id}`.slice(0, 120);
    if (!(await tx.consultations.get(consultationId))) {
      await createConsultation(tx, { id: consultationId, recommendation: id, draftVersion: rec.version, opens, closes, contributions: [], ...describe(rec) });
    }
    return applyEvent(tx, id, undefined, { type: 'open-consultation', opens, closes, consultation: consultationId }, now);
  });
}
