//! Local allowances: a rule of the 2017 method relaxed for a school that meets a condition of
//! its own (its year built, its migrant children, its type, a small rural school), as some
//! regions apply it (peers attribute the numbers to the 2019 work rules, 国教督办函〔2019〕30号,
//! but no national text we found holds them: docs/profile.md). Each is a profile rule
//! (`Allowances`), off in the national profile; each school judged by one is named in a
//! sentence beside the item, so that the report says which rule was applied to whom.

use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::model::{Lang, Locality, Resource, SchoolFact, SchoolRow, SchoolType};
use crate::standards::{Allowances, Quality2017Profile};

/// A fact of the school: its first row that has it (a mixed school's rows are one school).
fn fact(school: &[&SchoolRow], f: SchoolFact) -> Option<f64> {
    school.iter().find_map(|r| r.fact(f))
}

/// Guarantee item 4: the school's cap on students, and the sentence naming the allowance
/// that raised it (none when the rule applies as written).
pub(crate) fn school_size_cap(school: &[&SchoolRow], q: &Quality2017Profile, lang: Lang) -> (f64, Option<String>) {
    let name = &school[0].name;
    let through = matches!(school[0].school_type, SchoolType::NineYear | SchoolType::TwelveYear);
    let written = if through { q.school_size.through } else { q.school_size.single };
    let a = &q.allowances;
    let say = |why: String, cap: f64| lang.script_keeping(why.replace("{cap}", &cap.to_string()), &[name]);
    if school[0].school_type == SchoolType::NineYear {
        if let Some(cap) = a.nine_year_size().filter(|&cap| cap > written) {
            let why = if lang.is_english() {
                format!("{name}: a nine-year school, its cap raised to {{cap}} by this profile's local allowance")
            } else {
                format!("{name}：九年一贯制学校，规模上限按本方案的地方放宽规则为{{cap}}人")
            };
            return (cap, Some(say(why, cap)));
        }
    }
    let Some((built_by, share_above, cap)) = a.relaxed_school_size().filter(|r| !through && r.2 > written) else { return (written, None) };
    let built = fact(school, SchoolFact::BuiltYear).filter(|&y| y <= built_by);
    let migrants = fact(school, SchoolFact::MigrantShare).filter(|&s| s > share_above);
    let why = match (built, migrants, lang) {
        #[cfg(feature = "en")]
        (Some(year), _, Lang::En) => format!("{name}: built in {year}, its cap raised to {{cap}} by this profile's local allowance"),
        (Some(year), _, _) => format!("{name}：{year}年建校，规模上限按本方案的地方放宽规则为{{cap}}人"),
        #[cfg(feature = "en")]
        (None, Some(share), Lang::En) => {
            format!("{name}: {share}% migrant children, its cap raised to {{cap}} by this profile's local allowance")
        }
        (None, Some(share), _) => format!("{name}：随迁子女占{share}%，规模上限按本方案的地方放宽规则为{{cap}}人"),
        (None, None, _) => return (written, None),
    };
    (cap, Some(say(why, cap)))
}

/// Guarantee item 3: the least area of each music and art room for the school, and the
/// sentence naming the allowance that lowered it. Of two allowances the lower area wins.
pub(crate) fn arts_room_areas(school: &[&SchoolRow], q: &Quality2017Profile, lang: Lang) -> (f64, f64, Option<String>) {
    let name = &school[0].name;
    let (mut music, mut art, mut why) = (q.arts_rooms.music_min_area, q.arts_rooms.art_min_area, None);
    let a = &q.allowances;
    if let (Some((built_by, old_music, old_art)), Some(year)) = (a.old_arts_rooms(), fact(school, SchoolFact::BuiltYear)) {
        if year <= built_by && (old_music < music || old_art < art) {
            (music, art) = (music.min(old_music), art.min(old_art));
            why = Some(if lang.is_english() { format!("{name}: built in {year}") } else { format!("{name}：{year}年建校") });
        }
    }
    let largest = school.iter().filter_map(|r| r.fact(SchoolFact::LargestClass)).reduce(f64::max);
    let rural = school[0].locality == Some(Locality::Rural);
    if let (Some((below, small_music, small_art)), Some(largest), true) = (a.small_rural_arts_rooms(), largest, rural) {
        if largest < below && (small_music < music || small_art < art) {
            (music, art) = (music.min(small_music), art.min(small_art));
            why = Some(if lang.is_english() {
                format!("{name}: a small rural school (largest class {largest})")
            } else {
                format!("{name}：乡村小规模学校（最大班额{largest}人）")
            });
        }
    }
    let said = why.map(|why| {
        let rule = if lang.is_english() {
            format!("{why}: each music and art room at least {music} ㎡ and {art} ㎡ by this profile's local allowance")
        } else {
            format!("{why}，音乐、美术教室每间按本方案的地方放宽规则不小于{music}㎡、{art}㎡")
        };
        lang.script_keeping(rule, &[name])
    });
    (music, art, said)
}

/// Counts the rotating, part-time and travelling PE and art teachers of small rural schools
/// (走教体育艺术教师数) with their own PE and art teachers, before any indicator; a notice
/// names how many schools and teachers, none when no school qualifies.
pub(crate) fn count_travelling_teachers(rows: &mut [SchoolRow], allowances: &Allowances, lang: Lang) -> Option<Problem> {
    let (min, max) = allowances.travelling_teachers()?;
    let (mut schools, mut teachers, mut names) = (0usize, 0.0, Vec::new());
    for row in rows.iter_mut() {
        let Some(travelling) = row.fact(SchoolFact::TravellingPeArtTeachers).filter(|&t| t > 0.0) else { continue };
        let small = (min..=max).contains(&row.students);
        if row.locality != Some(Locality::Rural) || !small {
            continue;
        }
        let own = &mut row.resources[Resource::PeArtTeachers.index()];
        *own = Some(own.unwrap_or(0.0) + travelling);
        (schools, teachers) = (schools + 1, teachers + travelling);
        names.push(row.name.clone());
    }
    (schools > 0).then(|| {
        let args =
            args!["count" => schools, "teachers" => teachers, "min" => min, "max" => max, "names" => names.join(lang.pick("、", ", "))];
        Problem::notice(Code::TravellingTeachersCounted, args, lang)
    })
}
