//! The rows people read: the help overlay, the footer and README's key table, all made from
//! the key table so they cannot disagree with what the keys do.

use super::{Keymap, Row};
use crate::strings;

/// A help section: its title and its rows as (keys, what they do).
pub struct HelpSection {
    pub title: &'static str,
    pub rows: Vec<(String, &'static str)>,
}

impl Keymap {
    /// The help overlay's sections, in order.
    pub fn help_sections(&self) -> Vec<HelpSection> {
        self.help()
            .iter()
            .map(|s| HelpSection {
                title: strings::get_dyn(&s.section),
                rows: s
                    .rows
                    .iter()
                    .map(|row| (self.help_keys(s.mode, row), strings::get_dyn(&row.label)))
                    .collect(),
            })
            .collect()
    }

    /// The keys of a help row: the nth key of every action side by side, groups apart by two
    /// spaces ("↑ ↓  k j" for up and down).
    fn help_keys(&self, mode: super::KeyMode, row: &Row) -> String {
        if let Some(show) = &row.show
            && !self.is_changed(mode, &row.actions)
        {
            return show.clone();
        }
        let space = crate::t!("keys.name.space");
        let keys: Vec<Vec<String>> = row
            .actions
            .iter()
            .map(|&a| {
                self.keys_of(mode, a)
                    .iter()
                    .map(|k| k.show(space))
                    .collect()
            })
            .collect();
        let longest = keys.iter().map(Vec::len).max().unwrap_or(0);
        (0..longest)
            .map(|n| {
                keys.iter()
                    .filter_map(|k| k.get(n).cloned())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("  ")
    }

    /// The footer's (keys, label) pairs for a context: the first key of each action, joined by
    /// "/"; an action without a key is left out.
    pub fn footer_pairs(&self, context: &str) -> Vec<(String, &'static str)> {
        let mode = super::KeyMode::Normal;
        self.footer(context)
            .iter()
            .filter_map(|row| {
                let keys = match &row.show {
                    Some(show) if !self.is_changed(mode, &row.actions) => show.clone(),
                    _ => {
                        let firsts: Vec<String> = row
                            .actions
                            .iter()
                            .filter_map(|&a| self.keys_of(mode, a).first().map(|k| k.show("␣")))
                            .collect();
                        if firsts.is_empty() {
                            return None;
                        }
                        firsts.join("/")
                    }
                };
                Some((keys, strings::get_dyn(&row.label)))
            })
            .collect()
    }

    /// README's key table, in Markdown: one table per help section.
    pub fn readme_table(&self) -> String {
        let mut out = String::new();
        for s in self.help_sections() {
            out.push_str(&format!(
                // not user text: README's table, in the README's language
                "\n**{}**\n\n| tast | hva den gjør |\n|---|---|\n",
                s.title.trim()
            ));
            for (keys, label) in s.rows {
                let keys = keys
                    .split("  ")
                    .filter(|k| !k.is_empty())
                    .map(|k| format!("`{}`", k.replace('|', "\\|")))
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push_str(&format!("| {keys} | {label} |\n"));
            }
        }
        out
    }
}
