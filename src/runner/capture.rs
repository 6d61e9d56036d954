//! Commands that change what the group produced: items, checks, fields and the handlingsplan.

use super::{Cmd, Effect, Now, Runner, read_only_notice};
use crate::script::Activity;
use crate::worksheet::{Check, ChooseError, Item, Measure, choose_toggle, import_items};

impl Runner {
    pub(super) fn capture(&mut self, cmd: Cmd, now: Now, fx: &mut Vec<Effect>) {
        if is_plan_cmd(&cmd) {
            self.plan_cmd(cmd, fx);
            return;
        }
        if self.read_only.contains(&self.key()) {
            self.notice = Some(read_only_notice());
            return;
        }
        let activity = self.activity();
        let changed = match (&activity, cmd) {
            (Activity::Plan { .. }, _) => false,
            (Activity::Checklist { items }, Cmd::Add(text)) => self.set_count(items, &text, now),
            (a, Cmd::Add(text)) if a.list().is_some() => {
                self.add_item(a.list().unwrap_or_default(), text, now)
            }
            (
                Activity::Collect {
                    list,
                    from: Some(from),
                },
                Cmd::Import,
            ) => self.import(list, from, now),
            (Activity::Collect { .. }, Cmd::Import) => {
                self.notice = Some("Dette steget henter ikke inn noen liste fra før.".into());
                false
            }
            (a, Cmd::Edit(text)) if a.list().is_some() => {
                self.edit_item(a.list().unwrap_or_default(), text, now)
            }
            (a, Cmd::Delete) if a.list().is_some() => {
                self.delete_item(a.list().unwrap_or_default(), now)
            }
            (Activity::Collect { list, .. }, Cmd::MoveUp) => self.move_item(list, true, now),
            (Activity::Collect { list, .. }, Cmd::MoveDown) => self.move_item(list, false, now),
            (
                Activity::Vote { .. } | Activity::Group { .. } | Activity::Choose { .. },
                Cmd::MoveUp | Cmd::MoveDown,
            ) => {
                self.notice = Some("Rekkefølgen endres i steget der lista samles.".into());
                false
            }
            (Activity::Vote { list, .. }, Cmd::Mark) => self.vote(list, 1, now),
            (Activity::Vote { list, .. }, Cmd::Unmark) => self.vote(list, -1, now),
            (Activity::Group { list }, Cmd::SetTheme(theme)) => self.set_theme(list, theme, now),
            (Activity::Choose { list, into, max }, Cmd::Mark) => self.choose(list, into, *max, now),
            (Activity::Checklist { items }, Cmd::Mark) => self.check(items, 1, now),
            (Activity::Checklist { items }, Cmd::Unmark) => self.check(items, -1, now),
            (Activity::Fields { form, fields }, Cmd::SetField(text)) => {
                let Some(label) = fields.get(self.selected) else {
                    return;
                };
                let sheet = self.sheet_mut(now);
                sheet
                    .forms
                    .entry(form.clone())
                    .or_default()
                    .insert(label.clone(), text);
                true
            }
            _ => false,
        };
        if changed {
            fx.push(Effect::SaveSheet(self.key()));
        }
    }

    fn selected_id(&self) -> Option<u64> {
        self.visible_items().get(self.selected).map(|i| i.id)
    }

    fn add_item(&mut self, list: &str, text: String, now: Now) -> bool {
        let text = text.trim().to_string();
        if text.is_empty() {
            return false;
        }
        let sheet = self.sheet_mut(now);
        let id = sheet.fresh_id();
        sheet.list_mut(list).push(Item::new(id, text));
        self.selected = self.items(list).len() - 1;
        true
    }

    fn edit_item(&mut self, list: &str, text: String, now: Now) -> bool {
        let text = text.trim().to_string();
        let Some(id) = self.selected_id() else {
            return false;
        };
        if text.is_empty() {
            self.notice = Some("Teksten kan ikke være tom. Bruk d for å slette.".into());
            return false;
        }
        let sheet = self.sheet_mut(now);
        match sheet.list_mut(list).iter_mut().find(|i| i.id == id) {
            Some(item) if item.text != text => {
                item.text = text;
                true
            }
            _ => false,
        }
    }

    fn delete_item(&mut self, list: &str, now: Now) -> bool {
        let Some(id) = self.selected_id() else {
            return false;
        };
        let sheet = self.sheet_mut(now);
        sheet.list_mut(list).retain(|i| i.id != id);
        // A chosen copy of the deleted item goes with it.
        for items in sheet.lists.values_mut() {
            items.retain(|i| i.source != Some(id));
        }
        let n = self.row_count();
        self.selected = self.selected.min(n.saturating_sub(1));
        true
    }

    fn move_item(&mut self, list: &str, up: bool, now: Now) -> bool {
        let i = self.selected;
        let n = self.items(list).len();
        let j = if up {
            i.checked_sub(1)
        } else {
            (i + 1 < n).then_some(i + 1)
        };
        let Some(j) = j else { return false };
        self.sheet_mut(now).list_mut(list).swap(i, j);
        self.selected = j;
        true
    }

    fn vote(&mut self, list: &str, delta: i32, now: Now) -> bool {
        let Some(id) = self.selected_id() else {
            return false;
        };
        let sheet = self.sheet_mut(now);
        let Some(item) = sheet.list_mut(list).iter_mut().find(|i| i.id == id) else {
            return false;
        };
        let votes = item.votes.saturating_add_signed(delta);
        let changed = votes != item.votes;
        item.votes = votes;
        changed
    }

    fn set_theme(&mut self, list: &str, theme: String, now: Now) -> bool {
        let Some(id) = self.selected_id() else {
            return false;
        };
        let theme = Some(theme.trim().to_string()).filter(|t| !t.is_empty());
        let sheet = self.sheet_mut(now);
        let Some(item) = sheet.list_mut(list).iter_mut().find(|i| i.id == id) else {
            return false;
        };
        item.theme = theme;
        // Keep the same item selected after the list is re-sorted by theme.
        self.selected = self
            .visible_items()
            .iter()
            .position(|i| i.id == id)
            .unwrap_or(0);
        true
    }

    fn choose(&mut self, list: &str, into: &str, max: Option<u32>, now: Now) -> bool {
        let Some(id) = self.selected_id() else {
            return false;
        };
        match choose_toggle(self.sheet_mut(now), list, into, id, max) {
            Ok(_) => true,
            Err(ChooseError::Full(max)) => {
                self.notice = Some(format!(
                    "Dere har allerede valgt {max}. Fjern et valg med mellomrom før dere velger et nytt."
                ));
                false
            }
        }
    }

    fn checklist(&mut self, defs: &[crate::script::CheckDef], now: Now) -> &mut Vec<Check> {
        let step_id = self.step().id.clone();
        let checks = self.sheet_mut(now).checks.entry(step_id).or_default();
        for def in defs {
            if !checks.iter().any(|c| c.label == def.label) {
                checks.push(Check {
                    label: def.label.clone(),
                    checked: false,
                    count: 0,
                });
            }
        }
        checks
    }

    fn check(&mut self, defs: &[crate::script::CheckDef], delta: i32, now: Now) -> bool {
        let Some(def) = defs.get(self.selected).cloned() else {
            return false;
        };
        let checks = self.checklist(defs, now);
        let Some(c) = checks.iter_mut().find(|c| c.label == def.label) else {
            return false;
        };
        if def.count {
            let count = c.count.saturating_add_signed(delta);
            let changed = count != c.count;
            c.count = count;
            changed
        } else {
            let checked = delta > 0 && !c.checked;
            let changed = checked != c.checked;
            c.checked = checked;
            changed
        }
    }

    fn set_count(&mut self, defs: &[crate::script::CheckDef], text: &str, now: Now) -> bool {
        let Some(def) = defs.get(self.selected).cloned() else {
            return false;
        };
        if !def.count {
            return false;
        }
        let Ok(n) = text.trim().parse::<u32>() else {
            self.notice = Some(format!(
                "«{}» er ikke et helt tall.",
                crate::text::inert_line(text)
            ));
            return false;
        };
        let checks = self.checklist(defs, now);
        match checks.iter_mut().find(|c| c.label == def.label) {
            Some(c) => {
                c.count = n;
                true
            }
            None => false,
        }
    }

    fn import(&mut self, list: &str, from: &str, now: Now) -> bool {
        let Some((_, items)) = self.earlier_list(from) else {
            self.notice = Some(format!(
                "Ingen tidligere økt har levert lista «{from}» ennå. Dere kan skrive inn punktene selv med a."
            ));
            return false;
        };
        let items = items.to_vec();
        let added = import_items(self.sheet_mut(now), list, &items);
        self.notice = Some(match added {
            0 => "Alt fra forrige økt er allerede hentet inn.".to_string(),
            n => format!("Hentet inn {n} punkt fra stafettpinnen."),
        });
        true
    }

    fn plan_cmd(&mut self, cmd: Cmd, fx: &mut Vec<Effect>) {
        let origin = format!(
            "Runde {} · {} · {}",
            self.at.round,
            self.phase().title,
            self.session().title
        );
        // A measure made while going through items says which item it answers.
        let origin = match self.current_item() {
            Some(item) => format!("{origin} · {}", item.text),
            None => origin,
        };
        let plan = &mut self.forlop.plan;
        let changed = match cmd {
            Cmd::AddMeasure(d) => {
                if d.tiltak.trim().is_empty() {
                    self.notice = Some("Et tiltak trenger en tekst.".into());
                    return;
                }
                self.forlop.next_id = self.forlop.next_id.max(1);
                let id = self.forlop.next_id;
                self.forlop.next_id += 1;
                self.forlop.plan.push(Measure {
                    id,
                    tiltak: d.tiltak.trim().to_string(),
                    ansvarlig: d.ansvarlig.trim().to_string(),
                    frist: d.frist,
                    status: d.status,
                    origin,
                    risk: None,
                });
                if matches!(self.step().activity, Activity::Plan { .. }) {
                    self.selected = self.forlop.plan.len() - 1;
                }
                true
            }
            Cmd::EditMeasure(i, d) => match plan.get_mut(i) {
                Some(m) if !d.tiltak.trim().is_empty() => {
                    m.tiltak = d.tiltak.trim().to_string();
                    m.ansvarlig = d.ansvarlig.trim().to_string();
                    m.frist = d.frist;
                    m.status = d.status;
                    true
                }
                _ => false,
            },
            Cmd::DeleteMeasure(i) => {
                let ok = i < plan.len();
                if ok {
                    plan.remove(i);
                }
                ok
            }
            Cmd::CycleMeasure(i) => match plan.get_mut(i) {
                Some(m) => {
                    m.status = m.status.next();
                    true
                }
                None => false,
            },
            Cmd::MoveMeasure { index, up } => {
                let j = if up {
                    index.checked_sub(1)
                } else {
                    Some(index + 1)
                };
                match j {
                    Some(j) if index < plan.len() && j < plan.len() => {
                        plan.swap(index, j);
                        // On a plan step the selection follows the moved row.
                        let on_plan = matches!(self.step().activity, Activity::Plan { .. });
                        if on_plan && self.selected == index {
                            self.selected = j;
                        }
                        true
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        if changed {
            fx.push(Effect::SaveForlop);
        }
    }
}

pub(super) fn is_plan_cmd(cmd: &Cmd) -> bool {
    matches!(
        cmd,
        Cmd::AddMeasure(_)
            | Cmd::EditMeasure(..)
            | Cmd::DeleteMeasure(_)
            | Cmd::CycleMeasure(_)
            | Cmd::MoveMeasure { .. }
    )
}
