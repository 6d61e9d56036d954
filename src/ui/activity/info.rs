//! Info: only the prompt and the guide, drawn by the session view; nothing of its own.

use super::View;
use crate::script::activity::Info;

impl View for Info {}
