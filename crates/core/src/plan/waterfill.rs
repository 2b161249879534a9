//! The cheapest raise of one indicator at one level: what the rectification plan (plan.rs)
//! asks of every indicator. Each school has a value `x_i` and students `P_i`; adding to its
//! resource can only raise its value; the CV (SPEC §1) must come to at most τ.
//!
//! Why "raise the lowest to one level" is the cheapest, continuously. The cost of a raise is
//! its unit cost times Σ `P_i (y_i − x_i)` / s, so for a county without mixed schools it is
//! proportional to the new county value M = Σ `w_i y_i` (`w_i` = `P_i`/P). Among all new values
//! with the same M, the weighted variance Σ `w_i y_i²` − M² is least when the schools that
//! are raised end at one common level t and nobody above t is touched: `y_i` = max(`lo_i`, t),
//! where `lo_i` is the school's own lower bound (its value, or the standard it must reach).
//! That is the convex problem "minimise Σ w y² with Σ w y = M and y ≥ lo", whose KKT
//! conditions are exactly this water-filling. So if any plan of mean M passes, the
//! water-filling of mean M passes too, and the cheapest plan is the water-filling at the
//! least level t whose CV is at most τ. M grows with t, so the least passing t gives the
//! least M: the continuous optimum, found exactly below by solving, between consecutive
//! `lo_i`, the quadratic that says CV = τ.
//!
//! Whole units (persons, rooms, ㎡, 元) are then reached by rounding every raise down and
//! adding single units where one lowers the CV most until it passes (`whole_units`); each raised
//! school loses less than one unit by rounding down, so the repair adds about one unit per
//! raised school: the integer plan costs at most the continuous optimum (a lower bound of
//! every whole-unit plan) plus about one unit per raised school. The tests check this bound
//! against brute force.

/// One school (one level of it) as the solver sees one indicator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    /// `P_i`.
    pub students: f64,
    /// This level's resource `R_i` now (a mixed school's facility: its share of the total).
    pub resource: f64,
    /// s of SPEC §1: 100 for "per 100 students", else 1.
    pub scale: f64,
    /// The part of one unit added that this level receives: 1, but for a mixed school's
    /// facility its share of the whole-school total. 0: fixed, nothing can be added.
    pub part: f64,
    /// The least value it must reach (its standard, or its floor); 0 when none.
    pub floor: f64,
}

impl Unit {
    /// `x_i` = s·`R_i`/`P_i`, as the evaluation computes it.
    pub fn value(&self) -> f64 {
        self.scale * self.resource / self.students
    }

    /// The value after `n` units, computed as the evaluation will compute it (exactly so
    /// when `part` is 1), so that "reaches its floor" means the same to both.
    pub fn after(&self, n: u64) -> f64 {
        self.scale * (self.resource + n as f64 * self.part) / self.students
    }

    /// How much one unit raises the value.
    pub fn step(&self) -> f64 {
        self.scale * self.part / self.students
    }

    fn free(&self) -> bool {
        self.part > 0.0
    }

    /// The value it starts the water-filling from: its floor reached, for a free school.
    fn base(&self) -> f64 {
        if self.free() {
            self.value().max(self.floor)
        } else {
            self.value()
        }
    }

    /// The fewest whole units that bring it to its floor. A mixed school's share is split
    /// by the evaluation in another order of operations, so it must clear the floor by a hair.
    pub fn to_floor(&self) -> u64 {
        if !self.free() || self.value() >= self.floor {
            return 0;
        }
        let clear = if self.part == 1.0 { self.floor } else { self.floor * (1.0 + 1e-12) + f64::MIN_POSITIVE };
        let mut n = whole(((self.floor - self.value()) / self.step() - 1e-9).ceil());
        while self.after(n) < clear {
            n += 1;
        }
        n
    }
}

/// A whole count from a float that is ≥ 0 (negative and NaN give 0, beyond u64 saturates:
/// Rust's float-to-integer casts are saturating, which is the wanted behaviour here).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub fn whole(x: f64) -> u64 {
    x.max(0.0) as u64
}

/// CV² of values `y` with weights `w` (Σw = 1) from A = Σ w y and B = Σ w y²: B/A² − 1.
fn cv2(a: f64, b: f64) -> f64 {
    if a > 0.0 {
        (b / (a * a) - 1.0).max(0.0)
    } else {
        f64::INFINITY
    }
}

/// The free schools sorted by their base value, and the sums the level search starts from.
pub struct Prepared<'a> {
    units: &'a [Unit],
    total: f64,
    /// Indices of free units, by base value ascending.
    order: Vec<usize>,
}

impl<'a> Prepared<'a> {
    pub fn new(units: &'a [Unit]) -> Prepared<'a> {
        let mut order: Vec<usize> = (0..units.len()).filter(|&i| units[i].free()).collect();
        order.sort_by(|&a, &b| units[a].base().total_cmp(&units[b].base()));
        Prepared { units, total: units.iter().map(|u| u.students).sum(), order }
    }

    /// The least water level t at which the CV is at most `tau`: every free school below t
    /// raised to t. `NEG_INFINITY` when reaching the floors is enough; `None` when no level is
    /// (the fixed schools alone hold the CV above τ).
    pub fn level(&self, tau: f64) -> Option<f64> {
        let k = 1.0 + tau * tau;
        let w = |i: usize| self.units[i].students / self.total;
        // A and B of the schools not (yet) raised; W the weight of those raised.
        let mut a: f64 = (0..self.units.len()).map(|i| w(i) * self.units[i].base()).sum();
        let mut b: f64 = (0..self.units.len()).map(|i| w(i) * self.units[i].base().powi(2)).sum();
        if a > 0.0 && b <= k * a * a {
            return Some(f64::NEG_INFINITY);
        }
        if a <= 0.0 {
            // None of the resource anywhere: any common level above 0 has CV 0, so the least
            // cost is 0⁺ (whole units then give everyone about one unit, `whole_units`).
            return (!self.order.is_empty()).then_some(0.0);
        }
        let mut raised = 0.0;
        for (m, &i) in self.order.iter().enumerate() {
            let base = self.units[i].base();
            a -= w(i) * base;
            b -= w(i) * base * base;
            raised += w(i);
            let right = self.order.get(m + 1).map_or(f64::INFINITY, |&j| self.units[j].base());
            if let Some(t) = first_passing(a, b, raised, k, base, right) {
                return Some(t);
            }
        }
        None
    }

    /// The whole units each school needs for water level `t` (fractional: the continuous plan).
    pub fn counts(&self, t: f64) -> impl Iterator<Item = f64> + '_ {
        self.units.iter().map(move |u| if u.free() { (u.base().max(t) - u.value()).max(0.0) / u.step() } else { 0.0 })
    }

    /// Σ counts at the least passing level for `tau`: the continuous optimum, in units.
    pub fn least_units(&self, tau: f64) -> Option<f64> {
        self.level(tau).map(|t| self.counts(t).sum())
    }

    /// The same raise in whole units, each school's rounded up: what whole persons and rooms
    /// make it cost (about what `whole_units` gives, in linear time, for weighing CVs).
    pub fn whole_estimate(&self, tau: f64) -> Option<f64> {
        self.level(tau).map(|t| self.counts(t).map(|n| (n - 1e-9).ceil().max(0.0)).sum())
    }
}

/// The least t in [left, right] where g(t) = (B + W t²) − k (A + W t)² ≤ 0, for the segment
/// where the raised schools (weight W) stand at t and the rest contribute A and B.
fn first_passing(a: f64, b: f64, w: f64, k: f64, left: f64, right: f64) -> Option<f64> {
    let g = |t: f64| (b + w * t * t) - k * (a + w * t).powi(2);
    if g(left) <= 0.0 && a + w * left > 0.0 {
        return Some(left);
    }
    // g(t) = q t² + r t + c.
    let (q, r, c) = (w - k * w * w, -2.0 * k * a * w, b - k * a * a);
    let mut roots: Vec<f64> = if q.abs() < 1e-300 {
        if r == 0.0 {
            Vec::new()
        } else {
            vec![-c / r]
        }
    } else {
        let disc = r * r - 4.0 * q * c;
        if disc < 0.0 {
            return None;
        }
        // The numerically stable pair of roots.
        let s = -0.5 * (r + r.signum() * disc.sqrt());
        let mut pair = vec![s / q];
        if s != 0.0 {
            pair.push(c / s);
        }
        pair
    };
    roots.sort_by(f64::total_cmp);
    roots.into_iter().filter(|t| *t > left && *t <= right && t.is_finite()).find_map(|t| {
        // The root where g turns negative, nudged until it passes (rounding can leave g a hair above 0).
        let mut t = t;
        for _ in 0..60 {
            if g(t) <= 0.0 {
                return (t <= right).then_some(t);
            }
            t += t.abs().max(1e-12) * 1e-12;
        }
        None
    })
}

/// Whole units per school so that every free school reaches its floor and the CV is at most
/// `tau`: the continuous plan rounded down, then single units where one lowers the CV most,
/// until it passes. `None` when no plan exists.
///
/// Single units can get stuck where every one more unit raises the CV (a few small schools,
/// whole teachers): then the level is raised by the largest step and tried again, which costs
/// at most that step per raised school more each time.
pub fn whole_units(units: &[Unit], tau: f64) -> Option<Vec<u64>> {
    let prepared = Prepared::new(units);
    let least = prepared.level(tau)?;
    let largest = units.iter().filter(|u| u.free()).map(Unit::step).fold(0.0, f64::max);
    // From nothing (least = 0): the least common level that gives every free school a unit.
    let start = if least == 0.0 { largest } else { least };
    (0..64).find_map(|attempt| {
        let t = if attempt == 0 { start } else { start.max(0.0) + f64::from(attempt) * largest };
        // Floors are met whole; above them, the continuous raise is rounded down.
        let counts = units
            .iter()
            .zip(prepared.counts(t))
            .map(|(u, raise)| if u.free() { u.to_floor().max(whole((raise + 1e-9).floor())) } else { 0 })
            .collect();
        repair(units, counts, tau)
    })
}

/// Adds single units where one lowers the CV most until it is at most `tau`; `None` when no
/// single unit lowers it.
fn repair(units: &[Unit], mut counts: Vec<u64>, tau: f64) -> Option<Vec<u64>> {
    let total: f64 = units.iter().map(|u| u.students).sum();
    let w: Vec<f64> = units.iter().map(|u| u.students / total).collect();
    let y = |i: usize, n: u64| units[i].after(n);
    let mut a: f64 = (0..units.len()).map(|i| w[i] * y(i, counts[i])).sum();
    let mut b: f64 = (0..units.len()).map(|i| w[i] * y(i, counts[i]).powi(2)).sum();
    // Rounding down loses less than a unit per raised school: about that many steps repair it.
    for _ in 0..(8 * units.len() + 256) {
        let now = cv2(a, b);
        if now <= tau * tau {
            return Some(counts);
        }
        let (best, after) = (0..units.len())
            .filter(|&i| units[i].free())
            .map(|i| {
                let (old, new) = (y(i, counts[i]), y(i, counts[i] + 1));
                (i, cv2(a + w[i] * (new - old), b + w[i] * (new * new - old * old)))
            })
            .min_by(|x, z| x.1.total_cmp(&z.1))?;
        if after >= now {
            return None;
        }
        let (old, new) = (y(best, counts[best]), y(best, counts[best] + 1));
        a += w[best] * (new - old);
        b += w[best] * (new * new - old * old);
        counts[best] += 1;
    }
    None
}

/// The CV of the units after adding `counts`: what the tests and the plan check against τ.
pub fn cv_after(units: &[Unit], counts: &[u64]) -> f64 {
    let total: f64 = units.iter().map(|u| u.students).sum();
    let y = |i: usize| units[i].after(counts[i]);
    let a: f64 = (0..units.len()).map(|i| units[i].students / total * y(i)).sum();
    let b: f64 = (0..units.len()).map(|i| units[i].students / total * y(i).powi(2)).sum();
    cv2(a, b).sqrt()
}
