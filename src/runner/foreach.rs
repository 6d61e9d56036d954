//! Steps that repeat for each item of a list, item sets, roles and the summary.

use super::{Cmd, Effect, Now, Runner};
use crate::script::{Activity, ForEach};
use crate::t;
use crate::worksheet::Item;

impl Runner {
    /// The current step's for-each and the items it goes through: the list in this session's
    /// worksheet, or else the latest one an earlier session handed on.
    pub fn for_each(&self) -> Option<(&ForEach, Vec<Item>)> {
        let fe = self.step().for_each.as_ref()?;
        let here = self
            .sheet()
            .map(|s| s.list(&fe.list))
            .filter(|l| !l.is_empty());
        let items = match here {
            Some(items) => items.to_vec(),
            None => self
                .earlier_list(&fe.list)
                .map(|(_, i)| i.to_vec())
                .unwrap_or_default(),
        };
        Some((fe, items))
    }

    /// What was noted about the current item where it was chosen from: when a for-each step
    /// goes through a list a `Choose` made, the notes and fields the group wrote for each item
    /// in a for-each step over the list it was chosen from (meeting 1's notes on a challenge,
    /// shown in meeting 2). Lines to show.
    pub fn noted_before(&self) -> Vec<String> {
        let (Some((fe, _)), Some(item)) = (self.for_each(), self.current_item()) else {
            return Vec::new();
        };
        let Some(source) = item.source else {
            return Vec::new();
        };
        // The worksheet the items come from: ids only mean something there.
        let here = self.sheet().filter(|s| !s.list(&fe.list).is_empty());
        let sheet = match here {
            Some(sheet) => sheet,
            None => match self.earlier_list(&fe.list) {
                Some((key, _)) => &self.sheets[&key],
                None => return Vec::new(),
            },
        };
        let Some(at) = self.script.find_session(&sheet.session) else {
            return Vec::new();
        };
        let steps = &self.script.session(at).steps;
        let Some(chosen_from) = steps.iter().find_map(|s| {
            let spec = s.activity.spec();
            (spec.makes() == Some(fe.list.as_str()))
                .then(|| spec.list())
                .flatten()
        }) else {
            return Vec::new();
        };
        let scoped = |name: &str| crate::worksheet::scoped(name, source);
        let mut lines = Vec::new();
        for step in steps {
            if step.for_each.as_ref().is_none_or(|f| f.list != chosen_from) {
                continue;
            }
            let spec = step.activity.spec();
            if let Some(list) = spec.list() {
                lines.extend(sheet.list(&scoped(list)).iter().map(|n| n.text.clone()));
            }
            if let Some((form, labels)) = spec.form()
                && let Some(values) = sheet.forms.get(&scoped(form))
            {
                for label in labels {
                    if let Some(v) = values.get(label).filter(|v| !v.trim().is_empty()) {
                        lines.push(format!("{label}: {}", v.trim()));
                    }
                }
            }
        }
        lines
    }

    /// The item the current for-each step is on.
    pub fn current_item(&self) -> Option<Item> {
        let (_, items) = self.for_each()?;
        items.get(self.at.item).cloned()
    }

    /// The current step's activity, with list and form names scoped to the current item in a
    /// for-each step, so every item keeps its own notes.
    pub fn activity(&self) -> Activity {
        let activity = self.step().activity.clone();
        let Some(item) = self.current_item() else {
            return activity;
        };
        let scope = |name: &str| crate::worksheet::scoped(name, item.id);
        activity.spec().scoped(&scope).unwrap_or(activity)
    }

    /// Moves within a for-each step; false when the step has no further item that way.
    pub(super) fn step_item(&mut self, forward: bool, fx: &mut Vec<Effect>) -> bool {
        let Some((_, items)) = self.for_each() else {
            return false;
        };
        let next = if forward {
            (self.at.item + 1 < items.len()).then_some(self.at.item + 1)
        } else {
            self.at.item.checked_sub(1)
        };
        let Some(item) = next else { return false };
        self.at.item = item;
        self.selected = 0;
        self.forlop.position.item = item;
        fx.push(Effect::SaveForlop);
        true
    }

    /// The number of items of the current for-each step.
    pub fn item_count(&self) -> usize {
        self.for_each().map_or(0, |(_, items)| items.len())
    }

    /// A number key on a step that goes through items with a rating: rate the current item.
    /// False when the command is not a rating.
    pub(super) fn rate_cmd(&mut self, cmd: &Cmd, now: Now, fx: &mut Vec<Effect>) -> bool {
        if let Cmd::Level(n) = cmd
            && let Some((fe, _)) = self.for_each()
            && !fe.rate.is_empty()
        {
            let (list, labels) = (fe.list.clone(), fe.rate.clone());
            self.rate(&list, &labels, *n, now, fx);
            return true;
        }
        false
    }

    fn rate(&mut self, list: &str, labels: &[String], n: u8, now: Now, fx: &mut Vec<Effect>) {
        let Some(item) = self.current_item() else {
            return;
        };
        if !(1..=labels.len()).contains(&usize::from(n)) {
            self.notice = Some(t!(
                "runner.foreach.vurder_med_et_tall_fra",
                n = labels.len()
            ));
            return;
        }
        if let Some(why) = self.locked() {
            self.notice = Some(why);
            return;
        }
        let sheet = self.sheet_mut(now);
        if let Some(i) = sheet.list_mut(list).iter_mut().find(|i| i.id == item.id) {
            i.rating = Some(n);
            self.changed(fx);
        }
    }
}

impl Runner {
    /// The task that leads the current step and the role agreed for it, if the step names one.
    pub fn lead(&self) -> Option<(String, Option<String>)> {
        let task = self.step().lead.clone()?;
        let role = self.forlop.roles.get(&task).cloned();
        Some((task, role))
    }

    /// The rating labels used for a list in this session, if a for-each step rates it.
    pub fn rating_labels(&self, list: &str) -> Option<&[String]> {
        self.session()
            .steps
            .iter()
            .filter_map(|s| s.for_each.as_ref())
            .find(|fe| fe.list == list && !fe.rate.is_empty())
            .map(|fe| fe.rate.as_slice())
    }

    /// An item's rating as text, e.g. `3 Mye`.
    pub fn rating_text(&self, list: &str, item: &Item) -> Option<String> {
        crate::text::rating_label(self.rating_labels(list)?, item.rating)
    }
}
