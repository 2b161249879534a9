//! The evaluation: the statistics, each level's indicators and resources, the parts and the
//! verdict, a province county by county, and one CV explained step by step.

pub mod assessment;
pub mod evaluation;
pub mod explain;
pub mod indicators;
pub mod province;
pub mod resources;
pub mod statistics;
