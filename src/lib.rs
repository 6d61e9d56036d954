//! Stafett: a terminal workshop facilitator for Norwegian workplace-environment groups.
//!
//! Layers, each in its own module: `script` (process descriptions as data), `worksheet` (what a
//! group produced, and its store), `runner` (the pure session state machine), `app` (modes,
//! keys, the event loop; the only caller of IO), `ui` (rendering, reads state only) and
//! `export` (Markdown from a forløp).

pub mod app;
pub mod cli;
pub mod export;
pub mod keys;
pub mod runner;
pub mod script;
pub mod strings;
pub mod text;
pub mod tui;
pub mod ui;
pub mod worksheet;
