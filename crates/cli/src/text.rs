//! The evaluation as text for a terminal: each level's indicators and verdict, every part
//! with its failing items, the overall verdict, exclusions and notes.

use junheng::evaluation::{Evaluation, IndicatorResult};
use junheng::plan::Plan;
use junheng::Lang;

pub fn render_text(e: &Evaluation, lang: Lang) -> String {
    let mut out = String::new();
    if !e.errors.is_empty() {
        return out;
    }
    if let Some(counties) = &e.counties {
        return render_province(e, counties, lang);
    }
    out += &format!("{} · {}\n", e.standard.name(lang), e.profile);
    for (level, result) in &e.levels {
        let verdict = if result.passed { lang.pick("通过", "PASS") } else { lang.pick("未通过", "FAIL") };
        out += &format!(
            "\n{} ({} {}, {} {}): {verdict}\n",
            level.name(lang),
            result.schools,
            lang.pick("所学校", "schools"),
            result.students,
            lang.pick("名学生", "students")
        );
        for i in &result.indicators {
            out += &indicator_line(i, lang);
        }
        if let (Some(cv), Some(limit)) = (result.composite_cv, result.composite_limit) {
            out += &format!("  {} {cv:.3} (≤ {limit:.2})\n", lang.pick("综合差异系数", "composite CV"));
        }
        for reason in &result.reasons {
            out += &format!("  ✗ {reason}\n");
        }
    }
    for part in &e.parts {
        let mark = if part.passed { "✓" } else { "✗" };
        let score = match (part.score, part.max_score) {
            (Some(s), Some(m)) => format!(" {s:.1} / {m}"),
            _ => String::new(),
        };
        out += &format!("\n{mark} {}{score}\n", part.name);
        for item in part.items.iter().filter(|i| !i.passed) {
            let state = match (&item.error, item.answered) {
                (Some(error), _) => error.message.clone(),
                (None, true) => lang.pick("未达到", "not met").to_string(),
                (None, false) => lang.pick("未填写", "not answered").to_string(),
            };
            out += &format!("  ✗ {} — {state} {}\n", item.name, item.rule);
            for detail in &item.details {
                out += &format!("      {detail}\n");
            }
        }
    }
    if let Some(overall) = &e.overall {
        let verdict = if overall.passed { lang.pick("通过", "PASS") } else { lang.pick("未通过", "FAIL") };
        out += &format!("\n{}: {verdict}\n", lang.pick("总体结论", "Overall"));
        for reason in &overall.reasons {
            out += &format!("  • {reason}\n");
        }
    }
    for x in &e.excluded {
        out += &format!("{} {} ({}): {}\n", lang.pick("不参评", "excluded"), x.name, x.level.name(lang), x.reason);
    }
    for w in &e.warnings {
        out += &format!("{} {}\n", lang.pick("提示", "note"), w.describe(lang));
    }
    out
}

/// A province: a line per county and level, as the page's summary has it (worst CV against
/// its limit, composite, schools missing the per-school rule, verdict); `--county NAME`
/// shows one in full.
fn render_province(e: &Evaluation, counties: &[Evaluation], lang: Lang) -> String {
    let mut out = format!("{} · {}\n", e.standard.name(lang), e.profile);
    for county in counties {
        let name = county.county.as_deref().unwrap_or_default();
        if !county.errors.is_empty() {
            let n = county.errors.len();
            let says = if lang == Lang::En {
                format!("{n} problems in the data (see above)")
            } else {
                lang.script(format!("数据有 {n} 处需要修改（见上）"))
            };
            out += &format!("{name}: {says}\n");
            continue;
        }
        for s in county.summary.iter().flatten() {
            let verdict = if s.passed { lang.pick("通过", "PASS") } else { lang.pick("未通过", "FAIL") };
            let mut line = format!("{name} {} ({} {})", s.level.name(lang), s.schools, lang.pick("所学校", "schools"));
            if let (Some(key), Some(cv)) = (s.worst_indicator, s.worst_cv) {
                let limit = s.worst_limit.map_or(String::new(), |l| format!(" ≤ {l:.2}"));
                line += &format!(" · {} {cv:.3}{limit} ({key})", lang.pick("最大差异系数", "worst CV"));
            }
            if let (Some(cv), Some(limit)) = (s.composite_cv, s.composite_limit) {
                line += &format!(" · {} {cv:.3} ≤ {limit:.2}", lang.pick("综合差异系数", "composite CV"));
            }
            if let Some(failing) = s.schools_failing {
                line += &format!(" · {} {failing}", lang.pick("校际未达标学校", "schools below the per-school rule"));
            }
            out += &format!("{line}: {verdict}\n");
        }
    }
    for w in &e.warnings {
        out += &format!("{} {}\n", lang.pick("提示", "note"), w.describe(lang));
    }
    out
}

fn indicator_line(i: &IndicatorResult, lang: Lang) -> String {
    let cv = i.cv.map_or("—".to_string(), |cv| format!("{cv:.3}"));
    let limit = i.limit.map_or(String::new(), |l| format!(" (≤ {l:.2})"));
    let mark = match i.passed {
        Some(true) => " ✓",
        Some(false) => " ✗",
        None => "",
    };
    format!(
        "  {}: {} {:.4}, {} {:.4}, {} {cv}{limit}{mark}\n",
        i.name,
        lang.pick("县域值", "county"),
        i.county_value,
        lang.pick("标准差", "SD"),
        i.sd,
        lang.pick("差异系数", "CV"),
    )
}

/// The plan as a ledger: what to add where and what it costs, moves, and the proof.
pub fn render_plan(plan: &Plan, lang: Lang) -> String {
    let mut out = format!("{} · {} {}\n", plan.standard.name(lang), lang.pick("余量", "margin"), plan.margin);
    for a in &plan.additions {
        let whole = if a.whole_school { lang.pick("（全校）", " (whole school)") } else { "" };
        out += &format!("  {} {}{whole}: {} +{} {} = {:.0} 元\n", a.name, a.level.name(lang), a.column, a.add, a.unit, a.cost);
    }
    for t in &plan.transfers {
        out += &format!(
            "  {} {} → {} {}: {} ×{} = {:.0} 元\n",
            t.from.name,
            t.from.level.name(lang),
            t.to.name,
            t.to.level.name(lang),
            t.column,
            t.count,
            t.cost
        );
    }
    out += &format!("{} {:.0} 元\n", lang.pick("合计", "total"), plan.total_cost);
    for problem in &plan.problems {
        out += &format!("  ✗ {}\n", problem.message);
    }
    let verdict =
        if plan.feasible { lang.pick("重新计算：达标", "re-evaluated: passes") } else { lang.pick("无法达标", "cannot pass") };
    out + verdict + "\n"
}

/// Two years for a terminal: each CV then and now (and whether it crossed its limit), each
/// verdict, the schools new and gone, and the earlier plan's lines.
pub fn render_comparison(c: &junheng::compare::Comparison, lang: Lang) -> String {
    use junheng::compare::{LineStatus, SchoolStatus};
    let number = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format!("{v:.3}"));
    let verdict = |v: Option<bool>| match v {
        Some(true) => lang.pick("通过", "pass"),
        Some(false) => lang.pick("未通过", "fail"),
        None => "—",
    };
    let mut out = format!("{} · {}\n\n", c.standard.name(lang), lang.pick("两年对比", "two years compared"));
    for i in &c.indicators {
        let crossed = match i.crossed {
            Some(true) => lang.pick("  越过限值", "  crossed the limit"),
            _ => "",
        };
        let limit = i.limit.map(|l| format!(" ≤ {l:.2}")).unwrap_or_default();
        out += &format!("{} {}: {} → {}{limit}{crossed}\n", i.level.name(lang), i.name, number(i.before), number(i.after));
    }
    out += "\n";
    for v in &c.verdicts {
        out += &format!("{}: {} → {}\n", v.name, verdict(v.before), verdict(v.after));
    }
    for (status, words) in
        [(SchoolStatus::New, lang.pick("新增学校", "new schools")), (SchoolStatus::Gone, lang.pick("不再有的学校", "schools gone"))]
    {
        let names: Vec<String> =
            c.schools.iter().filter(|s| s.status == status).map(|s| format!("{}（{}）", s.name, s.level.name(lang))).collect();
        if !names.is_empty() {
            out += &format!("\n{words}: {}\n", names.join(lang.pick("、", ", ")));
        }
    }
    if let Some(plan) = &c.plan {
        out += &format!("\n{}\n", lang.pick("往年整改台账", "the earlier plan's ledger"));
        for l in &plan.lines {
            let status = match l.status {
                LineStatus::Done => lang.pick("已完成", "done"),
                LineStatus::Partly => lang.pick("部分完成", "partly"),
                LineStatus::NotYet => lang.pick("未完成", "not yet"),
            };
            let column = junheng::input::Column::from_key(l.column).map_or(l.column, |c| c.label(lang));
            let amount = |v: Option<f64>| v.map_or_else(|| "—".to_string(), junheng::numbers::plain);
            out += &format!("{} {} {column}: {} / {} {} {status}\n", l.row, l.name, amount(l.added), amount(Some(l.planned)), l.unit);
        }
        out +=
            &format!("{}: {:.0} / {:.0}\n", lang.pick("已完成投入 / 计划投入（元）", "done / planned (yuan)"), plan.cost_done, plan.cost);
    }
    out
}
