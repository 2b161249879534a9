// The documents a user exchanges: profile files (数值标准), project files and share links. Each
// is read within bounds (bounded-json.js), checked by the engine, and opened through the
// calculator's one way in (its `replaceData`), never over the user's work unasked. Loaded
// the first time one is opened or made: a first visit needs none of it.

import { html } from './html.js';
import { t } from './i18n.js';
import { decodeBytes, download } from './files.js';
import { formatCount, formatMegabytes } from './format.js';
import { emptyAnswers, hasAnswers } from './answers.js';
import { demoAnswers, demoTable, pageUrl } from './assets.js';
import { MAX_DEPTH, parseBounded } from './bounded-json.js';

/** A profile is a few KB; a project holds a table (a province's is tens of MB). Larger files
 * are refused before they are parsed or sent to the engine. */
const PROFILE_MAX_CHARS = 1024 * 1024;
const PROJECT_MAX_CHARS = 64 * 1024 * 1024;

/** What documents need of their calculator (app.js).
 * @typedef {{ state: Record<string, any>, engine: import('./engine.js').Engine, $: (id: string) => any,
 *   notify: (kind: string, content?: any, role?: string) => void, refuse: (name: string, reason: any) => false,
 *   action: (name: string, key: string) => any, quoted: (name: string) => any,
 *   replaceData: (text: string, how: any) => Promise<unknown>, recompute: () => Promise<unknown>,
 *   applyLanguage: () => void, options: () => object, problemList: (problems: any[]) => any,
 *   national: () => object, keepOwnWork: (saved: object | null) => void }} Calculator */

/** @param {Calculator} calc */
export function mountDocuments(calc) {
  const { state, engine, notify, refuse, action, quoted, problemList } = calc;

  /** Reads a JSON file of at most `maxChars` characters, or says why it cannot. */
  async function readJson(file, maxChars) {
    // A file far over the bound is refused by its size, before its bytes are read.
    if (file.size > maxChars * 4) return refuseJson(file.name, 'jsonTooLarge', maxChars);
    let text;
    try {
      text = decodeBytes(new Uint8Array(await file.arrayBuffer()));
    } catch {
      return refuseJson(file.name, 'notJson', maxChars);
    }
    const { value, problem } = parseBounded(text, { maxChars });
    return problem ? refuseJson(file.name, problem, maxChars) : value;
  }

  /** Refuses a JSON file with the reason; undefined, what readJson returns for it. */
  function refuseJson(name, problem, maxChars) {
    refuse(name, t(state.lang, problem, { max: formatMegabytes(maxChars, state.lang), depth: MAX_DEPTH }));
    return undefined;
  }

  async function importProfile(file) {
    const value = await readJson(file, PROFILE_MAX_CHARS);
    if (value === undefined) return;
    const problems = await engine.call('checkProfile', value, state.lang);
    if (problems.length) return refuse(file.name, html`${t(state.lang, 'profileError')}${problemList(problems)}`);
    notify('file');
    state.profile = value;
    notify('profile', html`${t(state.lang, 'profileImported')}${quoted(file.name)}`);
    calc.applyLanguage();
    calc.recompute();
  }

  async function importProject(file) {
    const value = await readJson(file, PROJECT_MAX_CHARS);
    if (value === undefined) return false;
    const data = await projectData(value, file.name);
    return data && calc.replaceData(data.text, data.how);
  }

  /** A project document (a file's, a share link's) checked by the engine: the table and how
   * replaceData takes it, or false when it is refused. */
  async function projectData(value, name) {
    const opened = await engine.call('openProject', value, state.lang);
    if (opened.errors.length) return refuse(name, html`${t(state.lang, 'projectError')}${problemList(opened.errors)}`);
    const { project } = opened;
    const problems = await engine.call('checkProfile', project.profile, state.lang);
    if (problems.length) return refuse(name, html`${t(state.lang, 'projectError')}${problemList(problems)}`);
    const answers = { ...emptyAnswers(), ...project.answers };
    const settings = { standard: project.standard, profile: project.profile };
    return { text: project.schools, how: { mapping: project.mapping ?? {}, answers, settings, label: name } };
  }

  async function saveProject() {
    const project = await engine.call('makeProject', state.text, calc.options());
    download(t(state.lang, 'projectFile'), JSON.stringify(project, null, 2), 'application/json');
  }

  /** Opens a share link's project. The user's saved work (`saved`) is never overwritten
   * without asking: while they have some, the shared data is shown and not saved. */
  async function openShared(fragment, saved) {
    const name = t(state.lang, 'sharedLink');
    const { decodeShare, CHAT_LINK_LIMIT, SHARE_MAX_BYTES } = await import('./share.js');
    let value;
    try {
      value = await decodeShare(fragment);
    } catch (error) {
      const bounds = { limit: formatCount(CHAT_LINK_LIMIT, state.lang), max: formatMegabytes(SHARE_MAX_BYTES, state.lang), depth: MAX_DEPTH };
      return refuse(name, t(state.lang, error?.key ?? 'shareDamaged', bounds));
    }
    // A link leaves the national profile out (it is most of a county's link): put it back.
    const data = await projectData(value && typeof value === 'object' ? { profile: calc.national(), ...value } : value, name);
    if (!data) return false;
    const ownWork = (await hasOwnWork(saved)) ? saved : null;
    calc.keepOwnWork(ownWork);
    await calc.replaceData(data.text, data.how);
    notify('undo');
    const choice = ownWork ? html` ${t(state.lang, 'sharedOwnKept')} ${action('keep-shared', 'sharedKeep')} ${action('back-to-mine', 'sharedBack')}` : '';
    notify('shared', html`${t(state.lang, 'sharedOpened')}${choice}`);
    return true;
  }

  /** Makes a share link of the data, standard, profile and answers, and shows it to copy;
   * one too long for chat apps is not made: the project file is offered instead. */
  async function makeShareLink() {
    const { encodeShare, SHARE_PREFIX, CHAT_LINK_LIMIT } = await import('./share.js');
    const project = await engine.call('makeProject', state.text, calc.options());
    // The national profile is built in: a link without it is a third as long.
    if (!state.profile) delete project.profile;
    const link = pageUrl() + SHARE_PREFIX + (await encodeShare(project));
    const count = formatCount(link.length, state.lang);
    // A link no chat app carries, and that no calculator opens, is not made.
    if (link.length > CHAT_LINK_LIMIT) {
      const limit = formatCount(CHAT_LINK_LIMIT, state.lang);
      return notify('share', html`<strong>${t(state.lang, 'shareLong', { count, limit })}</strong> ${action('save-project', 'saveProject')}`);
    }
    notify('share', html`${t(state.lang, 'shareMade', { count })}
      <input class="share-url" data-testid="share-url" readonly value="${link}" aria-label="${t(state.lang, 'shareLink')}">
      ${action('copy-link', 'copyLink')}`);
    calc.$('notice').querySelector('.share-url').select();
  }

  async function copyLink() {
    const input = calc.$('notice').querySelector('.share-url');
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
      notify('copied', t(state.lang, 'linkCopied'));
    } catch {
      notify('copied', t(state.lang, 'copyByHand'));
    }
  }

  return { importProfile, importProject, saveProject, openShared, makeShareLink, copyLink };
}

/** Whether a saved state holds anything the user made: a table (but the demo county as it
 * came), answers (but the demo's own), a profile, the report's county or date. */
async function hasOwnWork(saved) {
  if (!saved) return false;
  const [demoText, demoAnswerValues] = saved.demo ? await Promise.all([demoTable(), demoAnswers()]) : [null, null];
  const ownTable = Boolean(saved.text?.trim()) && saved.text !== demoText;
  const answers = { ...emptyAnswers(), ...saved.answers };
  const ownAnswers = saved.demo ? JSON.stringify(answers) !== JSON.stringify({ ...emptyAnswers(), ...demoAnswerValues }) : hasAnswers(answers);
  return ownTable || ownAnswers || saved.profile != null || Boolean(saved.report?.county || saved.report?.date);
}
