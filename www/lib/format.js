// Every number the page shows is formatted here, for display only (the core's values stay
// unrounded in the result and in data-value attributes): one cached Intl.NumberFormat per
// language and style, as github/relative-time-element caches its formatters.

/** The BCP 47 tag of each of the page's languages: for Intl, and for `lang` attributes. */
export const LOCALES = { zh: 'zh-CN', 'zh-Hant': 'zh-Hant', en: 'en' };
const formatters = new Map();

function formatter(lang, options) {
  const key = `${lang}|${JSON.stringify(options)}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.NumberFormat(LOCALES[lang] ?? lang, options));
  return formatters.get(key);
}

const fixed = (digits) => ({ minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });

/** A coefficient of variation: three decimals, as reports print them (SPEC §1). */
export const formatCv = (cv, lang = 'en') => (cv == null ? '—' : formatter(lang, fixed(3)).format(cv));

/** A limit or threshold such as 0.50: two decimals. */
export const formatLimit = (value, lang = 'en') => formatter(lang, fixed(2)).format(value);

/** An indicator value: whole above 1000, two decimals from 0.1, four below. */
export function formatValue(value, lang) {
  const abs = Math.abs(value);
  const digits = abs >= 1000 || abs === 0 ? 0 : abs >= 0.1 ? 2 : 4;
  return formatter(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Students, schools, points: up to one decimal. */
export const formatCount = (value, lang) => formatter(lang, { maximumFractionDigits: 1 }).format(value);
/** A size in bytes as megabytes ("200 MB"), for the bounds a refusal names. */
export const formatMegabytes = (bytes, lang) => `${formatCount(bytes / 2 ** 20, lang)} MB`;

/** An answer's number: up to three decimals, never a trailing dot. */
export const formatAnswer = (value, lang) => formatter(lang, { maximumFractionDigits: 3 }).format(value);

/** A share (0.931 → 93.1%). */
export const formatShare = (share, lang) => formatter(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** A rate already in percent (88.4 → 88.4%). */
export const formatRate = (rate, lang) => `${formatter(lang, fixed(1)).format(rate)}%`;

/** Money in yuan, whole: ¥1,833,186 (for plans' costs). */
export const formatMoney = (value, lang) => formatter(lang, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(value);

const dateFormats = new Map();
/** A day written as the date field gives it (2026-11-24), in the language's own way:
 * 2026年11月24日, November 24, 2026; as written when it is not a day. */
export function formatDate(day, lang) {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  if (!dateFormats.has(lang)) dateFormats.set(lang, new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }));
  return dateFormats.get(lang).format(date);
}
