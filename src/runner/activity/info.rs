//! Info: only the prompt and the guide; the runner has nothing to do.

use super::Run;
use crate::script::activity::Info;

impl Run for Info {}
