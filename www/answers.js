// The forms for everything beside the school table: the government score, the guarantee
// and quality items, the survey and the vetoes. They are drawn from the profile's item
// lists and write into `answers`; the page recomputes on every change.

import { t } from './i18n.js';
import { escapeHtml as h } from './editor.js';

const GROUPS = ['students', 'parents', 'teachers', 'principals', 'deputies', 'residents'];
const ASPECTS = ['access', 'funding', 'teachers', 'management'];

/** Sets `answers` from a form control carrying data-answer and friends. */
export function readControl(answers, el) {
  const { answer, id, measure, field } = el.dataset;
  const number = el.value.trim() === '' ? undefined : Number(el.value);
  const item = () => (answers.items[id] ??= { met: null, values: {}, comment: '' });
  const yesNo = el.value === 'yes' ? true : el.value === 'no' ? false : null;
  switch (answer) {
    case 'gate':
      answers.school_standard_met = yesNo;
      break;
    case 'points':
      if (number === undefined || Number.isNaN(number)) delete answers.government_points[id];
      else answers.government_points[id] = number;
      break;
    case 'met':
      item().met = yesNo;
      break;
    case 'value':
      if (number === undefined || Number.isNaN(number)) delete item().values[measure];
      else item().values[measure] = number;
      break;
    case 'comment':
      item().comment = el.value;
      break;
    case 'survey': {
      const count = (answers.survey[id] ??= { respondents: 0, satisfied: 0 });
      count[field] = number === undefined || Number.isNaN(number) ? 0 : number;
      if (!count.respondents && !count.satisfied) delete answers.survey[id];
      break;
    }
    case 'veto':
      answers.vetoes = answers.vetoes.filter((v) => v !== id).concat(el.checked ? [id] : []);
      break;
  }
}

export function emptyAnswers() {
  return { school_standard_met: null, government_points: {}, items: {}, survey: {}, vetoes: [] };
}

const yesNoSelect = (attrs, value, lang) => `<select ${attrs}>
  <option value=""${value == null ? ' selected' : ''}>${h(t(lang, 'unanswered'))}</option>
  <option value="yes"${value === true ? ' selected' : ''}>${h(t(lang, 'yes'))}</option>
  <option value="no"${value === false ? ' selected' : ''}>${h(t(lang, 'no'))}</option></select>`;

const numberInput = (attrs, value, label) =>
  `<input type="number" inputmode="decimal" step="any" min="0" ${attrs} value="${value ?? ''}" aria-label="${h(label)}">`;

/** Writes the core's subtotals and rates into the forms, which are not redrawn while typing. */
export function fillTotals(container, parts) {
  const set = (testid, text) => {
    const cell = container.querySelector(`[data-testid="${testid}"]`);
    if (cell) cell.textContent = text;
  };
  for (const part of parts) {
    if (part.part === 'government') {
      for (const s of part.subtotals) set(`subtotal-${s.aspect}`, s.points);
      set('government-total', part.score);
    }
    if (part.part === 'satisfaction' || part.part === 'recognition') {
      for (const g of GROUPS) set(`rate-${g}`, '—');
      for (const item of part.items) {
        set(`rate-${item.id}`, item.value == null ? '—' : `${item.value.toFixed(1)}%`);
      }
    }
  }
}

/** The forms of the chosen standard. `computed` holds the ids the school table decides. */
export function renderAnswers(standard, profile, answers, computed, lang) {
  return standard === 'basic2012'
    ? gateForm(answers, lang) + governmentForm(profile.basic2012, answers, lang) + surveyForm('satisfaction', answers, lang)
    : checkForm('guarantee', profile.quality2017.guarantees, answers, computed, lang) +
        checkForm('quality', profile.quality2017.quality, answers, computed, lang) +
        surveyForm('recognition', answers, lang) +
        vetoForm(profile.quality2017.vetoes, answers, lang);
}

function section(id, title, body, note = '') {
  return `<fieldset class="answers" id="answers-${id}"><legend>${h(title)}</legend>${note ? `<p class="meta">${h(note)}</p>` : ''}${body}</fieldset>`;
}

function gateForm(answers, lang) {
  const label = t(lang, 'gateQuestion');
  return section('gate', t(lang, 'partSchoolStandard'),
    `<label class="inline">${h(label)} ${yesNoSelect(`data-answer="gate" data-testid="answer-gate"`, answers.school_standard_met, lang)}</label>`);
}

function governmentForm(basic, answers, lang) {
  const rows = ASPECTS.map((aspect) => {
    const items = basic.government_items.filter((i) => i.aspect === aspect);
    const max = items.reduce((s, i) => s + i.max_points, 0);
    const body = items.map((i) => `<tr><td>${h(i.id)}</td><td>${h(i.text[lang])}</td><td class="num">${i.max_points}</td>
      <td>${numberInput(`data-answer="points" data-id="${i.id}" max="${i.max_points}" data-testid="points-${i.id}"`, answers.government_points[i.id], i.text[lang])}</td></tr>`).join('');
    return `<tr class="aspect"><th colspan="2" scope="rowgroup">${h(t(lang, `aspect_${aspect}`))}</th><td class="num">${max}</td><td class="num" data-testid="subtotal-${aspect}"></td></tr>${body}`;
  }).join('');
  const head = [t(lang, 'itemNo'), t(lang, 'item'), t(lang, 'maxPoints'), t(lang, 'points')].map((n) => `<th scope="col">${h(n)}</th>`).join('');
  return section('government', t(lang, 'partGovernment'),
    `<div class="table-scroll"><table class="form-table"><thead><tr>${head}</tr></thead><tbody>${rows}
      <tr class="total"><th colspan="3" scope="row">${h(t(lang, 'totalScore', { pass: basic.government_pass }))}</th><td class="num" data-testid="government-total"></td></tr></tbody></table></div>`,
    t(lang, 'governmentNote'));
}

function checkForm(id, items, answers, computed, lang) {
  const rows = items.map((item) => {
    const a = answers.items[item.id] ?? {};
    let control;
    if (computed.has(item.id)) {
      control = `<span class="computed">${h(t(lang, 'computedFromTable'))}</span>`;
    } else if (item.measures.length) {
      control = item.measures.map((m) => `<label class="measure">${h(m.text[lang])}
        ${numberInput(`data-answer="value" data-id="${item.id}" data-measure="${m.id}" data-testid="value-${item.id}-${m.id}"`, a.values?.[m.id], m.text[lang])}
        <span class="unit">${h(m.unit)} ${h(rule(m))}</span></label>`).join('');
    } else {
      control = yesNoSelect(`data-answer="met" data-id="${item.id}" data-testid="met-${item.id}" aria-label="${h(item.text[lang])}"`, a.met, lang);
      if (item.computed) control += `<span class="meta"> ${h(t(lang, 'computedHint'))}</span>`;
    }
    const comment = `<input type="text" data-answer="comment" data-id="${item.id}" value="${h(a.comment ?? '')}" aria-label="${h(t(lang, 'comment'))} ${h(item.id)}" placeholder="${h(t(lang, 'comment'))}">`;
    return `<tr><td>${h(item.id)}</td><td>${h(item.text[lang])}</td><td class="control">${control}</td><td>${comment}</td></tr>`;
  }).join('');
  const head = [t(lang, 'itemNo'), t(lang, 'item'), t(lang, 'answer'), t(lang, 'comment')].map((n) => `<th scope="col">${h(n)}</th>`).join('');
  const title = t(lang, id === 'guarantee' ? 'partGuarantee' : 'partQuality');
  return section(id, title, `<div class="table-scroll"><table class="form-table"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`, t(lang, 'allMustHold'));
}

function rule(m) {
  return m.min != null ? `≥ ${m.min}` : m.below != null ? `< ${m.below}` : '';
}

function surveyForm(id, answers, lang) {
  const rows = GROUPS.map((g) => {
    const c = answers.survey[g] ?? {};
    const name = t(lang, `group_${g}`);
    return `<tr><th scope="row">${h(name)}</th>
      <td>${numberInput(`data-answer="survey" data-id="${g}" data-field="respondents" data-testid="survey-${g}-respondents"`, c.respondents || '', `${name} ${t(lang, 'respondents')}`)}</td>
      <td>${numberInput(`data-answer="survey" data-id="${g}" data-field="satisfied" data-testid="survey-${g}-satisfied"`, c.satisfied || '', `${name} ${t(lang, 'satisfied')}`)}</td>
      <td class="num" data-testid="rate-${g}"></td></tr>`;
  }).join('') + `<tr class="total"><th scope="row">${h(t(lang, 'overallRate'))}</th><td></td><td></td><td class="num" data-testid="rate-overall"></td></tr>`;
  const head = [t(lang, 'group'), t(lang, 'respondents'), t(lang, 'satisfied'), t(lang, 'rate')].map((n) => `<th scope="col">${h(n)}</th>`).join('');
  const title = t(lang, id === 'recognition' ? 'partRecognition' : 'partSatisfaction');
  return section(id, title, `<div class="table-scroll"><table class="form-table survey"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`, t(lang, 'surveyNote'));
}

function vetoForm(vetoes, answers, lang) {
  const boxes = vetoes.map((v) => `<label class="check"><input type="checkbox" data-answer="veto" data-id="${v.id}" data-testid="veto-${v.id}"${answers.vetoes.includes(v.id) ? ' checked' : ''}> ${h(v.text[lang])}</label>`).join('');
  return section('veto', t(lang, 'partVeto'), `<div class="checks">${boxes}</div>`, t(lang, 'vetoNote'));
}
