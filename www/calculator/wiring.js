// The calculator's controls, each wired to one action on the state: the data's views, the
// settings, the files, the results' buttons, the notices' actions, and the bar of the parts
// (steps, not tabs: it names the part being read and takes the reader to one).

import { html, setHtml } from '../lib/html.js';
import { t, useExtraStrings } from '../i18n/i18n.js';
import { download } from '../io/files.js';
import { demoTable, fileUrl, nationalProfile } from '../io/assets.js';
import { emptyAnswers, readControl } from '../lib/answers.js';
import { Editor } from '../lib/editor.js';
import { initialState } from './context.js';
import { notify, reveal } from './notices.js';
import { edited, loadDemo, newTable, resetToBaseline, setText, showState, undo, undoEdit } from './data.js';
import { recompute, reviewView, setBusy, settledResult } from './evaluation.js';
import { applyLanguage, renderForms, showReportHead } from './language.js';
import { emptyTable, fillColumnChoices, jumpToCell, showView } from './sheet.js';

/** Files and documents (opening.js, with the words of their refusals), the step-by-step view
 * and the plan: fetched when first used. */
export const opening = async () => (await Promise.all([import('./opening.js'), useExtraStrings()]))[0];
export const explaining = () => import('./explaining.js');
const withDocuments = async (c, name) => (await opening()).withDocuments(c, name);
/** Opens a file the user picked or dropped, and shows them what came of it where they are. */
const openFile = async (c, file) => {
  await (await opening()).openFile(c, file);
  // After the frame that lays out what the file brought: scrolling reads that layout then,
  // rather than forcing it in the task that drew a nation's table (≈ 30 ms).
  requestAnimationFrame(() => setTimeout(() => reveal(c.$('notice').querySelector('[data-testid="notice-file"], [data-testid="notice-undo"]'))));
};

/** An event's target, which the calculator's own listeners know the kind of. @type {(event: Event) => any} */
const target = (event) => event.target;

/** What a notice's, the demo banner's or the empty table's buttons do, by their `data-action`. */
const actions = {
  undo,
  'clear-answers': (c) => {
    c.state.answers = emptyAnswers();
    notify(c, 'undo');
    renderForms(c);
    recompute(c);
  },
  'take-theirs': (c) => {
    Object.assign(c.state, initialState(), c.store.takeTheirs());
    notify(c, 'conflict');
    showState(c);
  },
  'keep-mine': (c) => {
    notify(c, 'conflict');
    c.store.keepMine(c.state);
  },
  'save-project': (c) => withDocuments(c, 'saveProject'),
  'copy-link': (c) => withDocuments(c, 'copyLink'),
  'keep-shared': (c) => {
    c.ownWork = null;
    c.saveState();
    notify(c, 'shared', t(c.state.lang, 'sharedKept'));
  },
  'back-to-mine': (c) => {
    Object.assign(c.state, c.ownWork);
    c.ownWork = null;
    notify(c, 'shared');
    showState(c);
  },
  cancel: (c) => {
    c.engine.cancel();
    notify(c, 'working', t(c.state.lang, 'cancelled'));
  },
  'clear-demo': newTable,
  // The first steps (beside the demo's notice, and in place of an empty table's results).
  'pick-file': (c) => c.$('file-input').click(),
  'paste-table': async (c) => {
    await showView(c, 'text');
    c.$('data').scrollIntoView({ block: 'start' });
    c.$('paste').focus({ preventScroll: true });
    c.$('paste').select();
  },
};

/** Wires every control of the calculator. */
export function wire(c) {
  wireData(c);
  wireSettings(c);
  wireFiles(c);
  wireResults(c);
  wirePrint(c);
  mountPartsNav(c.root);
  for (const id of ['notice', 'demo-banner', 'summary']) {
    c.$(id).addEventListener('click', (event) => actions[target(event).closest('[data-action]')?.dataset.action]?.(c));
  }
}

/** The data's two views: the grid editor and the text box, their tabs and buttons. */
function wireData(c) {
  // An edit the editor drops (other data loaded while its text was made) has the data as it
  // is now evaluated, so that the busy state set at the edit's first moment ends (rare:
  // typing in a table while another is opened).
  c.editor = new Editor(c.$('editor'), (text, how) => {
    // Hand mappings are by column position: a changed header row makes them stale.
    const header = c.editor.header().join('\t');
    if (header !== c.editorHeader) c.state.mapping = {};
    c.editorHeader = header;
    c.editorText = text;
    edited(c, text, how);
    fillColumnChoices(c);
  }, () => setBusy(c, true), () => recompute(c));
  c.$('paste').addEventListener('input', (/** @type {InputEvent} */ event) => {
    edited(c, target(event).value, /^insertFrom(Paste|Drop)/.test(event.inputType ?? '') ? 'paste' : 'type');
  });
  c.$('new-table').addEventListener('click', () => newTable(c));
  c.$('add-row').addEventListener('click', () => {
    if (!c.editor.header().length) setText(c, emptyTable(c));
    c.editor.addRow();
  });
  c.$('add-column').addEventListener('change', (event) => {
    if (target(event).value) c.editor.addColumn(target(event).value);
  });
  for (const [tab, view] of [['tab-table', 'table'], ['tab-text', 'text']]) {
    c.$(tab).addEventListener('click', () => showView(c, view));
    c.$(tab).addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const other = view === 'table' ? 'text' : 'table';
      showView(c, other);
      c.$(`tab-${other}`).focus();
    });
  }
  c.$('problems').addEventListener('click', (event) => {
    const button = target(event).closest('[data-jump-row]');
    if (button) jumpToCell(c, Number(button.dataset.jumpRow), button.dataset.jumpColumn);
  });
}

/** The standard, the answers, the profile, the report's title and a column's hand mapping. */
function wireSettings(c) {
  c.$('standard').addEventListener('change', (event) => {
    c.state.standard = target(event).value;
    applyLanguage(c);
    recompute(c);
  });
  for (const type of ['input', 'change']) {
    c.$('answers-forms').addEventListener(type, (event) => {
      if (!target(event).dataset.answer) return;
      readControl(c.state.answers, target(event));
      recompute(c);
    });
  }
  c.$('reset-profile').addEventListener('click', () => {
    c.state.profile = null;
    notify(c, 'file');
    notify(c, 'profile');
    applyLanguage(c);
    recompute(c);
  });
  for (const field of ['report-county', 'report-date']) {
    c.$(field).addEventListener('input', (event) => {
      c.state.report = { ...c.state.report, [target(event).dataset.report]: target(event).value };
      c.saveState();
      showReportHead(c);
    });
  }
  c.$('extras').addEventListener('change', (event) => {
    const index = target(event).dataset.map;
    if (index === undefined) return;
    if (target(event).value === '*') delete c.state.mapping[index];
    else c.state.mapping[index] = target(event).value;
    recompute(c);
  });
  // A folded review is drawn in full when it is opened (toggle does not bubble: captured).
  c.$('extras').addEventListener('toggle', async (event) => {
    const folded = target(event);
    if (!folded.matches('details[data-later][open]')) return;
    const { renderReview } = await reviewView();
    const lang = c.state.lang;
    // Filled in place (its summary, focus and open state stay), no longer to be drawn.
    const box = document.createElement('div');
    setHtml(box, renderReview(c.lastReview, c.columnLabels(lang), c.state.mapping, lang, true));
    folded.append(...[...box.firstElementChild.childNodes].filter((node) => node.nodeName !== 'SUMMARY'));
    folded.removeAttribute('data-later');
  }, true);
}

/** Files in and out: pickers, the drop zone, the workbook's sheets, the templates, the
 * project, the profile and the share link. */
function wireFiles(c) {
  for (const button of c.root.querySelectorAll('[data-pick]')) {
    button.addEventListener('click', () => c.$(/** @type {HTMLElement} */ (button).dataset.pick).click());
  }
  for (const kind of ['profile', 'project']) {
    // Busy from the pick, before the module that reads the file is loaded.
    onFilePicked(c, `${kind}-input`, (file) => {
      setBusy(c, true);
      opening().then((module) => module.openDocument(c, kind, file));
    });
  }
  onFilePicked(c, 'file-input', (file) => openFile(c, file));
  // An earlier year's file, compared with the data now (calculator/comparing.js).
  const comparing = () => import('./comparing.js');
  onFilePicked(c, 'compare-input', (file) => comparing().then((m) => m.compareWith(c, file)));
  c.$('compare').addEventListener('click', (event) => {
    const action = target(event).closest('[data-compare]')?.dataset.compare;
    if (action) comparing().then((m) => m.compareAction(c, action));
  });
  // The event's target is read before any await: once dispatched, it is no longer set.
  c.$('sheet-select').addEventListener('change', (event) => {
    const index = Number(target(event).value);
    opening().then((module) => module.openSheet(c, index));
  });
  c.$('export-profile').addEventListener('click', async () => {
    const profile = c.state.profile ?? (await nationalProfile());
    download(t(c.state.lang, 'profileFile'), JSON.stringify(profile, null, 2), 'application/json');
  });
  c.$('save-project').addEventListener('click', () => withDocuments(c, 'saveProject'));
  c.$('share-link').addEventListener('click', () => withDocuments(c, 'makeShareLink'));
  c.$('load-demo').addEventListener('click', () => loadDemo(c));
  c.$('download-template').addEventListener('click', () => download(t(c.state.lang, 'templateFile'), c.template.header[c.state.lang] + '\r\n'));
  c.$('download-example').addEventListener('click', async () => download(t(c.state.lang, 'exampleFile'), await demoTable()));
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (c.root.querySelectorAll('a[data-file]'))) link.href = fileUrl(link.dataset.file);
  wireMenu(c);
  wireDrop(c);
}

/** Calls `handle` with the file picked in the file input `id`, which is then cleared so that
 * picking the same file again is noticed. */
function onFilePicked(c, id, handle) {
  c.$(id).addEventListener('change', (event) => {
    const [file] = target(event).files;
    if (file) handle(file);
    target(event).value = '';
  });
}

/** The template menu closes with Escape, as menus do, and gives focus back to its button. */
function wireMenu(c) {
  const menu = /** @type {HTMLDetailsElement} */ (c.root.querySelector('details.menu'));
  menu.addEventListener('keydown', (/** @type {KeyboardEvent} */ event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector('summary').focus();
  });
}

/** A file dropped on the data's part opens as a picked one. */
function wireDrop(c) {
  const drop = c.$('data');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dropping');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dropping'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dropping');
    const [file] = event.dataTransfer.files;
    if (file) openFile(c, file);
  });
}

/** On paper every folded part is open (splits, where differences come from, the 85%
 * choices): opened for the print, folded after it, as every browser honours (CSS
 * `::details-content` alone needs Chrome 131). The document's title is the report's while it
 * prints: where @page margin boxes are missing (Firefox, Safari, Chrome < 131), the browser's
 * own header prints it on every page, a running title beside its page numbers. */
function wirePrint(c) {
  let [opened, title] = [[], ''];
  window.addEventListener('beforeprint', () => {
    opened = [...c.root.querySelectorAll('details:not([open])')];
    for (const details of opened) details.open = true;
    title = document.title;
    document.title = c.$('report-head').querySelector('h2')?.textContent || title;
  });
  window.addEventListener('afterprint', () => {
    for (const details of opened) details.open = false;
    opened = [];
    document.title = title;
  });
}

/** The results' buttons: the step-by-step view, the what-if, the plan and the exports. */
function wireResults(c) {
  c.$('levels').addEventListener('click', (event) => {
    const [level, key] = target(event).closest('[data-explain]')?.dataset.explain.split('/') ?? [];
    if (key) explaining().then((module) => module.openExplain(c, level, key));
  });
  c.$('explain').addEventListener('click', (event) => {
    // Closing needs no module; presenting asks the engine again (explaining.js is loaded,
    // as the view is open).
    if (target(event).closest('[data-explain-close]')) c.update('explain', html``);
    if (target(event).closest('[data-explain-present]')) explaining().then((module) => module.togglePresenting(c));
  });
  c.$('whatif').addEventListener('click', (event) => {
    const button = target(event).closest('[data-whatif]');
    if (button?.dataset.whatif === 'undo') undoEdit(c);
    if (button?.dataset.whatif === 'reset') resetToBaseline(c);
  });
  // The plan's code is fetched when a plan is first asked for.
  c.$('plan-open').addEventListener('click', async () => (await import('./planning.js')).openPlan(c));
  c.$('export-json').addEventListener('click', async () => {
    const result = await settledResult(c);
    if (result) download(t(c.state.lang, 'resultJsonFile'), JSON.stringify(result, null, 2), 'application/json');
  });
  c.$('export-csv').addEventListener('click', async () => {
    const [result, { resultCsvFile }] = await Promise.all([settledResult(c), import('../io/export.js'), useExtraStrings()]);
    // A what-if's file says so (the data edited since it was loaded).
    if (result) download(...resultCsvFile(result, c.state.lang, c.state.baseline != null && c.state.text !== c.state.baseline));
  });
}

/** How far below the top of the window a part must start to be the one being read (the
 * bar's height and a little more). */
const READING_LINE = 120;

/** Wires the bar in `root`: a click moves to the part and focuses it; the part being read
 * (the last to start above the reading line) is the current step. @param {ShadowRoot} root */
function mountPartsNav(root) {
  const bar = /** @type {HTMLElement} */ (root.getElementById('parts-nav'));
  const buttons = /** @type {HTMLButtonElement[]} */ ([...bar.querySelectorAll('[data-step]')]);
  const part = (button) => /** @type {HTMLElement} */ (root.getElementById(button.dataset.step));
  const mark = (current) => {
    for (const b of buttons) {
      if (b === current) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    }
  };
  bar.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('[data-step]');
    if (!button) return;
    const target = part(button);
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
  // The parts follow one another in the bar's order: the current one is the last to have
  // started above the reading line, or the last part once the page can scroll no further.
  let queued = false;
  const follow = () => {
    queued = false;
    // A page that does not scroll (a frame as tall as its content) is at no end.
    const { scrollHeight } = document.documentElement;
    const atEnd = scrollHeight > window.innerHeight + 2 && window.innerHeight + window.scrollY >= scrollHeight - 2;
    let started = -1;
    buttons.forEach((b, i) => { if (part(b).getBoundingClientRect().top <= READING_LINE) started = i; });
    mark(buttons[atEnd ? buttons.length - 1 : Math.max(started, 0)]);
  };
  window.addEventListener('scroll', () => {
    if (!queued) requestAnimationFrame(follow);
    queued = true;
  }, { passive: true });
  follow();
}
