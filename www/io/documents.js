// The documents a user exchanges: profile files (数值标准), project files and share links. Each
// is read within bounds (files.js `parseBounded`), checked by the engine, and opened through the
// calculator's one way in (its `replaceData`), never over the user's work unasked. Loaded
// the first time one is opened or made: a first visit needs none of it.

import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { MAX_DEPTH, download, parseBounded } from './files.js';
import { decodeBytes } from './decode.js';
import { formatCount, formatMegabytes } from '../lib/format.js';
import { emptyAnswers, hasAnswers } from '../lib/answers.js';
import { demoAnswers, demoTable, pageUrl } from './assets.js';


/** A profile is a few KB; a project holds a table (a province's is tens of MB). Larger files
 * are refused before they are parsed or sent to the engine. */
const PROFILE_MAX_CHARS = 1024 * 1024;
const PROJECT_MAX_CHARS = 64 * 1024 * 1024;

/** What documents need of their calculator (built by calculator/opening.js): each function
 * here takes it first.
 * @typedef {{ state: Record<string, any>, engine: import('../engine/engine.js').Engine, $: (id: string) => any,
 *   notify: (kind: string, content?: any, role?: string) => void, refuse: (name: string, reason: any) => false,
 *   action: (name: string, key: string) => any, quoted: (name: string) => any,
 *   replaceData: (text: string, how: any) => Promise<unknown>, recompute: () => Promise<unknown>,
 *   applyLanguage: () => void, options: () => object, problemList: (problems: any[]) => any,
 *   national: () => Promise<object>, keepOwnWork: (saved: object | null) => void,
 *   planOptions: () => object | null }} Calculator */

/** Reads a JSON file of at most `maxChars` characters, or says why it cannot. */
async function readJson(calc, file, maxChars) {
  // A file far over the bound is refused by its size, before its bytes are read.
  if (file.size > maxChars * 4) return refuseJson(calc, file.name, 'jsonTooLarge', maxChars);
  let text;
  try {
    text = decodeBytes(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return refuseJson(calc, file.name, 'notJson', maxChars);
  }
  const { value, problem } = parseBounded(text, { maxChars });
  return problem ? refuseJson(calc, file.name, problem, maxChars) : value;
}

/** Refuses a JSON file with the reason; undefined, what readJson returns for it. */
function refuseJson(calc, name, problem, maxChars) {
  calc.refuse(name, t(calc.state.lang, problem, { max: formatMegabytes(maxChars, calc.state.lang), depth: MAX_DEPTH }));
  return undefined;
}

/** @param {Calculator} calc */
export async function importProfile(calc, file) {
  const value = await readJson(calc, file, PROFILE_MAX_CHARS);
  if (value === undefined) return;
  const problems = await calc.engine.call('checkProfile', value, calc.state.lang);
  if (problems.length) return calc.refuse(file.name, html`${t(calc.state.lang, 'profileError')}${calc.problemList(problems)}`);
  calc.notify('file');
  calc.state.profile = value;
  calc.notify('profile', html`${t(calc.state.lang, 'profileImported')}${calc.quoted(file.name)}`);
  calc.applyLanguage();
  calc.recompute();
}

/** @param {Calculator} calc */
export async function importProject(calc, file) {
  const value = await readJson(calc, file, PROJECT_MAX_CHARS);
  if (value === undefined) return false;
  const data = await projectData(calc, value, file.name);
  return data && calc.replaceData(data.text, data.how);
}

/** A project document (a file's, a share link's) checked by the engine: the table and how
 * replaceData takes it, or false when it is refused. */
async function projectData(calc, value, name) {
  const opened = await calc.engine.call('openProject', value, calc.state.lang);
  if (opened.errors.length) return calc.refuse(name, html`${t(calc.state.lang, 'projectError')}${calc.problemList(opened.errors)}`);
  const { project } = opened;
  const problems = await calc.engine.call('checkProfile', project.profile, calc.state.lang);
  if (problems.length) return calc.refuse(name, html`${t(calc.state.lang, 'projectError')}${calc.problemList(problems)}`);
  const answers = { ...emptyAnswers(), ...project.answers };
  // The national profile is the core's own: kept as none, as when no file brought one.
  const settings = { standard: project.standard, profile: opened.national ? null : project.profile };
  return { text: project.schools, how: { mapping: project.mapping ?? {}, answers, settings, label: name } };
}

/** @param {Calculator} calc */
export async function saveProject(calc) {
  const project = await calc.engine.call('makeProject', calc.state.text, calc.options());
  // With a plan made for this data, its options: next year's table is checked against it
  // (对比往年数据), the plan being made again from them.
  const plan = calc.planOptions();
  if (plan) project.plan = plan;
  download(t(calc.state.lang, 'projectFile'), JSON.stringify(project, null, 2), 'application/json');
}

/** Opens a share link's project. The user's saved work (`saved`) is never overwritten
 * without asking: while they have some, the shared data is shown and not saved.
 * @param {Calculator} calc */
export async function openShared(calc, fragment, saved) {
  const name = t(calc.state.lang, 'sharedLink');
  const { decodeShare, CHAT_LINK_LIMIT, SHARE_MAX_BYTES } = await import('./share.js');
  let value;
  try {
    value = await decodeShare(fragment, calc.engine);
  } catch (error) {
    const bounds = { limit: formatCount(CHAT_LINK_LIMIT, calc.state.lang), max: formatMegabytes(SHARE_MAX_BYTES, calc.state.lang), depth: MAX_DEPTH };
    return calc.refuse(name, t(calc.state.lang, error?.key ?? 'shareDamaged', bounds));
  }
  // A link leaves the national profile out (it is most of a county's link): put it back.
  const data = await projectData(calc, value && typeof value === 'object' ? { profile: await calc.national(), ...value } : value, name);
  if (!data) return false;
  const ownWork = (await hasOwnWork(saved)) ? saved : null;
  calc.keepOwnWork(ownWork);
  await calc.replaceData(data.text, data.how);
  calc.notify('undo');
  const choice = ownWork ? html` ${t(calc.state.lang, 'sharedOwnKept')} ${calc.action('keep-shared', 'sharedKeep')} ${calc.action('back-to-mine', 'sharedBack')}` : '';
  calc.notify('shared', html`${t(calc.state.lang, 'sharedOpened')}${choice}`);
  return true;
}

/** Makes a share link of the data, standard, profile and answers, and shows it to copy;
 * one too long for chat apps is not made: the project file is offered instead.
 * @param {Calculator} calc */
export async function makeShareLink(calc) {
  const { encodeShare, SHARE_PREFIX, CHAT_LINK_LIMIT } = await import('./share.js');
  const project = await calc.engine.call('makeProject', calc.state.text, calc.options());
  // The national profile is built in: a link without it is a third as long.
  if (!calc.state.profile) delete project.profile;
  const link = pageUrl() + SHARE_PREFIX + (await encodeShare(project, calc.engine));
  const count = formatCount(link.length, calc.state.lang);
  // A link no chat app carries, and that no calculator opens, is not made.
  if (link.length > CHAT_LINK_LIMIT) {
    const limit = formatCount(CHAT_LINK_LIMIT, calc.state.lang);
    return calc.notify('share', html`<strong>${t(calc.state.lang, 'shareLong', { count, limit })}</strong> ${calc.action('save-project', 'saveProject')}`);
  }
  calc.notify('share', html`${t(calc.state.lang, 'shareMade', { count })}
    <input class="share-url" data-testid="share-url" readonly value="${link}" aria-label="${t(calc.state.lang, 'shareLink')}">
    ${calc.action('copy-link', 'copyLink')}`);
  calc.$('notice').querySelector('.share-url').select();
}

/** @param {Calculator} calc */
export async function copyLink(calc) {
  const input = calc.$('notice').querySelector('.share-url');
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
    calc.notify('copied', t(calc.state.lang, 'linkCopied'));
  } catch {
    calc.notify('copied', t(calc.state.lang, 'copyByHand'));
  }
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
