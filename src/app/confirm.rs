//! What a yes to a question does.

use super::{App, Screen, Then};
use crate::runner::{Cmd, Now};
use crate::t;
use crate::worksheet::SheetKey;
use crate::worksheet::store::{ForlopDir, StoreError, load_ron, restore_backup};
use std::path::Path;

impl App {
    pub(super) fn confirmed(&mut self, then: Then, now: Now) {
        let cmd = match then {
            Then::QuitAnyway => {
                self.exit_note = Some(self.write_recovery(now));
                self.quit = true;
                return;
            }
            Then::RestoreForlop(dir) => return self.restore_forlop(&dir, now),
            Then::DeleteForlop(dir) => return self.delete_forlop(&dir),
            Then::RestoreSheet(key) => return self.restore_sheet(&key, now),
            Then::Recover(path) => return self.recover(&path, now),
            Then::SwitchScale { forward, levels } => Cmd::SwitchScale { forward, levels },
            Then::DeleteItem => Cmd::Delete,
            Then::DeleteMeasure(i) => Cmd::DeleteMeasure(i),
            Then::Finish => return self.finish_and_offer_record(now),
            Then::Reopen => Cmd::Reopen,
            Then::NewRound => {
                // The new round's first session is where the group goes on: the overview it
                // was started from closes, so the room sees it.
                self.overlays
                    .retain(|o| !matches!(o, super::Overlay::Overview { .. }));
                Cmd::StartNextRound
            }
        };
        self.runner_cmd(cmd, now);
    }

    /// Finishes the session and, when it is finished, offers its record (referat): optional,
    /// Esc leaves it empty.
    fn finish_and_offer_record(&mut self, now: Now) {
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let key = s.runner.key();
        self.runner_cmd(Cmd::Finish, now);
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let done = s
            .runner
            .sheets
            .get(&key)
            .is_some_and(|sheet| sheet.status == crate::worksheet::SessionStatus::Done);
        if done {
            self.open_record(key, 0);
        }
    }

    /// Puts `forlop.ron`'s backup in place of the unreadable file, under the lock, and opens it.
    fn restore_forlop(&mut self, dir: &ForlopDir, now: Now) {
        let restored = dir.lock().and_then(|_lock| {
            restore_backup(&dir.forlop_path(), now.wall).map_err(|err| StoreError::Io {
                path: dir.forlop_path(),
                err,
            })
        });
        self.message = Some(match restored {
            Ok(kept) => match self.open(dir.clone()) {
                Ok(()) => t!(
                    "app.confirm.forrige_versjon_er_tatt_i",
                    kept = kept.display()
                ),
                Err(e) => e.to_string(),
            },
            Err(e) => e.to_string(),
        });
    }

    /// Deletes a forløp from the home screen, unless another Stafett has it open.
    fn delete_forlop(&mut self, dir: &ForlopDir) {
        let deleted = dir.lock().and_then(|lock| {
            drop(lock);
            dir.delete().map_err(|err| StoreError::Io {
                path: dir.path.clone(),
                err,
            })
        });
        self.message = Some(match deleted {
            Ok(()) => t!("app.confirm.forlopet_er_slettet").into(),
            Err(e) => e.to_string(),
        });
        self.refresh_home();
    }

    /// Puts a worksheet's backup in place of the unreadable file.
    fn restore_sheet(&mut self, key: &SheetKey, now: Now) {
        let Screen::Session(s) = &mut self.screen else {
            return;
        };
        self.message = Some(match s.restore_sheet(key, now) {
            Ok(kept) => {
                let name = s.dir.sheet_path(key).display().to_string();
                self.warnings.retain(|w| !w.contains(&name));
                t!(
                    "app.confirm.forrige_versjon_er_tatt_i",
                    kept = kept.display()
                )
            }
            Err(e) => e.to_string(),
        });
    }

    /// Takes back what a recovery file holds.
    fn recover(&mut self, path: &Path, now: Now) {
        let Screen::Session(s) = &mut self.screen else {
            return;
        };
        self.message = Some(match load_ron(path) {
            Ok(rec) => {
                s.recover(rec, path, now);
                t!("app.recovered").into()
            }
            Err(e) => t!("app.recovery_unreadable", error = e),
        });
    }
}
