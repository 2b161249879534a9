//! A profile in words, in a language: each standard's rule in one sentence (its limits, its
//! per-school rule, the schools it leaves out), each measure's rule ("≥ 95%"), and each item's,
//! measure's and veto's text. The page's forms and its scope sentence show these, never words
//! of their own: a province's profile changes the numbers, and the sentence follows.

use crate::indicators::BASIC2012;
use crate::keyed::Keyed;
use crate::model::Lang;
use crate::numbers;
use crate::standards::{Profile, Scope, Standard, TeachingPoints};

/// The profile's words in `lang`, keyed: `scope:basic2012` and `scope:quality2017` (each
/// standard's rule in one sentence), `item.measure` (a measure's rule), `text:item` and
/// `text:item.measure` (the texts of items, measures and vetoes).
pub fn profile_words(profile: &Profile, lang: Lang) -> Keyed<String> {
    let q = &profile.quality2017;
    let mut words = Keyed::new();
    for standard in [Standard::Basic2012, Standard::Quality2017] {
        words.insert(format!("scope:{}", standard.id()), scope_sentence(profile, standard, lang));
    }
    for item in q.guarantees.iter().chain(&q.quality) {
        words.insert(format!("text:{}", item.id), item.text.get(lang).into_owned());
        for m in &item.measures {
            words.insert(format!("{}.{}", item.id, m.id), m.rule(lang));
            words.insert(format!("text:{}.{}", item.id, m.id), m.text.get(lang).into_owned());
        }
    }
    let others = profile.basic2012.government_items.iter().map(|i| (&i.id, &i.text)).chain(q.vetoes.iter().map(|v| (&v.id, &v.text)));
    for (id, text) in others {
        words.insert(format!("text:{id}"), text.get(lang).into_owned());
    }
    words
}

/// The standard's rule in one sentence, every number from the profile.
pub fn scope_sentence(profile: &Profile, standard: Standard, lang: Lang) -> String {
    #[cfg_attr(not(feature = "en"), allow(unused_variables))]
    let (zh, en) = match standard {
        Standard::Quality2017 => {
            let q = &profile.quality2017;
            let (primary, junior) = (numbers::limit(q.cv_limit.primary), numbers::limit(q.cv_limit.junior));
            let (count, min_met, floor) = (q.standards.len(), q.min_met, numbers::plain(q.floor_fraction * 100.0));
            (
                format!("优质均衡：每项差异系数小学≤{primary}、初中≤{junior}；每所学校{count}项中至少{min_met}项达到标准、其余项不低于标准的{floor}%。"),
                en!("High-quality balance: each CV ≤ {primary} (primary) and ≤ {junior} (junior); every school reaches at least {min_met} of {count} standards and the rest at least {floor}%."),
            )
        }
        Standard::Basic2012 => {
            let b = &profile.basic2012;
            let (primary, junior) = (numbers::limit(b.composite_limit.primary), numbers::limit(b.composite_limit.junior));
            let count = BASIC2012.len();
            (
                format!("基本均衡：{count}项指标差异系数的平均值（综合差异系数）小学≤{primary}、初中≤{junior}。"),
                en!("Basic balance: the mean of {count} CVs (composite CV) ≤ {primary} (primary) and ≤ {junior} (junior)."),
            )
        }
    };
    let scope = match standard {
        Standard::Quality2017 => &profile.quality2017.scope,
        Standard::Basic2012 => &profile.basic2012.scope,
    };
    match lang {
        #[cfg(feature = "en")]
        Lang::En => format!("{en}{}", excluded(scope, Lang::En)),
        _ => lang.script(format!("{zh}{}", excluded(scope, Lang::Zh))),
    }
}

/// The schools the scope leaves out, as a sentence ("" for none).
fn excluded(scope: &Scope, lang: Lang) -> String {
    let below;
    let points = match scope.teaching_points {
        TeachingPoints::ExcludeAll => Some(lang.pick("教学点", "teaching points")),
        TeachingPoints::ExcludeBelow(n) => {
            below = match lang {
                #[cfg(feature = "en")]
                Lang::En => format!("teaching points under {} students", numbers::plain(n)),
                _ => format!("不足{}人的教学点", numbers::plain(n)),
            };
            Some(below.as_str())
        }
        TeachingPoints::IncludeAll => None,
    };
    let list: Vec<&str> = [
        scope.exclude_private.then(|| lang.pick("民办学校", "private schools")),
        scope.exclude_direct.then(|| lang.pick("省（市）直属学校", "schools run by the province or city")),
        scope.exclude_special.then(|| lang.pick("特殊教育学校", "special-education schools")),
        scope.exclude_vocational.then(|| lang.pick("职业学校", "vocational schools")),
        points,
    ]
    .into_iter()
    .flatten()
    .collect();
    match (list.is_empty(), lang) {
        (true, _) => String::new(),
        #[cfg(feature = "en")]
        (false, Lang::En) => format!(" Not evaluated: {}.", list.join(", ")),
        (false, _) => format!("{}不参评。", list.join("、")),
    }
}
