import type { Consultation, Contribution } from '@foederal/recommendations';
import { buildExampleCatalogue } from '@foederal/recommendations/examples';
import type { StartCredential } from '../auth/credentials.js';
import { generatePassword } from '../auth/passwords.js';
import { createUser } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { saveBody } from '../domain/body.js';
import { createConsultation } from '../domain/consultations.js';
import { checkModel, uploadModel } from '../domain/models.js';
import { seedDemoOperation } from '../domain/operation.js';
import { createPilot, importReport } from '../domain/pilots.js';
import { saveProject } from '../domain/projects.js';
import { createRecommendation } from '../domain/recommendations.js';
import { importDecision, recordVote } from '../domain/votes.js';
import { demoBody } from './body-data.js';
import { schoolIfc } from './school-ifc.js';
import { schoolIds, schoolIdsName } from './school-ids.js';

/** The demo accounts besides the first administrator (see `bootstrapAdmin`). */
export const demoAccounts = [
  { username: 'geschaeftsstelle', displayName: 'Geschäftsstelle', role: 'secretariat' },
  { username: 'mitglied', displayName: 'Sabine Keller (Hessen)', role: 'member' },
] as const;

/** The seed contribution: its text carries markup that must be shown as text, never run. */
export function seedContribution(consultation: Consultation, submittedAt: string): Contribution {
  return {
    id: 'beitrag-demo-markup',
    anchor: { section: consultation.sections[0]?.anchor ?? '1' },
    text: {
      de: 'Bitte Raumbuch und Flächen gemeinsam ausliefern.<br>Zweite Zeile mit <script>alert("x")</script> als Text, nicht als Code.',
    },
    author: { kind: 'organisation', name: 'Landkreis Musterstadt (Demo)', jurisdiction: { level: 'administrativeDistrict', key: '08128', name: 'Main-Tauber-Kreis' } },
    submittedAt,
    state: 'published',
  };
}

/**
 * Load the demo data into an empty database, exactly once even when several instances start
 * at the same time on one PostgreSQL database (the `demo-seeded` claim and every insert share one
 * transaction). The demo accounts each get their own generated password, handed to
 * `onAccounts` to be shown once (never a shared one, never `ADMIN_PASSWORD`). Returns false when
 * the data was already there.
 */
export async function seedDemo(ctx: AppContext, onAccounts?: (accounts: StartCredential[]) => void): Promise<boolean> {
  const now = ctx.now();
  const accounts: StartCredential[] = [];
  const catalogue = buildExampleCatalogue({ baseUrl: ctx.baseUrl });
  const seeded = await ctx.repo.transaction(async (tx) => {
    if (!(await tx.meta.claim('demo-seeded', now.toISOString()))) return false;
    for (const account of demoAccounts) {
      if (await tx.users.byName(account.username)) continue;
      const password = generatePassword();
      await createUser(tx, { ...account, password });
      accounts.push({ username: account.username, role: account.role, password });
    }
    const { recommendations: _r, consultations: _c, pilots: _p, experienceReports: _e, ...header } = catalogue;
    await tx.meta.claim('catalogue-header', JSON.stringify(header));
    await saveBody(tx, demoBody());
    for (const rec of catalogue.recommendations) {
      await createRecommendation(tx, rec);
      if (rec.decision) await importDecision(tx, rec.decision, { de: `Beschluss: ${rec.shortTitle.de} ${rec.edition}`, en: `Decision: ${rec.shortTitle.en ?? rec.shortTitle.de} ${rec.edition}` }, rec.id);
    }
    for (const consultation of catalogue.consultations) {
      const submittedAt = new Date(Math.min(Date.parse(consultation.closes), Math.max(Date.parse(consultation.opens) + 86_400_000, now.getTime() - 3_600_000))).toISOString();
      await createConsultation(tx, { ...consultation, contributions: [...consultation.contributions, seedContribution(consultation, submittedAt)] });
    }
    for (const pilot of catalogue.pilots) await createPilot(tx, pilot);
    for (const report of catalogue.experienceReports) await importReport(tx, report);
    await recordVote(tx, {
      title: { de: 'Entwurf „Gebäudebetrieb 2027“ in die öffentliche Konsultation geben', en: 'Send the draft "Building Operation 2027" to public consultation' },
      motionKind: 'procedural',
      date: now.toISOString().slice(0, 10),
      present: ['m-bund', 'm-de-bw', 'm-de-by', 'm-de-be', 'm-de-hh', 'm-de-he', 'm-de-nw', 'm-de-sn', 'm-dst', 'm-dlt', 'm-dstgb', 'm-hochschule'],
      ballots: {
        'm-bund': 'yes', 'm-de-bw': 'yes', 'm-de-by': 'no', 'm-de-be': 'yes', 'm-de-hh': 'yes', 'm-de-he': 'abstain',
        'm-de-nw': 'yes', 'm-de-sn': 'yes', 'm-dst': 'yes', 'm-dlt': 'yes', 'm-dstgb': 'abstain',
      },
    });
    await saveProject(tx, {
      id: 'ifc-pruefdienst-2027',
      title: { de: 'Gemeinsamer IFC-Prüfdienst 2027', en: 'Joint IFC checking service 2027' },
      description: {
        de: 'Betrieb und Weiterentwicklung des quelloffenen IFC-Prüfdienstes auf openCode für alle beteiligten Verwaltungen.',
        en: 'Operation and development of the open-source IFC checking service on openCode for all participating administrations.',
      },
      total: 480_000_00,
      rules: 'amev-style-working-group',
      date: '2027-01-01',
      participants: [
        { id: 'bund', level: 'federal', name: 'Bund' },
        { id: 'de-by', level: 'state', state: 'DE-BY', name: 'Bayern' },
        { id: 'de-he', level: 'state', state: 'DE-HE', name: 'Hessen' },
        { id: 'de-nw', level: 'state', state: 'DE-NW', name: 'Nordrhein-Westfalen' },
        { id: 'de-sn', level: 'state', state: 'DE-SN', name: 'Sachsen' },
        { id: 'dst', level: 'municipality', name: 'Deutscher Städtetag' },
        { id: 'dstgb', level: 'municipality', name: 'Deutscher Städte- und Gemeindebund' },
      ],
    });
    const model = await uploadModel(tx, { name: 'Grundschule Am Lindenhof (Demo)', fileName: 'grundschule-am-lindenhof.ifc', bytes: new TextEncoder().encode(schoolIfc()), uploadedBy: 'Geschäftsstelle', now });
    await model.task;
    await checkModel(tx, model.doc.id, schoolIds(), schoolIdsName, now);
    // EDE list and a queued check of a generated year of trends, run on the Betrieb page's first view (ADR 0161).
    await seedDemoOperation(tx, model.doc.id, now);
    return true;
  });
  if (seeded) {
    ctx.log.info({ accounts: accounts.map((a) => a.username) }, 'Demodaten geladen / demo data loaded');
    onAccounts?.(accounts);
  }
  return seeded;
}
