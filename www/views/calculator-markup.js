// The calculator's markup, drawn into its shadow root by junheng-calculator.js: fixed
// text only, nothing from the user; its words are filled per language by data-i18n from
// the catalogue (i18n.js), in Chinese as soon as it is drawn, and not written here twice.
// And the first steps' offer, drawn per language.
// Results first: the verdict is what one sees first; then the plan, and what it rests on
// (the settings, the data, the other answers), each reached from the bar of parts.

import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';

/** The first steps with one's own data: open a file, paste from a spreadsheet, get the
 * template. Beside the demo's notice, and in place of the results while the table is empty.
 * @param {import('../types/Lang').Lang} lang @param {string} templateHref */
export const renderFirstSteps = (lang, templateHref) => html`<span class="first-steps">
  <button type="button" class="link" data-action="pick-file" data-testid="first-open">${t(lang, 'firstOpen')}</button>
  <button type="button" class="link" data-action="paste-table" data-testid="first-paste">${t(lang, 'firstPaste')}</button>
  <a class="link" href="${templateHref}" download="${t(lang, 'templateFileName')}" data-testid="first-template">${t(lang, 'firstTemplate')}</a></span>`;

export const calculatorMarkup = html`<div class="wrap calculator" id="calculator">
  <div id="notice" role="alert"></div>

  <nav class="parts-nav" id="parts-nav" data-testid="goto" data-i18n-aria="stepsLabel">
    <button type="button" class="ghost" data-step="results" data-testid="goto-results" data-i18n="results"></button>
    <button type="button" class="ghost" data-step="plan" data-testid="goto-plan" data-i18n="planTitle"></button>
    <button type="button" class="ghost" data-step="settings" data-testid="goto-settings" data-i18n="settings"></button>
    <button type="button" class="ghost" data-step="data" data-testid="goto-data" data-i18n="data"></button>
    <button type="button" class="ghost" data-step="answers" data-testid="goto-answers" data-i18n="answersTitle"></button>
  </nav>

  <p class="demo-banner" id="demo-banner" data-testid="demo-banner" role="status" hidden><span data-i18n="demoBanner"></span>
      <span id="first-steps"></span>
      <button type="button" class="link" data-action="clear-demo" data-i18n="clearDemo"></button></p>

  <section id="results" class="results" aria-labelledby="results-title" tabindex="-1">
    <div class="panel-head">
      <h2 id="results-title" data-i18n="results"></h2>
      <div class="actions">
        <button type="button" id="export-json" class="ghost" data-testid="export-json" data-i18n="exportJson"></button>
        <button type="button" id="export-csv" class="ghost" data-testid="export-csv" data-i18n="exportCsv"></button>
      </div>
    </div>
    <div id="report-head" class="report-head print-only"></div>
    <div id="province"></div>
    <div id="problems" role="alert"></div>
    <div id="whatif"></div>
    <div id="compare"></div>
    <div id="explain"></div>
    <div id="overall" aria-live="polite"></div>
    <div id="summary"></div>
    <div id="levels"></div>
    <div id="extras"><div id="extras-0"></div><div id="extras-1"></div><div id="extras-2"></div><div id="extras-3"></div></div>
  </section>

  <section class="panel plan" id="plan" aria-labelledby="plan-title" tabindex="-1">
    <div class="panel-head">
      <h2 id="plan-title" data-i18n="planTitle"></h2>
      <div class="actions"><button type="button" id="plan-open" data-testid="plan-open" data-i18n="planOpen"></button></div>
    </div>
    <div id="plan-body"></div>
  </section>
  <p class="signatures print-only report-signatures"><span data-i18n="signUnit"></span><span data-i18n="signHead"></span><span data-i18n="signBy"></span><span data-i18n="signPhone"></span></p>

  <section class="panel settings" id="settings" aria-labelledby="settings-title" tabindex="-1">
    <h2 id="settings-title" data-i18n="settings"></h2>
    <div class="field">
      <label for="standard" data-i18n="standard"></label>
      <select id="standard" data-testid="standard-select">
        <option value="quality2017" data-i18n="quality2017"></option>
        <option value="basic2012" data-i18n="basic2012"></option>
      </select>
    </div>
    <p class="scope-note" id="scope-note"></p>
    <div class="field report-fields">
      <label for="report-county" data-i18n="reportCounty"></label><input id="report-county" data-testid="report-county" data-report="county">
      <label for="report-date" data-i18n="reportDate"></label><input id="report-date" type="date" data-testid="report-date" data-report="date">
    </div>
    <div class="profile-row">
      <span><strong data-i18n="profileTitle"></strong><span id="profile-name" data-testid="profile-name"></span></span>
      <button type="button" class="ghost" data-pick="profile-input" data-i18n="importProfile"></button>
      <input type="file" id="profile-input" data-testid="profile-file" accept=".json,application/json" hidden>
      <button type="button" id="export-profile" class="ghost" data-i18n="exportProfile"></button>
      <button type="button" id="reset-profile" class="ghost" data-i18n="resetProfile"></button>
    </div>
  </section>

  <section class="panel" id="data" aria-labelledby="data-title" tabindex="-1">
    <div class="panel-head">
      <h2 id="data-title" data-i18n="data"></h2>
      <div class="actions">
        <button type="button" id="load-demo" data-i18n="loadDemo"></button>
        <button type="button" data-pick="file-input" data-i18n="openFile"></button>
        <input type="file" id="file-input" data-testid="data-file" accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods" hidden>
        <details class="menu">
          <summary class="button" data-i18n="template"></summary>
          <div class="menu-items">
            <button type="button" id="download-template" class="ghost" data-i18n="templateCsv"></button>
            <a class="button ghost" data-file="templates/template.xlsx" download="均衡评估数据模板.xlsx" data-i18n="templateXlsx"></a>
            <button type="button" id="download-example" class="ghost" data-i18n="exampleCsv"></button>
            <a class="button ghost" data-file="templates/example.xlsx" download="均衡评估示例数据.xlsx" data-i18n="exampleXlsx"></a>
          </div>
        </details>
        <button type="button" id="new-table" class="ghost" data-i18n="newTable"></button>
        <button type="button" id="save-project" class="ghost" data-i18n="saveProject"></button>
        <button type="button" id="share-link" class="ghost" data-testid="share-button" data-i18n="shareButton"></button>
        <button type="button" class="ghost" data-pick="project-input" data-i18n="openProject"></button>
        <button type="button" class="ghost" data-pick="compare-input" data-i18n="compareYears"></button>
        <input type="file" id="compare-input" data-testid="compare-file" accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods,.json" hidden>
        <input type="file" id="project-input" data-testid="project-file" accept=".json,application/json" hidden>
      </div>
    </div>
    <p class="hint" data-i18n="dataHint"></p>
    <p class="sheet-row" id="sheet-row" hidden>
      <label for="sheet-select" data-i18n="sheet"></label>
      <select id="sheet-select"></select>
    </p>
    <div class="tabs" role="tablist" data-i18n-aria="inputMode">
      <button type="button" role="tab" id="tab-table" aria-controls="panel-table" aria-selected="true" data-i18n="tabTable"></button>
      <button type="button" role="tab" id="tab-text" aria-controls="panel-text" aria-selected="false" tabindex="-1" data-i18n="tabText"></button>
    </div>
    <div role="tabpanel" id="panel-table" aria-labelledby="tab-table">
      <div class="table-scroll" id="editor" tabindex="0" role="region" data-i18n-aria="editorLabel"></div>
      <div class="editor-actions">
        <button type="button" id="add-row" data-i18n="addRow"></button>
        <label for="add-column" class="visually-hidden" data-i18n="addColumn"></label>
        <select id="add-column"></select>
      </div>
    </div>
    <div role="tabpanel" id="panel-text" aria-labelledby="tab-text" hidden>
      <label for="paste" class="visually-hidden" data-i18n="pasteLabel"></label>
      <textarea id="paste" data-testid="paste-input" spellcheck="false" rows="14"
        placeholder="学校名称,学段,在校生数,…"></textarea>
    </div>
  </section>

  <section class="panel" id="answers" aria-labelledby="answers-title" tabindex="-1">
    <h2 id="answers-title" data-i18n="answersTitle"></h2>
    <p class="hint" data-i18n="answersHint"></p>
    <div id="answers-forms"></div>
  </section>
</div>`;
