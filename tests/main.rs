//! The one integration-test binary: every suite is a module, so `cargo test` links once.

mod common;

mod app;
mod cli;
mod e2e;
mod exports;
#[cfg(unix)]
mod files;
mod foreach;
mod languages;
mod mouse;
mod practice;
mod properties;
#[cfg(unix)]
mod quit;
mod risk;
mod runner;
mod saving;
mod scripts;
mod store;
mod ui;
