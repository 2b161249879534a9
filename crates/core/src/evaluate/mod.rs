//! The evaluation: the statistics, each level's indicators and resources, the parts and the
//! verdict, a province county by county, one CV explained step by step, and two years
//! compared.

pub mod assessment;
pub mod compare;
pub mod evaluation;
pub mod explain;
pub mod indicators;
pub mod keyed;
pub mod province;
pub mod resources;
pub mod statistics;
