//! The whole verdict: every part of a standard judged, from the resource evaluation and the
//! answers the user gives (SPEC §2, §3.2–3.5). A county passes only when every part passes.

use crate::args;
use crate::diagnostics::{Args, Code, Problem};
use crate::input::{Column, Table};
use crate::items::{CheckItem, Computed, Measure, ASPECTS, SURVEY_GROUPS};
use crate::keyed::{Ids, Keyed};
use crate::model::{Lang, Levels, SchoolFact, SchoolRow};
use crate::numbers;
use crate::resources::LevelResult;
use crate::scope::school_groups;
use crate::standards::{Profile, Quality2017Profile, Standard};
use serde::{Deserialize, Serialize};

/// What the user answers beside the school table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct Answers {
    /// basic2012 gate: all schools meet the province's 办学基本标准.
    pub school_standard_met: Option<bool>,
    /// basic2012: points awarded per government item id.
    #[cfg_attr(feature = "typescript", ts(as = "std::collections::BTreeMap<String, f64>"))]
    pub government_points: Keyed<f64>,
    /// quality2017: guarantee and quality items by id.
    #[cfg_attr(feature = "typescript", ts(as = "std::collections::BTreeMap<String, ItemAnswer>"))]
    pub items: Keyed<ItemAnswer>,
    /// Survey counts per group id (students, parents, …).
    #[cfg_attr(feature = "typescript", ts(as = "std::collections::BTreeMap<String, SurveyCount>"))]
    pub survey: Keyed<SurveyCount>,
    /// The veto items that apply.
    #[cfg_attr(feature = "typescript", ts(as = "Vec<String>"))]
    pub vetoes: Ids,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct ItemAnswer {
    pub met: Option<bool>,
    #[cfg_attr(feature = "typescript", ts(as = "std::collections::BTreeMap<String, f64>"))]
    pub values: Keyed<f64>,
    pub comment: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct SurveyCount {
    pub respondents: f64,
    pub satisfied: f64,
}

/// A measured value: a number, or a yes/no answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Bool(bool),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
// Four independent facts of the result contract (passed, answered, computed, from_answers),
// each read by the page and by checks outside the project: not states of one machine.
#[allow(clippy::struct_excessive_bools)]
pub struct PartItem {
    pub id: String,
    pub name: String,
    pub value: Option<Value>,
    pub threshold: Option<f64>,
    /// The rule in words: "≥ 85%", "≤ 0.50", "是".
    pub rule: String,
    pub passed: bool,
    /// False when the user has not answered: the item cannot pass.
    pub answered: bool,
    /// True when the school table decided the item (guarantee items 3–5).
    pub computed: bool,
    /// True when the item is judged on an answer the user gives (a form's field), not on the
    /// school table: what an example's answers decide (the demo's verdict says so).
    pub from_answers: bool,
    /// Offending schools, measures and the like.
    pub details: Vec<String>,
    /// The schools judged by a local allowance of the profile, each in a sentence (computed items).
    pub allowances: Vec<String>,
    pub comment: String,
    /// Why the user's answer was set aside (out of range), shown beside the field.
    pub error: Option<Problem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Subtotal {
    pub aspect: String,
    pub name: String,
    pub points: f64,
    pub max_points: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Part {
    pub part: &'static str,
    pub name: String,
    pub passed: bool,
    pub items: Vec<PartItem>,
    /// The government score (basic2012) or the overall survey rate, with its pass mark.
    pub score: Option<f64>,
    pub max_score: Option<f64>,
    pub threshold: Option<f64>,
    /// What `score` counts: points out of `max_score`, or a rate in percent.
    pub score_kind: Option<ScoreKind>,
    pub subtotals: Vec<Subtotal>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ScoreKind {
    Points,
    Percent,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Overall {
    pub passed: bool,
    pub reasons: Vec<String>,
}

/// What assessing needs from the evaluation of the school table.
pub struct Context<'a> {
    pub standard: Standard,
    pub profile: &'a Profile,
    pub lang: Lang,
    pub levels: &'a Levels<LevelResult>,
    /// The rows in scope (after mixed schools' facilities are split: the items read only
    /// students and facts, which the split leaves alone).
    pub rows: &'a [SchoolRow],
    pub table: &'a Table,
}

/// An answer that cannot be used: the item (or survey group) it belongs to and why. The
/// answer is set aside, the item cannot pass, and the rest of the verdict stands.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerProblem {
    pub kind: AnswerKind,
    pub id: String,
    /// What is wrong, as a diagnostic (its column is the item id).
    pub problem: Problem,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerKind {
    Points,
    Survey,
    Item,
}

/// The largest survey count: more people than any county has.
const MAX_COUNT: f64 = 1e9;

/// Checks the answers: points within their maxima, survey counts that make sense, rates
/// within 0–100%, every number finite. Returns the answers without the unusable ones.
pub fn check_answers(answers: &Answers, profile: &Profile, lang: Lang) -> (Answers, Vec<AnswerProblem>) {
    let mut usable = answers.clone();
    let mut problems = check_points(answers, profile, &mut usable, lang);
    problems.extend(check_survey(answers, &mut usable, lang));
    problems.extend(check_measures(answers, profile, &mut usable, lang));
    (usable, problems)
}

fn answer_problem(kind: AnswerKind, id: &str, code: Code, args: Args, lang: Lang) -> AnswerProblem {
    AnswerProblem { kind, id: id.into(), problem: Problem::error(code, args, lang).in_column(id) }
}

/// Government points: finite, from 0 to the item's maximum.
fn check_points(answers: &Answers, profile: &Profile, usable: &mut Answers, lang: Lang) -> Vec<AnswerProblem> {
    let (mut problems, mut bad) = (Vec::new(), Vec::new());
    for item in &profile.basic2012.government_items {
        let Some(&points) = answers.government_points.get(&item.id) else { continue };
        if !(points.is_finite() && (0.0..=item.max_points).contains(&points)) {
            bad.push(item.id.as_str());
            // The rejected value as text: it may be NaN or infinite, and the result stays finite.
            let args = args!["points" => points.to_string(), "max" => item.max_points];
            problems.push(answer_problem(AnswerKind::Points, &item.id, Code::PointsOutOfRange, args, lang));
        }
    }
    usable.government_points = without(&answers.government_points, &bad);
    problems
}

/// `map` without the entries `bad` names.
fn without<V: Clone>(map: &Keyed<V>, bad: &[&str]) -> Keyed<V> {
    map.iter().filter(|(key, _)| !bad.contains(&key.as_str())).map(|(key, value)| (key.clone(), value.clone())).collect()
}

/// Survey counts: finite, sensible, and no more satisfied than asked.
fn check_survey(answers: &Answers, usable: &mut Answers, lang: Lang) -> Vec<AnswerProblem> {
    let (mut problems, mut bad) = (Vec::new(), Vec::new());
    for (group, count) in &answers.survey {
        let counts_ok = [count.respondents, count.satisfied].iter().all(|v| v.is_finite() && (0.0..=MAX_COUNT).contains(v));
        if !counts_ok || count.satisfied > count.respondents {
            bad.push(group.as_str());
            problems.push(answer_problem(AnswerKind::Survey, group, Code::SurveyCounts, args![], lang));
        }
    }
    usable.survey = without(&answers.survey, &bad);
    problems
}

/// Measured values: rates within 0–100%, other numbers finite and sensible.
fn check_measures(answers: &Answers, profile: &Profile, usable: &mut Answers, lang: Lang) -> Vec<AnswerProblem> {
    let mut problems = Vec::new();
    for item in profile.quality2017.guarantees.iter().chain(&profile.quality2017.quality) {
        let Some(answer) = answers.items.get(&item.id) else { continue };
        let mut bad = Vec::new();
        for m in &item.measures {
            let Some(&v) = answer.values.get(&m.id) else { continue };
            let percent = m.unit == "%";
            let in_range = if percent { (0.0..=100.0).contains(&v) } else { v.is_finite() && v.abs() <= 1e12 };
            if !in_range {
                bad.push(m.id.as_str());
                let args = args!["measure" => m.text.get(lang).into_owned(), "value" => v.to_string(), "unit" => m.unit(lang), "percent" => if percent { "yes" } else { "no" }];
                problems.push(answer_problem(AnswerKind::Item, &item.id, Code::AnswerOutOfRange, args, lang));
            }
        }
        if let Some(a) = usable.items.get_mut(&item.id).filter(|_| !bad.is_empty()) {
            a.values = without(&answer.values, &bad);
        }
    }
    problems
}

/// Marks each item whose answer was set aside: it is not answered, cannot pass, and says why.
fn mark_problems(parts: &mut [Part], problems: &[AnswerProblem], lang: Lang) {
    for p in problems {
        let wanted: &[&str] = match p.kind {
            AnswerKind::Points => &["government"],
            AnswerKind::Survey => &["satisfaction", "recognition"],
            AnswerKind::Item => &["guarantee", "quality"],
        };
        let Some(part) = parts
            .iter_mut()
            .find(|part| wanted.contains(&part.part) && (p.kind != AnswerKind::Item || part.items.iter().any(|i| i.id == p.id)))
        else {
            continue;
        };
        if !part.items.iter().any(|i| i.id == p.id) {
            let name = survey_group_name(&p.id, lang);
            part.items.insert(0, PartItem { from_answers: true, ..item(&p.id, &name, None, None, String::new(), false) });
        }
        for i in part.items.iter_mut().filter(|i| i.id == p.id) {
            i.error = Some(p.problem.clone());
            i.answered = false;
            i.passed = false;
        }
        part.passed = false;
    }
}

fn survey_group_name(id: &str, lang: Lang) -> String {
    SURVEY_GROUPS.iter().find(|g| g.0 == id).map_or(id.to_string(), |g| lang.pick(g.1, g.2).to_string())
}

/// Every part of the standard, judged; and the overall verdict.
pub fn assess(answers: &Answers, cx: &Context) -> (Vec<Part>, Overall) {
    let lang = cx.lang;
    let (usable, problems) = check_answers(answers, cx.profile, lang);
    let answers = &usable;
    let mut parts = vec![resources_part(cx)];
    match cx.standard {
        Standard::Basic2012 => {
            parts.push(gate_part(answers, lang));
            parts.push(government_part(answers, cx));
            parts.push(survey_part(
                "satisfaction",
                lang.pick("公众满意度", "Public satisfaction"),
                cx.profile.basic2012.satisfaction_min,
                answers,
                lang,
            ));
        }
        Standard::Quality2017 => {
            let q = &cx.profile.quality2017;
            parts.push(check_part("guarantee", lang.pick("政府保障程度", "Government guarantees"), &q.guarantees, answers, cx));
            parts.push(check_part("quality", lang.pick("教育质量", "Education quality"), &q.quality, answers, cx));
            let recognition = survey_part("recognition", lang.pick("社会认可度", "Public recognition"), q.recognition_min, answers, lang);
            parts.push(veto_part(answers, cx, &recognition));
            parts.insert(parts.len() - 1, recognition);
        }
    }
    mark_problems(&mut parts, &problems, lang);
    let reasons: Vec<String> = parts.iter().filter(|p| !p.passed).map(|p| part_reason(p, lang)).collect();
    let overall = Overall { passed: reasons.is_empty(), reasons };
    (parts, overall)
}

/// "政府保障程度未通过：A（否，要求 是）；B（2所学校不符合）；另有 3 项未填写".
fn part_reason(part: &Part, lang: Lang) -> String {
    let failing = part.items.iter().filter(|i| !i.passed);
    let mut pieces: Vec<String> = failing
        .clone()
        .filter(|i| i.answered)
        .map(|i| {
            let value = match &i.value {
                Some(Value::Bool(false)) if !i.details.is_empty() => lang.script(match lang {
                    Lang::Zh | Lang::ZhHant => format!("{}所学校不符合", i.details.len()),
                    #[cfg(feature = "en")]
                    Lang::En => format!("{} schools in breach", i.details.len()),
                }),
                Some(Value::Number(v)) => format!("{}{}{}", numbers::plain(*v), lang.pick("，要求 ", ", required "), i.rule),
                Some(Value::Bool(b)) => format!("{}{}{}", yes_no(*b, lang), lang.pick("，要求 ", ", required "), i.rule),
                None => i.details.join(lang.pick("，", ", ")),
            };
            format!("{}（{value}）", i.name)
        })
        .collect();
    let wrong = failing.clone().filter(|i| i.error.is_some()).count();
    if wrong > 0 {
        pieces.push(lang.script(match lang {
            Lang::Zh | Lang::ZhHant => format!("{wrong} 项填写有误"),
            #[cfg(feature = "en")]
            Lang::En => format!("{wrong} answers out of range"),
        }));
    }
    let unanswered = failing.filter(|i| !i.answered && i.error.is_none()).count();
    if unanswered > 0 {
        pieces.push(lang.script(match lang {
            Lang::Zh | Lang::ZhHant => format!("{unanswered} 项未填写"),
            #[cfg(feature = "en")]
            Lang::En => format!("{unanswered} items not answered"),
        }));
    }
    if let (Some(s), Some(t), "government") = (part.score, part.threshold, part.part) {
        if s < t {
            pieces.insert(
                0,
                lang.script(match lang {
                    Lang::Zh | Lang::ZhHant => format!("得分 {} 分，低于 {t} 分", numbers::plain(s)),
                    #[cfg(feature = "en")]
                    Lang::En => format!("score {} below {t}", numbers::plain(s)),
                }),
            );
        }
    }
    format!("{}{}{}", part.name, lang.pick("未通过：", " fails: "), pieces.join(lang.pick("；", "; ")))
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b {
        lang.pick("是", "yes")
    } else {
        lang.pick("否", "no")
    }
}

fn item(id: &str, name: &str, value: Option<Value>, threshold: Option<f64>, rule: String, passed: bool) -> PartItem {
    PartItem {
        id: id.into(),
        name: name.into(),
        answered: value.is_some(),
        computed: false,
        from_answers: false,
        value,
        threshold,
        rule,
        passed,
        details: Vec::new(),
        allowances: Vec::new(),
        comment: String::new(),
        error: None,
    }
}

fn part(part: &'static str, name: &str, mut items: Vec<PartItem>) -> Part {
    // The resources are the school table's, but for basic2012's gate (办学基本标准), an answer;
    // every other part is answered, but for the items the table decides.
    for i in &mut items {
        i.from_answers = if part == "resources" { i.id == "school_standard" } else { !i.computed };
    }
    Part {
        part,
        name: name.into(),
        passed: items.iter().all(|i| i.passed),
        items,
        score: None,
        max_score: None,
        threshold: None,
        score_kind: None,
        subtotals: Vec::new(),
    }
}

/// The resource part, from the evaluation of the school table.
fn resources_part(cx: &Context) -> Part {
    let lang = cx.lang;
    let mut items = Vec::new();
    for (level, result) in cx.levels {
        let prefix = match lang {
            Lang::Zh | Lang::ZhHant => level.name(lang).to_string(),
            #[cfg(feature = "en")]
            Lang::En => lang.pick("", if *level == crate::model::Level::Primary { "Primary:" } else { "Junior:" }).to_string(),
        };
        if let (Some(limit), Standard::Basic2012) = (result.composite_limit, cx.standard) {
            let name = format!("{prefix}{}", lang.pick("综合差异系数", " composite CV"));
            let value = result.composite_cv.map(Value::Number);
            items.push(item(&format!("{}.composite", level.key()), &name, value, Some(limit), format!("≤ {limit}"), result.passed));
        }
        for i in result.indicators.iter().filter(|i| i.limit.is_some()) {
            let limit = i.limit.unwrap_or_default();
            let name = format!(
                "{prefix}{}",
                lang.script(match lang {
                    Lang::Zh | Lang::ZhHant => format!("{}差异系数", i.name),
                    #[cfg(feature = "en")]
                    Lang::En => format!(" {} CV", i.name),
                })
            );
            items.push(item(
                &format!("{}.{}", level.key(), i.key),
                &name,
                i.cv.map(Value::Number),
                Some(limit),
                format!("≤ {limit}"),
                i.passed == Some(true),
            ));
        }
        if let Some(passed) = result.schools_passed {
            let name = format!("{prefix}{}", lang.pick("学校达到校际资源配置要求", " schools meeting the per-school rule"));
            let total = result.schools as f64;
            items.push(item(
                &format!("{}.schools", level.key()),
                &name,
                Some(Value::Number(passed as f64)),
                Some(total),
                format!("= {total}"),
                passed == result.schools,
            ));
        }
    }
    part("resources", lang.pick("资源配置", "Resource allocation"), items)
}

fn gate_part(answers: &Answers, lang: Lang) -> Part {
    let met = answers.school_standard_met;
    let name = lang.pick("所有学校达到省定办学基本标准", "All schools meet the province's basic standards");
    let rule = yes_no(true, lang).to_string();
    let gate = item("school_standard", name, met.map(Value::Bool), None, rule, met == Some(true));
    part("school_standard", lang.pick("办学基本标准", "Basic school standards"), vec![gate])
}

fn government_part(answers: &Answers, cx: &Context) -> Part {
    let (lang, profile) = (cx.lang, &cx.profile.basic2012);
    let items: Vec<PartItem> = profile
        .government_items
        .iter()
        .map(|g| {
            let points = answers.government_points.get(&g.id).copied();
            let rule = format!("≤ {}", g.max_points);
            item(&g.id, &g.text.get(lang), points.map(Value::Number), Some(g.max_points), rule, true)
        })
        .collect();
    let points = |aspect: Option<&str>| -> (f64, f64) {
        profile
            .government_items
            .iter()
            .filter(|g| aspect.is_none_or(|a| g.aspect == a))
            .fold((0.0, 0.0), |(p, m), g| (p + answers.government_points.get(&g.id).copied().unwrap_or(0.0), m + g.max_points))
    };
    let subtotals = ASPECTS
        .iter()
        .map(|(id, zh, en)| {
            let (points, max_points) = points(Some(id));
            Subtotal { aspect: id.to_string(), name: lang.pick(zh, en).into(), points, max_points }
        })
        .collect();
    let (score, max) = points(None);
    let unanswered = items.iter().any(|i| !i.answered);
    let mut part = part("government", lang.pick("县级人民政府推进工作", "County government's work"), items);
    part.passed = !unanswered && score >= profile.government_pass;
    for i in part.items.iter_mut().filter(|i| !i.answered) {
        i.passed = false;
    }
    part.score = Some(score);
    part.max_score = Some(max);
    part.threshold = Some(profile.government_pass);
    part.score_kind = Some(ScoreKind::Points);
    part.subtotals = subtotals;
    part
}

/// Satisfaction (basic2012) or recognition (quality2017): each group's rate and the overall rate.
fn survey_part(id: &'static str, name: &str, min: f64, answers: &Answers, lang: Lang) -> Part {
    let rate = |c: &SurveyCount| if c.respondents > 0.0 { 100.0 * c.satisfied / c.respondents } else { 0.0 };
    let mut items: Vec<PartItem> = SURVEY_GROUPS
        .iter()
        .filter_map(|(group, zh, en)| {
            let count = answers.survey.get(group).filter(|c| c.respondents > 0.0)?;
            let mut i = item(group, lang.pick(zh, en), Some(Value::Number(rate(count))), None, String::new(), true);
            i.details.push(format!("{} / {}", count.satisfied, count.respondents));
            Some(i)
        })
        .collect();
    let total = answers.survey.values().fold(SurveyCount::default(), |t, c| SurveyCount {
        respondents: t.respondents + c.respondents,
        satisfied: t.satisfied + c.satisfied,
    });
    let overall_rate = (total.respondents > 0.0).then(|| rate(&total));
    let overall_name = lang.pick("总体满意度", "Overall rate");
    let passed = overall_rate.is_some_and(|r| r >= min);
    let mut overall = item("overall", overall_name, overall_rate.map(Value::Number), Some(min), format!("≥ {min}%"), passed);
    overall.details.push(format!("{} / {}", total.satisfied, total.respondents));
    items.push(overall);
    let mut part = part(id, name, items);
    part.score = overall_rate;
    part.max_score = Some(100.0);
    part.threshold = Some(min);
    part.score_kind = Some(ScoreKind::Percent);
    part
}

fn check_part(id: &'static str, name: &str, items: &[CheckItem], answers: &Answers, cx: &Context) -> Part {
    let judged = items.iter().map(|check| judge_check(check, answers.items.get(&check.id), cx)).collect();
    part(id, name, judged)
}

fn judge_check(check: &CheckItem, answer: Option<&ItemAnswer>, cx: &Context) -> PartItem {
    let lang = cx.lang;
    let name = check.text.get(lang);
    let comment = answer.map(|a| a.comment.clone()).unwrap_or_default();
    if let Some((offenders, allowances)) = check.computed.and_then(|rule| computed_offenders(rule, cx)) {
        let passed = offenders.is_empty();
        let rule = lang.pick("所有学校符合（由学校数据计算）", "every school complies (from the school table)");
        let mut i = item(&check.id, &name, Some(Value::Bool(passed)), None, rule.into(), passed);
        i.details = offenders;
        i.allowances = allowances;
        i.comment = comment;
        i.computed = true;
        return i;
    }
    let mut judged = if check.measures.is_empty() {
        let met = answer.and_then(|a| a.met);
        item(&check.id, &name, met.map(Value::Bool), None, yes_no(true, lang).into(), met == Some(true))
    } else {
        judge_measures(check, answer, lang)
    };
    judged.comment = comment;
    judged
}

fn judge_measures(check: &CheckItem, answer: Option<&ItemAnswer>, lang: Lang) -> PartItem {
    let values: Vec<(&Measure, Option<f64>)> =
        check.measures.iter().map(|m| (m, answer.and_then(|a| a.values.get(&m.id).copied()))).collect();
    let answered = values.iter().all(|(_, v)| v.is_some());
    let passed = answered && values.iter().all(|(m, v)| v.is_some_and(|v| m.holds(v)));
    let rules: Vec<String> = check.measures.iter().map(|m| m.rule(lang)).collect();
    let (value, threshold) = match values.as_slice() {
        [(m, v)] => (v.map(Value::Number), m.min.or(m.below)),
        _ => (None, None),
    };
    let mut judged = item(&check.id, &check.text.get(lang), value, threshold, rules.join(lang.pick("，", ", ")), passed);
    judged.answered = answered;
    judged.details = values
        .iter()
        .map(|(m, v)| {
            let shown = v.map_or(lang.pick("未填写", "not answered").to_string(), |v| format!("{}{}", numbers::plain(v), m.unit(lang)));
            format!("{} {shown}{}{}{}", m.text.get(lang), lang.pick("（", " ("), m.rule(lang), lang.pick("）", ")"))
        })
        .collect();
    judged
}

fn veto_part(answers: &Answers, cx: &Context, recognition: &Part) -> Part {
    let lang = cx.lang;
    let mut items: Vec<PartItem> = cx
        .profile
        .quality2017
        .vetoes
        .iter()
        .map(|v| {
            let applies = answers.vetoes.contains(&v.id);
            let mut i = item(&v.id, &v.text.get(lang), Some(Value::Bool(applies)), None, yes_no(false, lang).into(), !applies);
            i.answered = true;
            i
        })
        .collect();
    if let Some(rate) = recognition.score.filter(|r| *r < cx.profile.quality2017.recognition_min) {
        let min = cx.profile.quality2017.recognition_min;
        let name = lang.script(match lang {
            Lang::Zh | Lang::ZhHant => format!("社会认可度低于{min}%"),
            #[cfg(feature = "en")]
            Lang::En => format!("Public recognition below {min}%"),
        });
        items.push(item("recognition_below", &name, Some(Value::Number(rate)), Some(min), format!("≥ {min}%"), false));
    }
    part("veto", lang.pick("一票否决", "Veto"), items)
}

// --- guarantee items 3–5 from the school table ---------------------------------------

/// The schools that break a computed rule and those judged by a local allowance of the profile,
/// or `None` when the table lacks the rule's columns.
fn computed_offenders(rule: Computed, cx: &Context) -> Option<(Vec<String>, Vec<String>)> {
    use SchoolFact::*;
    let needs: &[SchoolFact] = match rule {
        Computed::ArtsRooms => &[Classes, MusicRooms, MusicRoomArea, ArtRooms, ArtRoomArea],
        Computed::SchoolSize => &[],
        Computed::ClassSize => &[LargestClass],
    };
    if !needs.iter().all(|f| cx.table.has(Column::Fact(*f))) {
        return None;
    }
    let q = &cx.profile.quality2017;
    let (mut offenders, mut allowed) = (Vec::new(), Vec::new());
    for members in school_groups(cx.rows) {
        let school: Vec<&SchoolRow> = members.iter().map(|&i| &cx.rows[i]).collect();
        match rule {
            Computed::SchoolSize => {
                let (cap, allowance) = crate::allowances::school_size_cap(&school, q, cx.lang);
                offenders.extend(school_size_offense(&school, cap, cx.lang));
                allowed.extend(allowance);
            }
            Computed::ClassSize => offenders.extend(class_size_offenses(&school, q, cx.lang)),
            Computed::ArtsRooms => {
                let (music, art, allowance) = crate::allowances::arts_room_areas(&school, q, cx.lang);
                offenders.extend(arts_rooms_offense(&school, q, (music, art), cx.lang));
                allowed.extend(allowance);
            }
        }
    }
    Some((offenders, allowed))
}

fn missing(name: &str, lang: Lang) -> String {
    lang.script_keeping(
        match lang {
            Lang::Zh | Lang::ZhHant => format!("{name}：数据未填写"),
            #[cfg(feature = "en")]
            Lang::En => format!("{name}: data missing"),
        },
        &[name],
    )
}

/// Item 4: a school's students (all levels of a 一贯制 school together) within its cap
/// (the rule's, or a local allowance).
fn school_size_offense(school: &[&SchoolRow], limit: f64, lang: Lang) -> Option<String> {
    let name = &school[0].name;
    let students: f64 = school.iter().map(|r| r.students).sum();
    (students > limit).then(|| {
        lang.script_keeping(
            match lang {
                Lang::Zh | Lang::ZhHant => format!("{name}：{students}人，超过{limit}人"),
                #[cfg(feature = "en")]
                Lang::En => format!("{name}: {students} students, above {limit}"),
            },
            &[name],
        )
    })
}

/// Item 5: each level's largest class within its level's cap.
fn class_size_offenses(school: &[&SchoolRow], q: &Quality2017Profile, lang: Lang) -> Vec<String> {
    let name = &school[0].name;
    school
        .iter()
        .filter_map(|row| {
            let limit = q.class_size.get(row.level);
            match row.fact(SchoolFact::LargestClass) {
                None => Some(missing(name, lang)),
                Some(size) if size > limit => Some(lang.script_keeping(
                    match lang {
                        Lang::Zh | Lang::ZhHant => format!("{name}（{}）：最大班额{size}人，超过{limit}人", row.level.name(lang)),
                        #[cfg(feature = "en")]
                        Lang::En => format!("{name} ({}): largest class {size}, above {limit}", row.level.name(lang)),
                    },
                    &[name],
                )),
                Some(_) => None,
            }
        })
        .collect()
}

/// Item 3: one music and one art room per so many classes (at least one each), each room
/// at least its area (`areas`: the rule's, or a local allowance); a mixed school's
/// classes and rooms are pooled.
fn arts_rooms_offense(school: &[&SchoolRow], q: &Quality2017Profile, areas: (f64, f64), lang: Lang) -> Option<String> {
    use SchoolFact::*;
    let name = &school[0].name;
    let sum = |f: SchoolFact| school.iter().map(|r| r.fact(f)).sum::<Option<f64>>();
    let rule = &q.arts_rooms;
    let (Some(classes), Some(music), Some(music_area), Some(art), Some(art_area)) =
        (sum(Classes), sum(MusicRooms), sum(MusicRoomArea), sum(ArtRooms), sum(ArtRoomArea))
    else {
        return Some(missing(name, lang));
    };
    let needed = (classes / rule.classes_per_room).ceil().max(1.0);
    let short = |rooms: f64, area: f64, min_area: f64| rooms < needed || (rooms > 0.0 && area / rooms < min_area);
    if !short(music, music_area, areas.0) && !short(art, art_area, areas.1) {
        return None;
    }
    Some(lang.script_keeping(match lang {
        Lang::Zh | Lang::ZhHant => format!(
            "{name}：{classes}个班，需音乐、美术教室各{needed}间；现有音乐{music}间共{music_area}㎡、美术{art}间共{art_area}㎡（每间不小于{}㎡、{}㎡）",
            areas.0, areas.1
        ),
        #[cfg(feature = "en")]
        Lang::En => format!(
            "{name}: {classes} classes need {needed} music and art rooms each; has {music} music rooms ({music_area} ㎡) and {art} art rooms ({art_area} ㎡), each at least {} ㎡ and {} ㎡",
            areas.0, areas.1
        ),
    }, &[name]))
}
