// The rectification plan (整改台账) on the page: its options kept with the state, the plan the
// core makes (in the engine's worker, from the planner's own wasm module), drawn by
// views/plan.js, and what to do with it: apply it to the data as a what-if, export the ledger
// as CSV, print it. Loaded the first time a plan is asked for.

import { html, setHtml } from '../lib/html.js';
import { t, useExtraStrings } from '../i18n/i18n.js';
import { download, gridToText } from '../io/files.js';
import { ledgerCsv, renderMadePlan, renderPlanForm, renderPlanRefused, renderPlanWorking } from '../views/plan.js';
import { adoptPartStyles } from '../io/part-styles.js';
import { remember, setText } from './data.js';
import { reveal } from './notices.js';

/** @typedef {import('../types/Plan').Plan} Plan
 *  @typedef {import('../types/PlanOptions').PlanOptions} PlanOptions */

/** Opens the plan: its form, and a plan made with the options as they are. */
export async function openPlan(c) {
  await Promise.all([useExtraStrings(), adoptPartStyles(c.root, 'plan')]);
  if (!c.planner) {
    /** The last plan, what it was made from and in which language. */
    const planner = { made: null, /** @type {PlanOptions} */ choices: null, refresh: () => refreshPlan(c, planner) };
    c.$('plan-body').addEventListener('click', (event) => {
      const button = event.target.closest('[data-plan]');
      if (button) act(c, planner, button.dataset.plan);
    });
    c.planner = planner;
  }
  c.planner.choices = c.state.planOptions ?? (await c.engine.call('defaultPlanOptions'));
  drawForm(c, c.planner);
  await make(c, c.planner);
}

/** A template column's label in `lang`, by its key. */
const labelOf = (c, lang) => (key) => c.columnLabels(lang).find(([k]) => k === key)?.[1] ?? key;

function drawForm(c, planner) {
  const { lang } = c.state;
  setHtml(c.$('plan-body'), renderPlanForm(planner.choices, lang, labelOf(c, lang)));
  c.$('plan-form').addEventListener('submit', (event) => {
    event.preventDefault();
    readForm(c, planner);
    make(c, planner);
  });
}

/** The form's choices, kept with the calculator's state. An empty number is taken as 0;
 * the core refuses what it cannot use (a negative cost, a margin beyond the limits). */
function readForm(c, planner) {
  const form = c.$('plan-form');
  const number = (input) => (input.value.trim() === '' ? 0 : Number(input.value));
  const resources = { ...planner.choices.costs.resources };
  let transfer = planner.choices.costs.transfer;
  for (const input of form.querySelectorAll('[data-cost]')) {
    if (input.dataset.cost === 'transfer') transfer = number(input);
    else resources[input.dataset.cost] = number(input);
  }
  const fixed = c.$('plan-fixed').value.split(/[,，、\s]+/).filter(Boolean).map(Number).filter(Number.isInteger);
  planner.choices = { margin: number(c.$('plan-margin')), rotation: c.$('plan-rotation').checked, fixed, costs: { resources, transfer } };
  c.state.planOptions = planner.choices;
  c.saveState();
}

async function make(c, planner) {
  const { lang, text } = c.state;
  setHtml(c.$('plan-result'), renderPlanWorking(lang));
  const options = c.options();
  const answer = await c.engine.call('plan', text, options, planner.choices);
  if (answer.errors.length) {
    planner.made = null;
    return setHtml(c.$('plan-result'), renderPlanRefused(answer.errors, lang));
  }
  planner.made = { plan: answer.plan, text, options: JSON.stringify(options), language: lang };
  draw(c, planner);
}

function draw(c, planner) {
  const { made } = planner;
  if (!made) return;
  const lang = c.state.lang;
  const stale = made.text !== c.state.text || made.options !== JSON.stringify(c.options());
  setHtml(c.$('plan-result'), renderMadePlan(made.plan, stale, lang, labelOf(c, lang), ledgerHead(c)));
}

/** The data, the settings or the language changed: the plan is said to be older. The
 * language alone changed: the plan is made again in it (its units and names are the
 * core's words). */
function refreshPlan(c, planner) {
  const { made } = planner;
  if (!made) return;
  drawForm(c, planner);
  const { lang: _, ...others } = c.options();
  const { lang: __, ...before } = JSON.parse(made.options);
  if (made.text === c.state.text && JSON.stringify(others) === JSON.stringify(before) && made.language !== c.state.lang) return make(c, planner);
  draw(c, planner);
}

/** A button of the plan: export the ledger, print, or apply the plan to the data. */
async function act(c, planner, name) {
  if (!planner.made) return;
  const lang = c.state.lang;
  if (name === 'csv') download(t(lang, 'planLedgerFile'), ledgerCsv(planner.made.plan, lang, labelOf(c, lang), ledgerHead(c)));
  if (name === 'print') printPlan(c);
  if (name === 'apply') await applyPlan(c, planner, lang);
}

/** Applies the plan to the data, as an edit that can be undone. */
async function applyPlan(c, planner, lang) {
  // The worker keeps the last plan it made; a restarted one has none: make it again.
  let applied = await c.engine.call('applyPlan', lang);
  if (!applied) {
    await make(c, planner);
    applied = await c.engine.call('applyPlan', lang);
  }
  if (!applied || applied.errors.length) return;
  remember(c, true);
  await setText(c, gridToText(applied.grid.map(([, cells]) => cells), ','), c.state.mapping);
  setHtml(c.$('plan-applied'), html`${t(lang, 'planApplied')}`);
  // The comparison is above the results, far from the plan's buttons: it is brought to the user.
  await c.latestRun;
  reveal(c.$('whatif'));
}

/** The ledger's title block: the report's county, and its date (today's when none is set). */
const ledgerHead = (c) => ({ county: c.state.report.county, date: c.state.report.date || new Date().toISOString().slice(0, 10) });

/** Prints the ledger alone. */
function printPlan(c) {
  c.host.dataset.printing = 'plan';
  window.addEventListener('afterprint', () => delete c.host.dataset.printing, { once: true });
  window.print();
}
