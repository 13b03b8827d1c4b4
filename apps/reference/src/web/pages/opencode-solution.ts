import { html } from 'hono/html';
import type { SolutionInfo } from '../../domain/opencode-solution.js';
import type { Lang } from '../i18n.js';
import { alert, type Markup } from '../layout.js';

/** German texts of the solution section: the source of the key type; English is checked against it. */
const de = {
  heading: 'Die Lösung laut publiccode.yml',
  source: 'Gelesen aus dem openCode-Repository',
  ref: 'Stand',
  name: 'Name',
  description: 'Beschreibung',
  licence: 'Lizenz',
  maintenance: 'Wartung',
  platforms: 'Plattformen',
  version: 'Version',
  validation: 'Prüfung der publiccode.yml',
  valid: 'gültig',
  validWithWarnings: 'gültig mit Hinweisen',
  invalid: 'ungültig',
  unreachable: 'openCode ist nicht erreichbar; die Angaben der publiccode.yml können gerade nicht gezeigt werden.',
  missing: 'Das Repository enthält keine publiccode.yml.',
  refused: 'Die publiccode.yml wurde zurückgewiesen.',
  contractors: 'Auftragnehmer',
  contacts: 'Kontakt',
  none: '–',
  maintenanceInternal: 'intern',
  maintenanceContract: 'im Auftrag',
  maintenanceCommunity: 'Community',
  maintenanceNone: 'keine',
  asOf: 'abgerufen',
} as const;

type SolutionKey = keyof typeof de;

/** English texts of the solution section, complete by type. */
const en: Record<SolutionKey, string> = {
  heading: 'The solution according to its publiccode.yml',
  source: 'Read from the openCode repository',
  ref: 'Ref',
  name: 'Name',
  description: 'Description',
  licence: 'Licence',
  maintenance: 'Maintenance',
  platforms: 'Platforms',
  version: 'Version',
  validation: 'Check of the publiccode.yml',
  valid: 'valid',
  validWithWarnings: 'valid with warnings',
  invalid: 'invalid',
  unreachable: 'openCode is unreachable; the publiccode.yml data cannot be shown right now.',
  missing: 'The repository has no publiccode.yml.',
  refused: 'The publiccode.yml was refused.',
  contractors: 'Contractors',
  contacts: 'Contact',
  none: '–',
  maintenanceInternal: 'internal',
  maintenanceContract: 'under contract',
  maintenanceCommunity: 'community',
  maintenanceNone: 'none',
  asOf: 'fetched',
};

const st = (lang: Lang, key: SolutionKey): string => (lang === 'de' ? de[key] : en[key]);

const maintenanceKey: Record<string, SolutionKey> = { internal: 'maintenanceInternal', contract: 'maintenanceContract', community: 'maintenanceCommunity', none: 'maintenanceNone' };

/**
 * The section of a pilot page about its open-source solution: name, description, licence,
 * maintenance, platforms from the publiccode.yml and the validation report, or a clear note
 * that openCode is unreachable or the file is missing.
 */
export function solutionView(info: SolutionInfo, repository: string, lang: Lang): Markup {
  const head = html`<h2 class="kern-heading-medium">${st(lang, 'heading')}</h2>
<p class="kern-body--small">${st(lang, 'source')} <a class="kern-link" href="${repository}">${repository}</a> · ${st(lang, 'ref')} <code>${info.ref}</code></p>`;
  if (info.state === 'unreachable') {
    return html`${head}${alert('warning', lang === 'de' ? 'openCode nicht erreichbar' : 'openCode unreachable', st(lang, 'unreachable'))}`;
  }
  if (info.state === 'missing') return html`${head}${alert('info', st(lang, 'missing'))}`;
  if (info.state === 'refused') return html`${head}${alert('warning', st(lang, 'refused'), info.reason)}`;
  const description = info.descriptions.find((d) => d.lang === lang) ?? info.descriptions[0];
  const outcome = info.outcome === 'valid' ? st(lang, 'valid') : info.outcome === 'valid-with-warnings' ? st(lang, 'validWithWarnings') : st(lang, 'invalid');
  const m = info.maintenance;
  return html`${head}
<dl class="kern-description-list">
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${st(lang, 'name')}</dt><dd class="kern-description-list-item__value">${info.name || st(lang, 'none')}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${st(lang, 'description')}</dt><dd class="kern-description-list-item__value"${description && description.lang !== lang ? html` lang="${description.lang}"` : ''}>${description ? description.short : st(lang, 'none')}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${st(lang, 'licence')}</dt><dd class="kern-description-list-item__value">${info.licence ?? st(lang, 'none')}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${st(lang, 'maintenance')}</dt><dd class="kern-description-list-item__value">${m ? `${maintenanceKey[m.type] ? st(lang, maintenanceKey[m.type] as SolutionKey) : m.type}${m.contractors.length ? ` · ${st(lang, 'contractors')}: ${m.contractors.join(', ')}` : ''}${m.contacts.length ? ` · ${st(lang, 'contacts')}: ${m.contacts.join(', ')}` : ''}` : st(lang, 'none')}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${st(lang, 'platforms')}</dt><dd class="kern-description-list-item__value">${info.platforms.length ? info.platforms.join(', ') : st(lang, 'none')}</dd></div>
  ${info.softwareVersion ? html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${st(lang, 'version')}</dt><dd class="kern-description-list-item__value">${info.softwareVersion}</dd></div>` : ''}
</dl>
${description?.long ? html`<p class="kern-body"${description.lang !== lang ? html` lang="${description.lang}"` : ''}>${description.long}</p>` : ''}
<h3 class="kern-heading-small">${st(lang, 'validation')}: ${outcome}</h3>
<pre class="kern-body--small publiccode-report" lang="${lang}">${info.report[lang]}</pre>`;
}
