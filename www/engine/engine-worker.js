// The engine: the wasm core in a module worker, so that the page's thread never parses or
// evaluates. Requests are `{ id, fn, args, lang }` (lang: the page's); answers `{ id, value }`
// or `{ id, error }` (only a bug throws: user mistakes are in the value). The core speaks JSON
// text; it is parsed here, off the page's thread, and the page gets plain objects.

import { extraWasmSource, languagesWasmSource, wasmSource, workbookWasmSource } from '../io/assets.js';
import { buffers, packGrid } from '../lib/grid.js';

/** The first modules, loaded: they read only the standard, language and answers of the options. */
const firsts = new WeakSet();
/** A module started the first time it is asked for (the import literal, for the bundler). */
function onDemand(load, source, first = false) {
  let module;
  return async () => (module ??= load().then(async (m) => {
    await m.default(source());
    if (first) firsts.add(m);
    return m;
  }));
}
/** The first module for a page in 简体中文 (the default: its words and no other language's), and
 * the same with English and 繁體中文; each started when its language is first asked for. */
const chinese = onDemand(() => import('../pkg/junheng.js'), wasmSource, true);
const languages = onDemand(() => import('../pkg/junheng-languages.js'), languagesWasmSource, true);
const firstFor = (lang) => (!lang || lang === 'zh' ? chinese : languages)();
/** The page's language when it sent the call that runs: a call of no language of its own (a
 * table's cells, the answer forms' ids) uses its first module, so that a page in English never
 * loads the Chinese one. */
let pageLang = 'zh';
const home = () => firstFor(pageLang);
/** What is asked for only sometimes (the plan, the step view, project and profile files,
 * provinces); the CLI's workbook reader with raw deflate for share links. */
const extraCore = onDemand(() => import('../pkg/junheng-extra.js'), extraWasmSource);
const workbookModule = onDemand(() => import('../pkg/junheng-workbook.js'), workbookWasmSource);
/** The module whose evaluation the page is looking at: a first module evaluates a county's
 * file, the second a province's (a county column), county by county. */
let current = null;
/** The module that evaluates `source`: the second for a profile of the user's, a column
 * mapped by hand or a province's file, which the first cannot read (its first load is smaller). */
async function coreFor(source, options) {
  const module = await firstFor(options?.lang);
  return options?.profile || Object.keys(options?.mapping ?? {}).length || module.hasCountyColumn(source, options?.lang ?? 'zh') ? extraCore() : module;
}
/** A value as the core's JSON text. @type {(value: unknown) => string} */
const text = (value) => JSON.stringify(value ?? {});
/** The options as `module` reads them: a first module only the standard, language and answers. */
const optionsFor = (module, options) => text(firsts.has(module) ? { standard: options?.standard, lang: options?.lang, answers: options?.answers } : options);
/** The module whose last evaluation the session reads (before any, the home one: none to read). */
const viewed = async () => current ?? home();
/** The core's JSON text, parsed to the type it declares.
 * @template T @param {import('../junheng').Json<T>} json @returns {T} */
const parse = (json) => JSON.parse(json);

/** What the page may ask, by name: the engine's one list of calls. `Engine.call` is typed
 * from it (engine.js), and tests/e2e/engine-api.test.js checks it against the wasm modules'
 * exports and their declarations (junheng.d.ts). */
export const calls = {
  /** The result without its schools (handed out by `schools`, a window at a time); of a
   * province file, `county`'s (by name) or with '' the counties' summary rows alone. */
  async evaluate(id, source, options, county) {
    // The one long task: say how much there is before starting it.
    postMessage({ id, progress: { rows: lineCount(source) } });
    current = await coreFor(source, options);
    return parse(current.evaluateSummary(source, optionsFor(current, options), county ?? ''));
  },
  /** The evaluation a new worker's session starts from (engine.js replays the last one after
   * a restart): as `evaluate`, without progress or an answer to draw. */
  async replay(id, source, options, county) {
    current = await coreFor(source, options);
    current.evaluateSummary(source, optionsFor(current, options), county ?? '');
    return null;
  },
  /** Another county of the last province file, without evaluating again (the second
   * module: only it evaluates a province). */
  pickCounty: async (id, county) => parse((await viewed()).pickCounty(county)),
  schools: async (id, level, from, to) => parse((await viewed()).schools(level, from, to)),
  /** The whole result contract of the last evaluation (null when this worker has none). */
  result: async () => parse((await viewed()).lastResult()),
  /** The text's cells for the table editor, packed (lib/grid.js). */
  readGrid: async (id, source) => {
    const packed = packGrid(parse((await home()).readGrid(source)));
    moved.set(packed, buffers(packed));
    return packed;
  },
  tableCheck: async (id, source, lang) => parse((await extraCore()).tableCheck(source, lang)),
  /** A text file's table, read and decoded here, off the page's thread (io/decode.js);
   * kept here too, so that the page's evaluation of it does not send it back. */
  fileText: async (id, file, lang) => {
    const { tableText } = await import('../io/decode.js');
    return tableText(file, (source) => calls.tableCheck(id, source, lang));
  },
  readWorkbook: async (id, bytes, lang) => parse((await workbookModule()).readWorkbook(bytes, lang)),
  deflate: async (id, bytes) => (await workbookModule()).deflate(bytes),
  inflate: async (id, bytes, limit) => (await workbookModule()).inflate(bytes, limit) ?? null,
  templateHeader: async (id, lang) => (await firstFor(lang)).templateHeader(lang),
  templateLabels: async (id, lang) => parse((await firstFor(lang)).templateLabels(lang)),
  answerForm: async () => parse((await home()).answerForm()),
  /** The rules in words of a profile of the user's, or with none the national one's. */
  measureRules: async (id, profile, lang) => {
    const module = await (profile ? extraCore() : firstFor(lang));
    return parse(module.measureRules(profile ? text(profile) : '', lang));
  },
  checkProfile: async (id, value, lang) => parse((await extraCore()).checkProfile(text(value), lang)),
  openProject: async (id, value, lang) => parse((await extraCore()).openProject(text(value), lang)),
  makeProject: async (id, source, options) => parse((await extraCore()).makeProject(source, text(options))),
  /** The whole result contract of a text, without touching the last evaluation's. */
  evaluateWhole: async (id, source, options) => {
    const module = await coreFor(source, options);
    return parse(module.evaluate(source, optionsFor(module, options)));
  },
  plan: async (id, source, options, planOptions) => parse((await extraCore()).plan(source, text(options), text(planOptions))),
  applyPlan: async (id, lang) => parse((await extraCore()).applyPlan(lang)),
  defaultPlanOptions: async () => parse((await extraCore()).defaultPlanOptions()),
  /** The earlier year's file (table text, or a project document) against the data now. */
  compareYears: async (id, before, isProject, now, options) => parse((await extraCore()).compareYears(before, isProject, now, text(options))),
  explain: async (id, source, options, level, key) => parse((await extraCore()).explain(source, text(options), level, key)),
};

/** Lines of the text: the rows a progress message promises. */
function lineCount(source) {
  let count = 0;
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) count++;
  return count;
}

/** Answers whose arrays are moved to the page rather than copied: the arrays, by answer. */
const moved = new WeakMap();

/** The long text both sides keep (engine.js sends it once and marks it after): the last the
 * page sent, or the last file this worker decoded; and the id of the page's last message
 * that sent one. */
let kept = '';
let keptFrom = 0;
/** Message `id`'s argument as the page meant it: the text it marks as kept, or one to keep. */
const unmark = (id) => (arg) => {
  if (arg?.keptText) return kept;
  if (arg?.keepText === undefined) return arg;
  keptFrom = id;
  return (kept = arg.keepText);
};

/** Calls run one after another in the order sent: a call that reads the session (`schools`
 * after `evaluate`, `applyPlan` after `plan`) never overtakes the call that makes it, even
 * where that one waits for the second module to load. */
let queue = Promise.resolve();
self.addEventListener('message', ({ data: { id, fn, args, lang } }) => {
  // Unmarked as they arrive, in the order the page sent them.
  const values = args.map(unmark(id));
  queue = queue.then(async () => {
    pageLang = lang;
    try {
      const value = await calls[fn](id, ...values);
      if (fn === 'fileText' && value.text) {
        kept = value.text;
        return postMessage({ id, value, keptAfter: keptFrom });
      }
      postMessage({ id, value }, moved.get(value) ?? []);
    } catch (error) {
      postMessage({ id, error: String(error?.message ?? error) });
    }
  });
});
