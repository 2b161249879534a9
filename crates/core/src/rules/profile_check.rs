//! A user's profile checked before it is used (`Profile::validate`): only builds that read
//! users' profiles have it (the `profiles` feature: the CLI, the browser's second module).
//! The first module evaluates the national profile alone, which tests/trust.rs checks is valid:
//! these checks and their words are no part of a first visit (−4.6 KB gzipped).

use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::items;
use crate::keyed::MAX_IDS;
use crate::model::Lang;
use crate::standards::{is_plain_id, Allowances, PerLevel, Profile, TeachingPoints};

impl Profile {
    /// The problems that make a profile unusable, each naming the field. A profile comes
    /// from a file anyone can write: its ids end up in the page's markup and its numbers in
    /// every sum, so ids are short plain words and every number is finite and in range.
    pub fn validate(&self, lang: Lang) -> Vec<Problem> {
        let mut c = Checks { lang, problems: Vec::new() };
        self.check_limits(&mut c);
        self.check_numbers(&mut c);
        self.check_ids(&mut c);
        c.problems
    }

    /// Points, limits, standards and rates: positive, finite, within their ranges.
    fn check_limits(&self, c: &mut Checks) {
        let (b, q) = (&self.basic2012, &self.quality2017);
        let total: f64 = b.government_items.iter().map(|i| i.max_points).sum();
        c.check((total - 100.0).abs() < 1e-9, "basic2012.government_items", Code::PointsSum);
        c.check(
            b.government_items.iter().all(|i| i.max_points > 0.0 && i.max_points <= 100.0),
            "basic2012.government_items",
            Code::PointsRange,
        );
        let aspects_known = b.government_items.iter().all(|i| items::ASPECTS.iter().any(|a| a.0 == i.aspect));
        c.check(aspects_known, "basic2012.government_items", Code::UnknownAspect);
        let positive =
            |p: &PerLevel| in_range(p.primary, 0.0, MAX_NUMBER) && in_range(p.junior, 0.0, MAX_NUMBER) && p.primary > 0.0 && p.junior > 0.0;
        c.check(positive(&b.composite_limit), "basic2012.composite_limit", Code::LimitNotPositive);
        c.check(positive(&q.cv_limit), "quality2017.cv_limit", Code::LimitNotPositive);
        c.check(positive(&q.class_size), "quality2017.class_size", Code::ClassSizeNotPositive);
        let standards_ok =
            q.standards.iter().all(|s| in_range(s.minimum.primary, 0.0, MAX_NUMBER) && in_range(s.minimum.junior, 0.0, MAX_NUMBER));
        c.check(standards_ok, "quality2017.standards", Code::StandardRange);
        c.check(q.min_met <= q.standards.len(), "quality2017.min_met", Code::MinMetTooLarge);
        c.check(in_range(q.floor_fraction, 0.0, 1.0), "quality2017.floor_fraction", Code::FractionRange);
    }

    /// Weights, room rules, size caps, teaching points, rates and measures: finite, in range.
    fn check_numbers(&self, c: &mut Checks) {
        let (b, q) = (&self.basic2012, &self.quality2017);
        let w = &self.split_weights;
        let weights_ok = [w.primary, w.junior, w.senior].iter().all(|v| *v > 0.0 && in_range(*v, 0.0, 100.0));
        c.check(weights_ok, "split_weights", Code::WeightRange);
        let rooms = &q.arts_rooms;
        let rooms_ok = [rooms.classes_per_room, rooms.music_min_area, rooms.art_min_area].iter().all(|v| in_range(*v, 0.0, MAX_NUMBER))
            && rooms.classes_per_room > 0.0;
        c.check(rooms_ok, "quality2017.arts_rooms", Code::ArtsRoomsRange);
        let size_ok = [q.school_size.single, q.school_size.through].iter().all(|v| *v > 0.0 && in_range(*v, 0.0, MAX_NUMBER));
        c.check(size_ok, "quality2017.school_size", Code::SchoolSizeRange);
        c.check(allowances_valid(&q.allowances), "quality2017.allowances", Code::AllowanceRange);
        for scope_field in [("basic2012.scope", &b.scope), ("quality2017.scope", &q.scope)] {
            let ok = match scope_field.1.teaching_points {
                TeachingPoints::ExcludeBelow(n) => in_range(n, 0.0, MAX_NUMBER),
                _ => true,
            };
            c.check(ok, scope_field.0, Code::TeachingPointsRange);
        }
        for (field, rate) in [
            ("basic2012.satisfaction_min", b.satisfaction_min),
            ("quality2017.recognition_min", q.recognition_min),
            ("basic2012.government_pass", b.government_pass),
        ] {
            c.check(in_range(rate, 0.0, 100.0), field, Code::RateRange);
        }
        let measures = q.guarantees.iter().chain(&q.quality).flat_map(|i| &i.measures);
        let measures_ok = measures.clone().all(|m| m.min.iter().chain(&m.below).all(|v| in_range(*v, -MAX_NUMBER, MAX_NUMBER)));
        c.check(measures_ok, "quality2017.measures", Code::MeasureRange);
    }

    /// Item ids are short plain words, unique; no text hides control characters. A profile
    /// with more items than `MAX_IDS` is refused before its ids are compared (pairwise) or
    /// its words keyed (`profile_words`: an insert each): no profile has so many.
    fn check_ids(&self, c: &mut Checks) {
        let (b, q) = (&self.basic2012, &self.quality2017);
        let measures = q.guarantees.iter().chain(&q.quality).flat_map(|i| &i.measures);
        let count = self.item_count();
        if count > MAX_IDS {
            let args = args!["count" => count, "max" => MAX_IDS];
            c.problems.push(Problem::error(Code::TooManyItems, args, c.lang).in_column("profile.items"));
            return;
        }
        let ids: Vec<&str> = b
            .government_items
            .iter()
            .map(|i| i.id.as_str())
            .chain(q.guarantees.iter().chain(&q.quality).map(|i| i.id.as_str()))
            .chain(q.vetoes.iter().map(|v| v.id.as_str()))
            .collect();
        for id in ids.iter().chain(&measures.clone().map(|m| m.id.as_str()).collect::<Vec<_>>()).filter(|id| !is_plain_id(id)) {
            c.problems.push(Problem::error(Code::BadItemId, args!["id" => *id], c.lang).in_column("profile.items"));
        }
        // A profile has tens of items: compared pairwise, with no sort of strings in the first module.
        let repeated = ids.iter().enumerate().any(|(i, id)| ids[..i].contains(id));
        c.check(!repeated, "items", Code::RepeatedItemId);
        let texts_ok = self.texts().all(|t| !t.chars().any(crate::cells::is_invisible));
        c.check(texts_ok, "items", Code::InvisibleText);
    }

    /// Every text of the profile that the page or a message shows.
    fn texts(&self) -> impl Iterator<Item = &str> {
        let (b, q) = (&self.basic2012, &self.quality2017);
        let item_texts = b
            .government_items
            .iter()
            .map(|i| &i.text)
            .chain(q.guarantees.iter().chain(&q.quality).map(|i| &i.text))
            .chain(q.guarantees.iter().chain(&q.quality).flat_map(|i| i.measures.iter().map(|m| &m.text)))
            .chain(q.vetoes.iter().map(|v| &v.text))
            .flat_map(|t| [t.zh.as_str(), t.en.as_str()]);
        let units = q.guarantees.iter().chain(&q.quality).flat_map(|i| i.measures.iter().map(|m| m.unit.as_str()));
        [self.id.as_str(), self.name.as_str()].into_iter().chain(item_texts).chain(units)
    }
}

/// The problems a profile check has found, each naming the field, in the user's language.
struct Checks {
    lang: Lang,
    problems: Vec<Problem>,
}

impl Checks {
    fn check(&mut self, ok: bool, field: &str, code: Code) {
        if !ok {
            self.problems.push(Problem::error(code, args![], self.lang).in_column(format!("profile.{field}")));
        }
    }
}

/// The largest threshold a profile may set: far above any real one, and finite.
const MAX_NUMBER: f64 = 1e12;

/// True for a finite number within [low, high].
fn in_range(value: f64, low: f64, high: f64) -> bool {
    value.is_finite() && (low..=high).contains(&value)
}

/// Every number of the local allowances finite and not negative.
fn allowances_valid(a: &Allowances) -> bool {
    let numbers = [
        a.old_built_by,
        a.old_music_min_area,
        a.old_art_min_area,
        a.small_rural_largest_class_below,
        a.small_rural_music_min_area,
        a.small_rural_art_min_area,
        a.relaxed_size_built_by,
        a.relaxed_size_migrant_share_above,
        a.relaxed_size_cap,
        a.nine_year_size,
        a.travelling_teachers_min_students,
        a.travelling_teachers_max_students,
    ];
    numbers.iter().flatten().all(|v| in_range(*v, 0.0, MAX_NUMBER))
}
