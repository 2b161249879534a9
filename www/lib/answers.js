// The answers beside the school table, as state: none given, whether any is, and a form
// control's value written into them. The forms themselves are views/answers.js, loaded once
// the first result is drawn.

/** Sets `answers` from a form control carrying data-answer and friends. */
export function readControl(answers, el) {
  const { answer, id, measure, field } = el.dataset;
  const number = el.value.trim() === '' ? undefined : Number(el.value);
  const item = () => (answers.items[id] ??= { met: null, values: {}, comment: '' });
  const yesNo = el.value === 'yes' ? true : el.value === 'no' ? false : null;
  switch (answer) {
    case 'gate':
      answers.school_standard_met = yesNo;
      break;
    case 'points':
      if (number === undefined || Number.isNaN(number)) delete answers.government_points[id];
      else answers.government_points[id] = number;
      break;
    case 'met':
      item().met = yesNo;
      break;
    case 'value':
      if (number === undefined || Number.isNaN(number)) delete item().values[measure];
      else item().values[measure] = number;
      break;
    case 'comment':
      item().comment = el.value;
      break;
    case 'survey': {
      const count = (answers.survey[id] ??= { respondents: 0, satisfied: 0 });
      count[field] = number === undefined || Number.isNaN(number) ? 0 : number;
      if (!count.respondents && !count.satisfied) delete answers.survey[id];
      break;
    }
    case 'veto':
      answers.vetoes = answers.vetoes.filter((v) => v !== id).concat(el.checked ? [id] : []);
      break;
  }
}

/** Whether any answer is given. */
export function hasAnswers(a) {
  return a.school_standard_met != null || Object.keys(a.government_points).length > 0 || Object.keys(a.items).length > 0 ||
    Object.keys(a.survey).length > 0 || a.vetoes.length > 0;
}

export function emptyAnswers() {
  return { school_standard_met: null, government_points: {}, items: {}, survey: {}, vetoes: [] };
}
