//! A profile in words (`junheng::words`): each standard's rule in one sentence, its numbers
//! from the profile, as SPEC states the national ones (basic2012 §2: the composite CV ≤ 0.65
//! primary, ≤ 0.55 junior, over 8 indicators; quality2017 §3.1: each CV ≤ 0.50 / 0.45, every
//! school at least 6 of the 7 standards and the rest at least 85%; §4: who is left out), in
//! each language; a province's numbers change the sentence.

use junheng::standards::{Profile, Standard, TeachingPoints};
use junheng::words::{profile_words, scope_sentence};
use junheng::Lang;

#[track_caller]
fn says(profile: &Profile, standard: Standard, lang: Lang, expected: &str) {
    assert_eq!(scope_sentence(profile, standard, lang), expected);
}

#[test]
fn the_national_rules_as_spec_states_them() {
    let national = Profile::national();
    says(
        &national,
        Standard::Basic2012,
        Lang::Zh,
        "基本均衡：8项指标差异系数的平均值（综合差异系数）小学≤0.65、初中≤0.55。民办学校、特殊教育学校、职业学校、教学点不参评。",
    );
    says(&national, Standard::Quality2017, Lang::Zh, "优质均衡：每项差异系数小学≤0.50、初中≤0.45；每所学校7项中至少6项达到标准、其余项不低于标准的85%。民办学校、特殊教育学校、职业学校、不足50人的教学点不参评。");
    says(&national, Standard::Basic2012, Lang::En, "Basic balance: the mean of 8 CVs (composite CV) ≤ 0.65 (primary) and ≤ 0.55 (junior). Not evaluated: private schools, special-education schools, vocational schools, teaching points.");
    says(&national, Standard::Quality2017, Lang::En, "High-quality balance: each CV ≤ 0.50 (primary) and ≤ 0.45 (junior); every school reaches at least 6 of 7 standards and the rest at least 85%. Not evaluated: private schools, special-education schools, vocational schools, teaching points under 50 students.");
    says(&national, Standard::Quality2017, Lang::ZhHant, "優質均衡：每項差異係數小學≤0.50、初中≤0.45；每所學校7項中至少6項達到標準、其餘項不低於標準的85%。民辦學校、特殊教育學校、職業學校、不足50人的教學點不參評。");
}

#[test]
fn a_provinces_numbers_and_scope_change_the_sentence() {
    let mut profile = Profile::national();
    profile.basic2012.composite_limit.primary = 0.6;
    profile.basic2012.scope.exclude_direct = true;
    profile.basic2012.scope.teaching_points = TeachingPoints::IncludeAll;
    profile.quality2017.min_met = 5;
    profile.quality2017.floor_fraction = 0.8;
    profile.quality2017.scope = junheng::standards::Scope {
        exclude_private: false,
        exclude_direct: false,
        exclude_special: false,
        exclude_vocational: false,
        teaching_points: TeachingPoints::IncludeAll,
    };
    says(
        &profile,
        Standard::Basic2012,
        Lang::Zh,
        "基本均衡：8项指标差异系数的平均值（综合差异系数）小学≤0.60、初中≤0.55。民办学校、省（市）直属学校、特殊教育学校、职业学校不参评。",
    );
    says(&profile, Standard::Quality2017, Lang::En, "High-quality balance: each CV ≤ 0.50 (primary) and ≤ 0.45 (junior); every school reaches at least 5 of 7 standards and the rest at least 80%.");
}

#[test]
fn the_words_carry_both_sentences_and_every_rule() {
    let words = profile_words(&Profile::national(), Lang::En);
    assert!(words["scope:basic2012"].starts_with("Basic balance"));
    assert!(words["scope:quality2017"].starts_with("High-quality balance"));
    assert!(words.keys().any(|k| k.starts_with("text:")) && words.keys().any(|k| !k.contains(':')), "texts and measures' rules");
}
