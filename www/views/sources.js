// Where a level's differences come from, beside its indicators: each CV against its limit as
// a chart (SVG), the schools with the largest shares of each variance, and the split of each
// variance inside and between townships or urban/rural groups, as the core computed them.

import { t } from '../i18n/i18n.js';
import { headedTable, html, scrollBox, user } from '../lib/html.js';
import { formatCv, formatLimit, formatShare, formatValue } from '../lib/format.js';
import { labelWidth } from '../lib/markup.js';

/** @typedef {import('../types/Evaluation').Evaluation} Evaluation
 *  @typedef {import('../types/Level').Level} Level
 *  @typedef {import('../types/Lang').Lang} Lang
 *  @typedef {import('../types/Problem').Problem} Problem
 *  @typedef {import('../types/PartItem').PartItem} PartItem
 *  @typedef {import('../types/Part').Part} Part
 *  @typedef {import('../types/Review').Review} Review
 *  @typedef {import('../types/MappedColumn').MappedColumn} MappedColumn
 *  @typedef {import('../types/SchoolResult').SchoolResult} SchoolResult
 *  @typedef {import('../types/IndicatorResult').IndicatorResult} IndicatorResult
 *  @typedef {import('../types/LevelResult').LevelResult} LevelResult */

/** Everything below a level's indicators: the chart, the contributions and the splits.
 * @param {LevelResult} r @param {Level} level @param {Lang} lang */
export const renderSources = (r, level, lang) =>
  html`${renderChart(r, level, lang)}${renderContributions(r, level, lang)}${renderGroups(r, level, lang)}${renderGroups(r, level, lang, 'localities')}`;

/** With a 乡镇/学区 column (or, `split` = 'localities', a 城乡类型 one): how much of each
 * indicator's variance is inside the groups and how much between them, and the groups
 * furthest below and above (the core splits it exactly and names them).
 * @param {LevelResult} r @param {Level} level @param {Lang} lang */
const SPLIT_WORDS = {
  groups: { title: 'groupsTitle', note: 'groupsNote', within: 'withinGroups', between: 'betweenGroups', lowest: 'lowestGroup', highest: 'highestGroup', none: 'noGroup' },
  localities: { title: 'localitiesTitle', note: 'localitiesNote', within: 'withinLocalities', between: 'betweenLocalities', lowest: 'lowestLocality', highest: 'highestLocality', none: 'noLocality' },
};

export function renderGroups(r, level, lang, split = 'groups') {
  const words = SPLIT_WORDS[split];
  // Townships are the user's names; localities are the core's keys (urban, town, rural).
  const groupName = (g) => (!g.name ? t(lang, words.none) : split === 'groups' ? user(g.name) : t(lang, `locality_${g.name}`));
  // The core's shares and extremes; an indicator whose every school has the county value has no share.
  const rows = r.indicators.filter((i) => i[split]?.within_share != null).map((i) => {
    const { within_share: within, between_share: between, groups, lowest, highest } = i[split];
    const named = (g) => html`${groupName(g)} ${formatValue(g.value, lang)}`;
    return html`<tr data-testid="${split}-${level}-${i.key}"><th scope="row">${i.name}</th>
      <td class="num" data-value="${within}">${formatShare(within, lang)}</td>
      <td class="num" data-value="${between}">${formatShare(between, lang)}</td>
      <td>${named(groups[lowest])}</td><td>${named(groups[highest])}</td></tr>`;
  });
  if (!rows.length) return '';
  const names = [t(lang, 'indicator'), t(lang, words.within), t(lang, words.between), t(lang, words.lowest), t(lang, words.highest)];
  return html`<details class="contributions"><summary>${t(lang, words.title)}</summary>
    <p class="meta">${t(lang, words.note)}</p>
    ${headedTable(t(lang, words.title), names, rows)}</details>`;
}

/** How many schools each indicator names as the source of its dispersion. */
const CONTRIBUTORS_SHOWN = 3;

/** Where each CV comes from: the schools with the largest shares of the weighted variance,
 * and whether they stand below or above the county value (the core ranks them).
 * @param {LevelResult} r @param {Level} level @param {Lang} lang */
export function renderContributions(r, level, lang) {
  const rows = r.indicators.filter((i) => i.contributions.length).map((i) => {
    const schools = i.contributions.slice(0, CONTRIBUTORS_SHOWN).map((c, k) => html`${k ? t(lang, 'listJoin') : ''}${user(c.name)}${t(lang, c.direction === 'below' ? 'contributionBelow' : 'contributionAbove', { share: formatShare(c.share, lang) })}`);
    return html`<tr data-testid="contributions-${level}-${i.key}"><th scope="row">${i.name}</th><td>${schools}</td></tr>`;
  });
  if (!rows.length) return '';
  return html`<details class="contributions"><summary>${t(lang, 'contributionsTitle')}</summary>
    <p class="meta">${t(lang, 'contributionsNote')}</p>
    ${scrollBox(t(lang, 'contributionsTitle'), html`<table><tbody>${rows}</tbody></table>`)}</details>`;
}

/** A bar per indicator CV, each with its own limit marked across its bar: SVG, no library.
 * Under basic2012 only the composite has a limit (the core's `composite_limit`; single CVs
 * have none), so it is a bar of its own and the only one marked; only the core's verdicts
 * mark a bar (in words beside it, not by colour alone).
 * @param {LevelResult} r @param {Level} level @param {Lang} lang */
export function renderChart(r, level, lang) {
  const entries = r.indicators.map((i) => ({ name: i.name, cv: i.cv, limit: i.limit, passed: i.passed, composite: false }));
  if (r.composite_limit != null) entries.push({ name: t(lang, 'composite', { n: r.indicators.length }), cv: r.composite_cv, limit: r.composite_limit, passed: r.composite_passed, composite: true });
  const top = Math.max(...entries.map((e) => Math.max(e.cv ?? 0, e.limit ?? 0)), 0.1) * 1.1;
  const [width, bar, gap] = [330, 18, 8];
  const left = Math.ceil(Math.max(...entries.map((e) => labelWidth(e.name)))) + 16;
  const x = (v) => left + (v / top) * width;
  const height = entries.length * (bar + gap) + 24;
  const bars = entries.map((e, k) => {
    const y = k * (bar + gap);
    const words = `${formatCv(e.cv, lang)}${e.passed === false ? ` ✗ ${t(lang, 'failed')}` : ''}`;
    const mark = e.limit == null ? '' : html`<line x1="${x(e.limit)}" x2="${x(e.limit)}" y1="${y - gap / 2}" y2="${y + bar + gap / 2}" class="limit"/>`;
    return html`<text x="${left - 8}" y="${y + 13}" text-anchor="end"${e.composite ? html` font-weight="bold"` : ''}>${e.name}</text>
        <rect x="${left}" y="${y}" width="${Math.max(1, x(e.cv ?? 0) - left)}" height="${bar}" class="${e.passed === false ? 'bar over' : 'bar'}"><title>${e.name} ${words}</title></rect>
        <text x="${x(e.cv ?? 0) + 4}" y="${y + 13}">${words}</text>${mark}`;
  });
  // The limit named once, under the last bar that has one.
  const named = [...entries].reverse().find((e) => e.limit != null);
  const label = named ? html`<text x="${x(named.limit)}" y="${height - 4}" text-anchor="middle" class="limit-label">${t(lang, 'chartLimit', { limit: formatLimit(named.limit, lang) })}</text>` : '';
  const title = t(lang, 'chartTitle', { level: t(lang, level) });
  return html`<figure class="chart" data-testid="chart-cv-${level}"><svg viewBox="0 0 ${left + width + 130} ${height}" role="img" aria-label="${title}">${bars}${label}</svg>
    <figcaption>${title}</figcaption></figure>`;
}
