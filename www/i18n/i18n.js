// Every string of the page, in 简体中文 (default) here, in English in i18n-en.js and in
// 繁體中文 in i18n-hant.js (made from these by tools/hant.mjs), each fetched when first needed. Messages about the data itself come from the core, in the language it
// is asked for.

/** The strings by language: English once `useLang('en')` has loaded it.
 * @type {Record<string, Record<string, string>>} */
export const STRINGS = {
  zh: {
    skip: '跳到评估结果',
    title: '县域义务教育均衡发展计算器',
    subtitle: '按教育部督导评估办法计算差异系数与达标情况 · 数据只在本机浏览器中计算，不会上传',
    print: '打印 / 存为 PDF',
    settings: '评估设置',
    standard: '评估标准',
    quality2017: '优质均衡（教督〔2017〕6号）',
    basic2012: '基本均衡（教督〔2012〕3号）',
    listJoin: '、',
    data: '学校数据',
    loadDemo: '载入示例县',
    openFile: '打开文件（CSV / Excel）',
    templateCsv: '空白模板（CSV）',
    templateXlsx: '空白模板（Excel）',
    exampleCsv: '示例数据（CSV）',
    exampleXlsx: '示例数据（Excel）',
    exampleFile: '均衡评估示例数据.csv',
    sheet: '工作表',
    reviewTitle: '读取情况',
    reviewHeader: '表头在第 {rows} 行。每列的读法如下，可手动改选：',
    template: '下载模板 ▾',
    newTable: '新建空表',
    dataHint: '每所学校每个学段一行。可直接从 Excel / WPS 复制单元格粘贴，也可在表格中逐项填写；文件可拖放到此处。',
    inputMode: '数据输入方式',
    tabTable: '表格编辑',
    tabText: '粘贴文本',
    addRow: '＋ 添加学校',
    addColumn: '添加列',
    addColumnPrompt: '＋ 添加列…',
    pasteLabel: '粘贴 CSV 或制表符分隔的数据',
    results: '评估结果',
    footer: '差异系数按在校生数加权计算（总体形式），县域值为各校资源合计除以学生合计。依据：《县域义务教育均衡发展督导评估暂行办法》（教督〔2012〕3号）、《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）。各部分均达到要求且无一票否决情形，方为通过。',
    removeRow: '删除第{n}行',
    rowActions: '操作',
    removeColumn: '删除「{name}」列',
    cellLabel: '第{n}行 {name}',
    rowNumber: '行',
    empty: '还没有数据：可以载入示例县、打开 CSV 文件、从表格软件粘贴，或新建空表逐项填写。',
    warningsTitle: '提示',
    internalError: '计算时出现程序错误（不是您的数据问题）。请刷新页面重试；您输入的数据已保存。详细信息：',
    engineUnavailable: '计算器无法在这里运行：浏览器不允许它启动计算线程（网页把它放进了受限的框架，或浏览器过旧）。请直接打开计算器本身的网址，并使用 Chrome 或 Edge 87、Firefox 115、Safari 15 及以上版本。',
    loading: '正在加载计算模块…',
    verdictTitle: '资源配置',
    verdictNote: '差异系数与校际达标情况。',
    profileLabel: '数值标准：',
    passed: '达标',
    failed: '未达标',
    levelPassed: '{level}资源配置：达到要求',
    levelFailed: '{level}资源配置：未达到要求',
    levelWithheld: '{level}：结论待定',
    withheld: '结论待定',
    levelMeta: '{schools} 所学校 · {students} 名学生',
    indicator: '指标',
    countyValue: '县域值',
    sd: '标准差',
    cv: '差异系数',
    limit: '限值',
    result: '结论',
    schoolStandard: '每校标准',
    schoolsAtStandard: '达标学校',
    composite: '综合差异系数（{n}项平均）',
    compositeOnly: '综合差异系数须 ≤ {limit}；单项差异系数不单独设限。',
    schoolsTitle: '{level}各校指标值',
    school: '学校',
    level: '学段',
    students: '在校生',
    met: '达标项',
    schoolResult: '结论',
    excludedTitle: '不参加评估的学校',
    reason: '原因',
    splitsTitle: '一贯制学校、完全中学的设施拆分',
    splitsNote: '设施总量按各学段学生加权数拆分（小学 : 初中 : 高中 = {w}）。',
    column: '项目',
    total: '全校合计',
    primary: '小学',
    junior: '初中',
    senior: '高中',
    chartTitle: '{level}各指标差异系数',
    chartLimit: '限值 {limit}',
    templateFile: '均衡评估数据模板.csv',
    templateFileName: '均衡评估数据模板.xlsx',
    firstOpen: '打开本县的表格文件',
    compareYears: '对比往年数据',
    firstPaste: '从 Excel / WPS 复制粘贴',
    firstTemplate: '下载 Excel 模板',
    rowWord: '第{n}行',
    answersTitle: '其他评估内容',
    stepsLabel: '页面各部分',
    answersHint: '按所选标准填写。未填写的项目不能判定为达标；计算器在页面内保存所填内容。',
    item: '项目',
    points: '得分',
    answer: '填写',
    unanswered: '未填写',
    yes: '是',
    no: '否',
    comment: '说明',
    respondents: '调查人数',
    satisfied: '满意人数',
    rate: '满意率',
    overallTitle: '总体结论',
    overallPassed: '通过：各部分均达到要求',
    overallFailed: '未通过',
    notAnswered: '未填写',
    schoolsInBreach: '{n} 所学校不符合',
    profileTitle: '数值标准：',
    importProfile: '导入标准文件',
    exportProfile: '导出当前标准',
    resetProfile: '恢复全国标准',
    saveProject: '保存项目文件',
    openProject: '打开项目文件',
    profileFile: '数值标准.json',
    profileNational: '全国标准',
    short: '差 {amount}（为标准的 {share}）',
    shortBelowFloor: '差 {amount}（仅为标准的 {share}，低于下限）',
    metOf: '{met}/{n} 项达标',
    required: '（要求 {rule}）',
    colon: '：',
    semicolon: '；',
    exampleAnswersOverall: '注意：这是示例县的结论，除学校数据算出的项目外，各部分都按虚构的示例答案判定，不是任何县的真实结论。',
    exampleAnswersPart: '此部分按示例答案判定。',
    ownTable: '你的表格',
    undo: '撤销',
    undone: '已撤销，恢复为之前的数据。',
    working: '正在计算 {rows} 行数据……',
    moreNotShown: '另有 {n} 项未在此列出（每所学校的结果见学校表）。',
    cancel: '停止计算',
    cancelled: '已停止计算；数据未改动，结果为停止前的结果。',
    replaced: '已载入',
    replacedAfter: '，替换了之前的数据。',
    answersKept: '您填写的其他评估内容已保留。',
    clearAnswers: '清除这些答案',
    fileRefused: '无法打开',
    dataKept: '现有数据未作任何改动。',
    notJson: '这不是 JSON 文件，或内容已损坏',
    demoName: '示例县',
    exportJson: '导出结果（JSON）',
    exportCsv: '导出各校结果（CSV）',
    resultJsonFile: '均衡评估结果.json',
    contributionsTitle: '差异主要来自哪些学校',
    contributionsNote: '每项指标中，各校在在校生加权方差中所占的份额（合计 100%），从大到小列出前几所：它们离县域值最远或学生最多，是差异系数的主要来源。',
    contributionBelow: '（低于县域值，占 {share}）',
    contributionAbove: '（高于县域值，占 {share}）',
    groupsTitle: '按乡镇（学区）分解差异',
    groupsNote: '在校生加权方差 = 乡镇内部各校之间的差异 + 乡镇之间的差异（两者合计 100%）。乡镇之间的差异大，说明资源按地域不均；乡镇内部的差异大，说明同一乡镇的学校之间不均。',
    withinGroups: '乡镇内部',
    betweenGroups: '乡镇之间',
    lowestGroup: '最低的乡镇',
    highestGroup: '最高的乡镇',
    noGroup: '（未填乡镇）',
    localitiesTitle: '按城区、镇区、乡村分解差异',
    localitiesNote: '加权方差 = 城区、镇区、乡村各自内部的差异 + 三者之间的差异（合计 100%）。',
    withinLocalities: '城乡各自内部',
    betweenLocalities: '城乡之间',
    lowestLocality: '最低',
    highestLocality: '最高',
    noLocality: '（未填城乡类型）',
    locality_urban: '城区',
    locality_town: '镇区',
    locality_rural: '乡村',
    shareButton: '分享链接',
    copyLink: '复制链接',
    jsonTooDeep: '内容嵌套超过 {depth} 层，不是本计算器的文件。',
    jsonTooLarge: '文件超过 {max}，不是本计算器的方案或项目文件。',
    demoBanner: '这是示例县：表格数据和“其他评估内容”的答案都是虚构的示例。',
    clearDemo: '清空示例，开始填写本县数据',
    editorLabel: '学校数据表',
    planTitle: '整改方案',
    planOpen: '计算达标最少需要的投入',
    explainOpen: '怎么算的',
    reportCounty: '县（区）',
    reportDate: '报告日期',
    reportNoDate: '　　年　月　日',
    reportTitle: '义务教育均衡发展督导评估自查报告',
    reportMeta: '评估标准：{standard}　数值标准：{profile}　日期：{date}',
    signUnit: '填报单位（盖章）',
    signHead: '负责人',
    signBy: '填表人',
    signPhone: '联系电话',
    reportData: '数据概况',
    reportSchools: '参评学校',
    reportExcluded: '不参评学校',
    reportAnswers: '各部分评估项目及填报情况',
    allowancesUsed: '按本方案的地方放宽规则判定的学校（非国家规定）：',
  },
};

/** Strings of the parts loaded on demand (i18n-extra.js, i18n-answers.js), kept for
 * English until it loads. */
const added = { zh: {}, en: {} };
/** Each catalogue's loading, once started. @type {Record<string, Promise<void>>} */
const loading = {};

/** Adds strings to every language (to English now or when it is loaded).
 * @param {Record<'zh' | 'en', Record<string, string>>} strings */
function addStrings(strings) {
  for (const lang of /** @type {const} */ (['zh', 'en'])) {
    Object.assign(added[lang], strings[lang]);
    if (STRINGS[lang]) Object.assign(STRINGS[lang], strings[lang]);
  }
}

/** The strings of the parts loaded on demand (the plan, the step-by-step view, a province's
 * rows, the what-if), added the first time one of them is opened: whoever opens such a view
 * awaits this first, so that importing a view changes no catalogue. */
export const useExtraStrings = () => (loading.extra ??= import('./i18n-extra.js').then(({ EXTRA_STRINGS }) => addStrings(EXTRA_STRINGS)));

/** The answer forms' strings, added before the forms are first drawn (after the first result). */
export const useAnswerStrings = () => (loading.answers ??= import('./i18n-answers.js').then(({ ANSWER_STRINGS }) => addStrings(ANSWER_STRINGS)));

/** Makes `lang`'s strings ready: English is fetched the first time it is asked for (most
 * readers never ask; it is half of this module's bytes). */
export async function useLang(lang) {
  if (lang === 'en' && !STRINGS.en) STRINGS.en = { ...(await import('./i18n-en.js')).en, ...added.en };
  // Traditional holds every string, the views loaded on demand included (tools/hant.mjs).
  if (lang === 'zh-Hant' && !STRINGS['zh-Hant']) STRINGS['zh-Hant'] = (await import('./i18n-hant.js')).hant;
}

/** The string `key` in `lang`, with `{name}` placeholders filled from `values`; `fallback`
 * when no language has the key (a unit a province's profile invented). */
export function t(lang, key, values = {}, fallback = key) {
  const text = STRINGS[lang]?.[key] ?? STRINGS.zh[key] ?? fallback;
  // {name} is the value; {name:one|other} the word for it ("1 school", "2 schools").
  return text.replace(/\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g, (_, name, one, other) =>
    (one === undefined ? String(values[name] ?? '') : isOne(values[name]) ? one : other));
}

/** Whether a count (a number, or one formatted for people) is one. */
const isOne = (value) => Number(String(value ?? '').replace(/[^\d.]/g, '')) === 1;

/** Fills every element under `root` marked with data-i18n (text) or data-i18n-aria
 * (aria-label): the calculator's shadow root, or the page around it.
 * @param {string} lang @param {Document | ShadowRoot} root */
export function applyStrings(lang, root) {
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-i18n]'))) el.textContent = t(lang, el.dataset.i18n);
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-i18n-aria]'))) el.setAttribute('aria-label', t(lang, el.dataset.i18nAria));
}
