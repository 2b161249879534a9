// One calculator's context: its state (the data as text, the standard, the language, the
// answers, the view), kept in localStorage under the host's `persist` key so that a reload
// loses nothing; the engine in its worker; and the session the calculator's parts share (the
// last evaluation, the undo history). Every other module of calculator/ is functions of it.

import { Engine } from '../engine/engine.js';
import { Store } from '../io/storage.js';
import { html, morph, setHtml } from '../lib/html.js';
import { t, useExtraStrings } from '../i18n/i18n.js';
import { emptyAnswers } from '../lib/answers.js';
import { action, notify, showProgress } from './notices.js';

/** The language a `lang` attribute names: 繁體中文 for Traditional Chinese (zh-Hant, or the
 * regions that write it: zh-TW, zh-HK, zh-MO), 简体中文 for any other Chinese, English, or
 * null for none of these. */
export const langOf = (value) => {
  if (value === 'en' || value?.startsWith('en-')) return 'en';
  if (/^zh-(Hant|TW|HK|MO)\b/i.test(value ?? '')) return 'zh-Hant';
  return value === 'zh' || value?.startsWith('zh-') ? 'zh' : null;
};

/** The standard a `standard` attribute names, or null. */
export const standardOf = (value) => (['basic2012', 'quality2017'].includes(value) ? value : null);

/** What the user is working on. `demo` is true while the data is the example county's. */
/** A copy of the state, which is JSON (it is saved as such): structuredClone needs Chrome 98. */
export const copyState = (state) => JSON.parse(JSON.stringify(state));

export const initialState = () => ({ text: '', standard: 'quality2017', lang: 'zh', view: 'table', answers: emptyAnswers(), profile: null, mapping: {}, demo: false,
  baseline: null, planOptions: null, report: { county: '', date: '' }, county: '' });

/** @typedef {ReturnType<typeof createContext>} Calculator */

/** The context of the calculator drawn in `root` (the shadow root of `host`).
 * `embed.wanted()`: whether someone takes the whole result whatever its size; `embed.inline`:
 * the table the host page holds inline, if any.
 * @param {ShadowRoot} root @param {HTMLElement} host
 * @param {{ wanted: () => boolean, inline: string | null }} embed */
export function createContext(root, host, embed) {
  const c = {
    root, host, embed,
    /** An element of the calculator by id. Typed loosely: it looks up its own inputs,
     * selects and containers, whose kinds calculator-markup.js fixes. @type {(id: string) => any} */
    $: (id) => root.getElementById(id),
    ...restoredState(),
    ...session(),
    /** The profile the answer forms show: an imported one, or the national one (fetched with the forms). */
    profile: () => c.state.profile ?? c.national,
    /** No profile: the national one, the core's own (so the first wasm module, which knows no other, can evaluate). */
    options: () => ({ standard: c.state.standard, lang: c.state.lang, profile: c.state.profile ?? undefined, answers: c.state.answers, mapping: c.state.mapping }),
    /** The template's [key, label] pairs in `lang`. */
    columnLabels: (lang) => c.template.labels[lang],
    /** Saves the state, unless a share link's data is shown over the user's own work. */
    saveState: () => {
      if (!c.ownWork) c.store.save(c.state);
    },
    /** Draws `markup` into the element `id`, unless it shows that markup already (a part an
     * edit did not change is left as it is), in place (html.js `morph`: only what changed is
     * written), or with `anew` as new elements (a frame whose parts are drawn apart, or whose
     * elements others hold). Kept by element, so that a part drawn anew inside a redrawn one
     * starts with nothing. Returns whether it drew. */
    update: (id, markup, anew = false) => {
      const element = c.$(id);
      if (c.markupOf.get(element) === markup.text) return false;
      c.markupOf.set(element, markup.text);
      (anew ? setHtml : morph)(element, markup);
      return true;
    },
  };
  c.store = new Store({
    // Their words come with the parts loaded on demand (i18n-extra.js): a first visit needs none.
    conflict: async () => {
      await useExtraStrings();
      notify(c, 'conflict', html`${t(c.state.lang, 'storageConflict')} ${action(c, 'take-theirs', 'storageTakeTheirs')} ${action(c, 'keep-mine', 'storageKeepMine')}`, 'alert');
    },
    failure: async (error) => {
      await useExtraStrings();
      notify(c, 'storage', html`${t(c.state.lang, 'storageFailed', { reason: error?.name ?? '' })} ${action(c, 'save-project', 'saveProject')}`, 'alert');
    },
    saved: () => notify(c, 'storage'),
  }, host.getAttribute('persist') || null);
  c.loaded = c.store.load();
  c.state = startingState(host, c.loaded.state);
  /** The engine's worker; its progress shows (with a way to stop) when an evaluation takes long. */
  c.engine = new Engine({ progress: (info) => showProgress(c, info), lang: () => c.state.lang });
  return c;
}

/** Placeholders for what createContext fills in once the store exists. */
const restoredState = () => ({
  /** @type {Store} */ store: null,
  /** @type {{ state?: any, problem?: string }} */ loaded: null,
  /** @type {Record<string, any>} */ state: null,
  /** @type {Engine} */ engine: null,
});

/** The saved state, with what the host's attributes ask for (its `lang` and `standard` win). */
function startingState(host, saved) {
  const asked = { lang: langOf(host.getAttribute('lang')), standard: standardOf(host.getAttribute('standard')) };
  const state = Object.assign(initialState(), saved, ...Object.entries(asked).filter(([, v]) => v).map(([k, v]) => ({ [k]: v })));
  // Answers saved by an older page may lack a part: it is unanswered.
  state.answers = { ...emptyAnswers(), ...state.answers };
  // The data as loaded, which a what-if compares with (work saved before there was one: as it is).
  state.baseline ??= state.text;
  return state;
}

/** What the calculator's parts share besides the state: none of it is saved. */
const session = () => ({
  /** @type {import('../lib/editor.js').Editor} */ editor: null,
  /** The national profile (io/assets.js), taken with the answer forms after the first result. */
  national: null,
  /** The template's header row and [key, label] pairs per language: fixed, asked once. */
  template: { header: {}, labels: {} },
  /** Each measure's rule in words, for the forms: asked of the engine when the profile or the
   * language changes (`rulesOf`, the answer awaited: `rulesAsked`); `rulesDrawn`: as the
   * forms show them. */
  rules: {}, rulesOf: null, rulesAsked: Promise.resolve(), rulesDrawn: null,
  /** The guarantee items the school table decides, as of the last evaluation. */
  computed: new Set(),
  /** The answer forms' shape (the core's) and their view (views/answers.js), loaded after
   * the first result. @type {any} */
  answerForm: null,
  /** @type {typeof import('../views/answers.js') | null} */
  answersView: null,
  /** The state before the last replacement (file, demo, new table, project), for undo. */
  previous: null,
  /** The data's errors as of the last evaluation, to mark in the table whenever it is drawn. */
  lastErrors: [],
  /** The texts before each edit since the data was loaded, for "undo the last change"; when
   * the data was last edited (typing in a burst is one change to undo). */
  edits: [], lastEdit: 0,
  /** The plan (planning.js) and a province's picker (views/province.js), once needed. */
  planner: null, province: null,
  /** The sheets of the workbook opened last (not kept across reloads); the editor's header
   * row as last seen, to notice added or removed columns. */
  workbook: [], editorHeader: '',
  /** The user's own saved work while a share link's data is shown: saving waits until they
   * choose between the two. Null when nothing of theirs is at stake. */
  ownWork: null,
  /** Project and profile files and share links (io/documents.js), once one is used. */
  documents: null,
  /** The demo's school names, to tell the demo edited from a table typed over it. */
  demoSchools: [],
  /** Evaluations asked for (the results are busy until the latest is drawn), the latest
   * one's run, and the whole result of evaluation number `of` (null: the data was empty). */
  evaluations: 0, latestRun: Promise.resolve(), whole: { of: 0, result: null },
  /** The baseline's whole result, for the options it was evaluated with. */
  baselineResult: { key: '', text: null, result: null },
  /** The markup each element shows (see `update`), and each level's school table's drawer. */
  markupOf: new WeakMap(), schoolTables: new Map(),
  /** Whether the step-by-step view's keys are wired (explaining.js). */
  explainKeys: false,
  /** The editor's latest loading of the data: a jump to a cell waits for it; and the text
   * the editor's grid stands for (loaded, or made by its edits). */
  editorLoading: Promise.resolve(), editorText: null,
  /** Notices by kind, each markup; why the last file was refused; the progress's timer. */
  notices: new Map(), refusal: '', progressTimer: 0,
});
