import { html } from 'hono/html';
import type { SolutionInfo } from '../../domain/opencode-solution.js';
import type { Language } from '../i18n.js';
import { alert, type Markup } from '../layout.js';
import { opencodeSolutionText } from '../strings/opencode-solution.js';

const maintenanceKey = { internal: 'maintenanceInternal', contract: 'maintenanceContract', community: 'maintenanceCommunity', none: 'maintenanceNone' } as const;

/** The label of a maintenance type of publiccode.yml, or the type as written. */
function maintenanceText(lang: Language, type: string): string {
  const keys: Readonly<Partial<Record<string, (typeof maintenanceKey)[keyof typeof maintenanceKey]>>> = maintenanceKey;
  const key = keys[type];
  return key ? opencodeSolutionText(lang, key) : type;
}

/**
 * The section of a pilot page about its open-source solution: name, description, licence,
 * maintenance, platforms from the publiccode.yml and the validation report, or a clear note
 * that openCode is unreachable or the file is missing.
 */
export function solutionView(info: SolutionInfo, repository: string, lang: Language): Markup {
  const head = html`<h2 class="kern-heading-medium">${opencodeSolutionText(lang, 'heading')}</h2>
<p class="kern-body--small">${opencodeSolutionText(lang, 'source')} <a class="kern-link" href="${repository}">${repository}</a> · ${opencodeSolutionText(lang, 'ref')} <code>${info.ref}</code></p>`;
  if (info.state === 'unreachable') {
    return html`${head}${alert('warning', opencodeSolutionText(lang, 'opencodeUnreachable'), opencodeSolutionText(lang, 'unreachable'))}`;
  }
  if (info.state === 'missing') return html`${head}${alert('info', opencodeSolutionText(lang, 'missing'))}`;
  if (info.state === 'refused') return html`${head}${alert('warning', opencodeSolutionText(lang, 'refused'), info.reason)}`;
  const description = info.descriptions.find((d) => d.lang === lang) ?? info.descriptions[0];
  const outcome = info.outcome === 'valid' ? opencodeSolutionText(lang, 'valid') : info.outcome === 'valid-with-warnings' ? opencodeSolutionText(lang, 'validWithWarnings') : opencodeSolutionText(lang, 'invalid');
  const m = info.maintenance;
  return html`${head}
<dl class="kern-description-list">
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${opencodeSolutionText(lang, 'name')}</dt><dd class="kern-description-list-item__value">${info.name || opencodeSolutionText(lang, 'none')}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${opencodeSolutionText(lang, 'description')}</dt><dd class="kern-description-list-item__value"${description && description.lang !== lang ? html` lang="${description.lang}"` : ''}>${description ? description.short : opencodeSolutionText(lang, 'none')}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${opencodeSolutionText(lang, 'licence')}</dt><dd class="kern-description-list-item__value">${info.licence ?? opencodeSolutionText(lang, 'none')}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${opencodeSolutionText(lang, 'maintenance')}</dt><dd class="kern-description-list-item__value">${m ? `${maintenanceText(lang, m.type)}${m.contractors.length ? ` · ${opencodeSolutionText(lang, 'contractors')}: ${m.contractors.join(', ')}` : ''}${m.contacts.length ? ` · ${opencodeSolutionText(lang, 'contacts')}: ${m.contacts.join(', ')}` : ''}` : opencodeSolutionText(lang, 'none')}</dd></div>
  <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${opencodeSolutionText(lang, 'platforms')}</dt><dd class="kern-description-list-item__value">${info.platforms.length ? info.platforms.join(', ') : opencodeSolutionText(lang, 'none')}</dd></div>
  ${info.softwareVersion ? html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${opencodeSolutionText(lang, 'version')}</dt><dd class="kern-description-list-item__value">${info.softwareVersion}</dd></div>` : ''}
</dl>
${description?.long ? html`<p class="kern-body"${description.lang !== lang ? html` lang="${description.lang}"` : ''}>${description.long}</p>` : ''}
<h3 class="kern-heading-small">${opencodeSolutionText(lang, 'validation')}: ${outcome}</h3>
<pre class="kern-body--small publiccode-report" lang="${lang}">${info.report[lang]}</pre>`;
}
