// The forms for everything beside the school table: the government score, the guarantee
// and quality items, the survey and the vetoes. They are drawn from the profile's item
// lists and write into `answers`; the page recomputes on every change.

import { t } from '../i18n/i18n.js';
import { headedTable, html } from '../lib/html.js';
import { formatCount, formatRate } from '../lib/format.js';

/** The survey groups and government aspects, from the core (`answerForm`). */
let GROUPS = [];
let ASPECTS = [];

/** Takes the core's lists; called once when the wasm is ready. */
export function useAnswerForm(form) {
  GROUPS = form.survey_groups;
  ASPECTS = form.aspects;
}

/** `attrs` is markup: the data-* attributes that tie a control to its answer. */
const selected = (on) => (on ? html` selected` : '');
const yesNoSelect = (attrs, value, lang) => html`<select ${attrs}>
  <option value=""${selected(value == null)}>${t(lang, 'unanswered')}</option>
  <option value="yes"${selected(value === true)}>${t(lang, 'yes')}</option>
  <option value="no"${selected(value === false)}>${t(lang, 'no')}</option></select>`;

const numberInput = (attrs, value, label) =>
  html`<input type="number" inputmode="decimal" step="any" min="0" ${attrs} value="${value ?? ''}" aria-label="${label}">`;

/** Marks each field whose answer the core set aside, with its message beside it.
 * @param {HTMLElement} container @param {import('../types/Part').Part[]} parts */
export function markAnswerErrors(container, parts) {
  for (const el of container.querySelectorAll('.field-error')) el.remove();
  for (const el of container.querySelectorAll('[data-answer][aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  }
  const kinds = { government: ['points'], satisfaction: ['survey'], recognition: ['survey'], guarantee: ['value'], quality: ['value'] };
  for (const part of parts) {
    for (const item of part.items.filter((i) => i.error)) {
      const controls = [.../** @type {NodeListOf<HTMLElement>} */ (container.querySelectorAll('[data-answer][data-id]'))]
        .filter((el) => (kinds[part.part] ?? []).includes(el.dataset.answer) && el.dataset.id === item.id);
      if (!controls.length) continue;
      const id = `answer-error-${part.part}-${item.id}`;
      const message = Object.assign(document.createElement('p'), { id, className: 'field-error', textContent: item.error.message });
      message.setAttribute('role', 'alert');
      controls[controls.length - 1].closest('td, label')?.append(message);
      for (const el of controls) {
        el.setAttribute('aria-invalid', 'true');
        el.setAttribute('aria-describedby', id);
      }
    }
  }
}

/** Writes the core's subtotals and rates into the forms, which are not redrawn while typing.
 * @param {HTMLElement} container @param {import('../types/Part').Part[]} parts @param {import('../types/Lang').Lang} lang */
export function fillTotals(container, parts, lang) {
  const set = (testid, text) => {
    const cell = container.querySelector(`[data-testid="${testid}"]`);
    if (cell) cell.textContent = text;
  };
  for (const part of parts) {
    if (part.part === 'government') {
      for (const s of part.subtotals) {
        set(`subtotal-${s.aspect}`, formatCount(s.points, lang));
        set(`subtotal-max-${s.aspect}`, formatCount(s.max_points, lang));
      }
      set('government-total', formatCount(part.score, lang));
      set('government-max', formatCount(part.max_score, lang));
    }
    if (part.part === 'satisfaction' || part.part === 'recognition') {
      for (const g of GROUPS) set(`rate-${g}`, '—');
      for (const item of part.items) {
        set(`rate-${item.id}`, item.value == null ? '—' : formatRate(item.value, lang));
      }
    }
  }
}

/** The forms of the chosen standard. `computed` holds the ids the school table decides;
 * `rules`, the profile's words in `lang` from the core (`measureRules`). */
export function renderAnswers(standard, profile, answers, computed, lang, rules) {
  // The standard's part of the profile says what it asks: a government score (basic2012), or
  // guarantee and quality items with vetoes (quality2017).
  const part = profile[standard];
  return 'government_items' in part
    ? html`${gateForm(answers, lang)}${governmentForm(part, answers, lang, rules)}${surveyForm('satisfaction', answers, lang)}`
    : html`${checkForm('guarantee', part.guarantees, answers, computed, lang, rules)}${checkForm('quality', part.quality, answers, computed, lang, rules)}${surveyForm('recognition', answers, lang)}${vetoForm(part.vetoes, answers, lang, rules)}`;
}

/** An item's, measure's or veto's text: the core's, in the reader's language (繁體中文
 * included); the profile's own until the core has answered. */
const words = (rules, key, text, lang) => rules[`text:${key}`] ?? text[lang === 'en' ? 'en' : 'zh'];

function section(id, title, body, note = '') {
  return html`<fieldset class="answers" id="answers-${id}"><legend>${title}</legend>${note ? html`<p class="meta">${note}</p>` : ''}${body}</fieldset>`;
}

const formTable = (caption, names, rows, className = 'form-table') => headedTable(caption, names, rows, className);

function gateForm(answers, lang) {
  return section('gate', t(lang, 'partSchoolStandard'),
    html`<label class="inline">${t(lang, 'gateQuestion')} ${yesNoSelect(html`data-answer="gate" data-testid="answer-gate"`, answers.school_standard_met, lang)}</label>`);
}

function governmentForm(basic, answers, lang, rules) {
  const rows = ASPECTS.map((aspect) => {
    const items = basic.government_items.filter((i) => i.aspect === aspect);
    const body = items.map((i) => {
      const text = words(rules, i.id, i.text, lang);
      return html`<tr><td>${i.id}</td><td>${text}</td><td class="num">${i.max_points}</td>
      <td>${numberInput(html`data-answer="points" data-id="${i.id}" max="${i.max_points}" data-testid="points-${i.id}"`, answers.government_points[i.id], text)}</td></tr>`;
    });
    return html`<tr class="aspect"><th colspan="2" scope="rowgroup">${t(lang, `aspect_${aspect}`)}</th><td class="num" data-testid="subtotal-max-${aspect}"></td><td class="num" data-testid="subtotal-${aspect}"></td></tr>${body}`;
  });
  const title = t(lang, 'partGovernment');
  return section('government', title,
    formTable(title, [t(lang, 'itemNo'), t(lang, 'item'), t(lang, 'maxPoints'), t(lang, 'points')], html`${rows}
      <tr class="total"><th colspan="2" scope="row">${t(lang, 'totalScore', { pass: basic.government_pass })}</th><td class="num" data-testid="government-max"></td><td class="num" data-testid="government-total"></td></tr>`),
    t(lang, 'governmentNote', { pass: basic.government_pass }));
}

function checkForm(id, items, answers, computed, lang, rules) {
  const rows = items.map((item) => {
    const a = answers.items[item.id] ?? {};
    const text = words(rules, item.id, item.text, lang);
    let control;
    if (computed.has(item.id)) {
      control = html`<span class="computed">${t(lang, 'computedFromTable')}</span>`;
    } else if (item.measures.length) {
      control = item.measures.map((m) => {
        const measure = words(rules, `${item.id}.${m.id}`, m.text, lang);
        return html`<label class="measure">${measure}
        ${numberInput(html`data-answer="value" data-id="${item.id}" data-measure="${m.id}" data-testid="value-${item.id}-${m.id}"`, a.values?.[m.id], measure)}
        <span class="unit">${rules[`${item.id}.${m.id}`] ?? ''}</span></label>`;
      });
    } else {
      control = html`${yesNoSelect(html`data-answer="met" data-id="${item.id}" data-testid="met-${item.id}" aria-label="${text}"`, a.met, lang)}${item.computed ? html`<span class="meta"> ${t(lang, 'computedHint')}</span>` : ''}`;
    }
    const comment = html`<input type="text" data-answer="comment" data-id="${item.id}" value="${a.comment ?? ''}" aria-label="${t(lang, 'comment')} ${item.id}" placeholder="${t(lang, 'comment')}">`;
    return html`<tr><td>${item.id}</td><td>${text}</td><td class="control">${control}</td><td>${comment}</td></tr>`;
  });
  const title = t(lang, id === 'guarantee' ? 'partGuarantee' : 'partQuality', { n: items.length });
  return section(id, title, formTable(title, [t(lang, 'itemNo'), t(lang, 'item'), t(lang, 'answer'), t(lang, 'comment')], rows), t(lang, 'allMustHold'));
}



function surveyForm(id, answers, lang) {
  const rows = GROUPS.map((g) => {
    const c = answers.survey[g] ?? {};
    const name = t(lang, `group_${g}`);
    return html`<tr><th scope="row">${name}</th>
      <td>${numberInput(html`data-answer="survey" data-id="${g}" data-field="respondents" data-testid="survey-${g}-respondents"`, c.respondents || '', `${name} ${t(lang, 'respondents')}`)}</td>
      <td>${numberInput(html`data-answer="survey" data-id="${g}" data-field="satisfied" data-testid="survey-${g}-satisfied"`, c.satisfied || '', `${name} ${t(lang, 'satisfied')}`)}</td>
      <td class="num" data-testid="rate-${g}"></td></tr>`;
  });
  const total = html`<tr class="total"><th scope="row">${t(lang, 'overallRate')}</th><td></td><td></td><td class="num" data-testid="rate-overall"></td></tr>`;
  const title = t(lang, id === 'recognition' ? 'partRecognition' : 'partSatisfaction');
  return section(id, title, formTable(title, [t(lang, 'surveyGroup'), t(lang, 'respondents'), t(lang, 'satisfied'), t(lang, 'rate')], html`${rows}${total}`, 'form-table survey'), t(lang, 'surveyNote'));
}

function vetoForm(vetoes, answers, lang, rules) {
  const boxes = vetoes.map((v) => html`<label class="check"><input type="checkbox" data-answer="veto" data-id="${v.id}" data-testid="veto-${v.id}"${answers.vetoes.includes(v.id) ? html` checked` : ''}> ${words(rules, v.id, v.text, lang)}</label>`);
  return section('veto', t(lang, 'partVeto'), html`<div class="checks">${boxes}</div>`, t(lang, 'vetoNote'));
}
