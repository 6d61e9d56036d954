//! RiskGrid: assess themes row by row (levels with one key), as a table or the risk matrix;
//! a row's proposed measure becomes a handlingsplan row.

use super::super::{Cmd, Effect, Runner};
use crate::script::activity::RiskGrid;
use crate::script::{Activity, RiskScale};
use crate::t;
use crate::worksheet::risk::{Column, RiskRow, RiskSettings};
use super::Run;
use super::super::Now;

impl Runner {
    /// The scale and bands in force for a grid: as agreed, or the script's default.
    pub fn risk_settings(&self, grid: &str) -> Option<RiskSettings> {
        if let Some(s) = self.forlop.risk.get(grid) {
            return Some(s.clone());
        }
        self.script.scales.first().map(RiskSettings::from_scale)
    }

    /// The scale in force for a grid.
    pub fn risk_scale(&self, grid: &str) -> Option<&RiskScale> {
        let id = self
            .forlop
            .risk
            .get(grid)
            .map(|s| s.scale.as_str())
            .unwrap_or("");
        self.script.scale(id)
    }

    pub fn grid_rows(&self, grid: &str) -> &[RiskRow] {
        self.forlop
            .grids
            .get(grid)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub(super) fn grid_cmd(
        &mut self,
        grid: &str,
        themes_from: Option<&str>,
        cmd: &Cmd,
        fx: &mut Vec<Effect>,
    ) {
        let n = self.grid_rows(grid).len();
        let i = self.selected.min(n.saturating_sub(1));
        let changed = match cmd {
            Cmd::Add(tema) => self.add_row(grid, tema),
            Cmd::CellText(column, text) if n > 0 => {
                let row = &mut self.forlop.grids.get_mut(grid).expect("rows exist")[i];
                match column.text_mut(row) {
                    Some(cell) => {
                        *cell = text.trim().to_string();
                        row.example = false;
                        true
                    }
                    None => false,
                }
            }
            Cmd::CellLevel(column, level) if n > 0 => self.grid_level(grid, i, *column, *level),
            Cmd::Mark if n > 0 => {
                let row = &mut self.forlop.grids.get_mut(grid).expect("rows exist")[i];
                let was = row.example;
                row.example = false;
                was
            }
            Cmd::Delete if n > 0 => {
                self.forlop
                    .grids
                    .get_mut(grid)
                    .expect("rows exist")
                    .remove(i);
                self.selected = i.min(n.saturating_sub(2));
                true
            }
            Cmd::MoveUp | Cmd::MoveDown if n > 0 => self.move_row(grid, i, *cmd == Cmd::MoveUp),
            Cmd::SortByRisk => self.sort_rows(grid, i),
            Cmd::ToPlan if n > 0 => self.row_to_plan(grid, i),
            Cmd::Import => self.seed_grid(grid, themes_from, true),
            _ => false,
        };
        if changed {
            fx.push(Effect::SaveForlop);
        }
    }

    /// A number key in a level column; a text column or a number off the scale says why not.
    fn grid_level(&mut self, grid: &str, i: usize, column: Column, level: u8) -> bool {
        let scale = self.risk_scale(grid);
        let max = match column {
            Column::Sannsynlighet | Column::RestSannsynlighet => {
                scale.map_or(5, |s| s.sannsynlighet.len())
            }
            _ => scale.map_or(5, |s| s.konsekvens.len()),
        } as u8;
        if !column.is_level() {
            self.notice = Some(
                t!("runner.activity.risk_grid.velg_kolonnen_sannsynlighet_konsekvens_eller").into(),
            );
            return false;
        }
        let row = &mut self.forlop.grids.get_mut(grid).expect("rows exist")[i];
        if column.set_level(row, level, max) {
            // Rating an example row makes it the group's; clearing a level does not.
            row.example &= level == 0;
            true
        } else {
            let top = if column == Column::Usikkerhet { 3 } else { max };
            self.notice = Some(t!(
                "runner.activity.risk_grid.column_gar_fra_1_til",
                column = column.label(),
                top = top
            ));
            false
        }
    }

    fn move_row(&mut self, grid: &str, i: usize, up: bool) -> bool {
        let n = self.grid_rows(grid).len();
        let j = if up {
            i.checked_sub(1)
        } else {
            (i + 1 < n).then_some(i + 1)
        };
        match j {
            Some(j) => {
                self.forlop
                    .grids
                    .get_mut(grid)
                    .expect("rows exist")
                    .swap(i, j);
                self.selected = j;
                true
            }
            None => false,
        }
    }

    fn sort_rows(&mut self, grid: &str, i: usize) -> bool {
        let Some(rows) = self.forlop.grids.get_mut(grid) else {
            return false;
        };
        let id = rows.get(i).map(|r| r.id);
        rows.sort_by_key(|r| std::cmp::Reverse(r.value()));
        self.selected = rows.iter().position(|r| Some(r.id) == id).unwrap_or(0);
        self.notice =
            Some(t!("runner.activity.risk_grid.sortert_etter_risikoverdi_hoyest_forst").into());
        true
    }

    fn add_row(&mut self, grid: &str, tema: &str) -> bool {
        let n = self.grid_rows(grid).len();
        let id = self
            .grid_rows(grid)
            .iter()
            .map(|r| r.id.0)
            .max()
            .unwrap_or(0)
            + 1;
        let mut row = RiskRow::new(id);
        row.tema = tema.trim().to_string();
        self.forlop
            .grids
            .entry(grid.to_string())
            .or_default()
            .push(row);
        self.selected = n;
        true
    }

    /// Turns a row's proposed measure into a handlingsplan row that points back to it.
    fn row_to_plan(&mut self, grid: &str, i: usize) -> bool {
        let row = &self.forlop.grids[grid][i];
        if row.tiltak.trim().is_empty() {
            self.notice = Some(t!("runner.activity.risk_grid.raden_har_ikke_noe_foreslatt").into());
            return false;
        }
        if let Some(m) = row.measure
            && self.forlop.plan.iter().any(|p| p.id == m)
        {
            self.notice = Some(t!(
                "runner.activity.risk_grid.tiltaket_for_risiko_id_star",
                id = row.id
            ));
            return false;
        }
        let (row_id, tiltak) = (row.id, row.tiltak.clone());
        let id = self.new_measure(tiltak, Some(row_id));
        self.forlop.grids.get_mut(grid).expect("rows exist")[i].measure = Some(id);
        self.notice = Some(t!(
            "runner.activity.risk_grid.tiltaket_er_lagt_i_handlingsplanen",
            row_id = row_id
        ));
        true
    }

    /// Starts a grid with the script's example rows and a row for each theme collected
    /// earlier. With `again`, only themes not in the grid yet are added.
    pub(in crate::runner) fn seed_grid(
        &mut self,
        grid: &str,
        themes_from: Option<&str>,
        again: bool,
    ) -> bool {
        let Activity::RiskGrid(RiskGrid { seed, .. }) = self.step().activity.clone() else {
            return false;
        };
        let mut rows: Vec<RiskRow> = self.grid_rows(grid).to_vec();
        let mut next = rows.iter().map(|r| r.id.0).max().unwrap_or(0) + 1;
        if !again {
            for s in &seed {
                let mut row = RiskRow::new(next);
                next += 1;
                row.tema = s.tema.clone();
                row.hendelse = s.hendelse.clone();
                row.sarbarhet = s.sarbarhet.clone();
                row.sannsynlighet = s.sannsynlighet;
                row.konsekvens = s.konsekvens;
                row.tiltak = s.tiltak.clone();
                row.example = true;
                rows.push(row);
            }
        }
        let themes: Vec<String> = themes_from
            .and_then(|list| {
                self.earlier_list(list)
                    .map(|(_, items)| items.to_vec())
                    .or_else(|| self.sheet().map(|s| s.list(list).to_vec()))
            })
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.text)
            .collect();
        let before = rows.len();
        for tema in themes {
            if !rows.iter().any(|r| r.tema.eq_ignore_ascii_case(&tema)) {
                let mut row = RiskRow::new(next);
                next += 1;
                row.tema = tema;
                rows.push(row);
            }
        }
        if again {
            self.notice = Some(match rows.len() - before {
                0 => t!("runner.activity.risk_grid.alle_temaene_star_allerede_i").to_string(),
                n => t!("runner.activity.risk_grid.la_til_n_tema", n = n),
            });
        }
        let changed = !again || rows.len() != before;
        self.forlop.grids.insert(grid.to_string(), rows);
        changed
    }
}

impl Run for RiskGrid {
    fn handle(&self, r: &mut Runner, cmd: Cmd, _now: Now, fx: &mut Vec<Effect>) -> bool {
        r.grid_cmd(&self.grid, self.themes_from.as_deref(), &cmd, fx);
        false
    }

    /// The grid is the forløp's.
    fn writes_sheet(&self) -> bool {
        false
    }

    fn rows(&self, r: &Runner) -> usize {
        r.grid_rows(&self.grid).len()
    }

    /// A grid starts with its example rows and a row per theme the first time it is shown.
    fn enter(&self, r: &mut Runner, _now: Now, fx: &mut Vec<Effect>) {
        if !r.forlop.grids.contains_key(&self.grid)
            && r.seed_grid(&self.grid, self.themes_from.as_deref(), false)
        {
            fx.push(Effect::SaveForlop);
        }
    }
}
