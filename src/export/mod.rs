//! Writers that turn a forløp into files people read elsewhere. Pure functions of the data.

pub mod markdown;
