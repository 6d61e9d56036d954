//! What a yes to a question does.

use super::{App, Screen, Then};
use crate::runner::Now;
use crate::t;

impl App {
    pub(super) fn confirmed(&mut self, then: Then, now: Now) {
        if then == Then::QuitAnyway {
            self.exit_note = Some(self.write_recovery(now));
            self.quit = true;
            return;
        }
        if let Then::RestoreForlop(dir) = &then {
            let restored = dir.lock().and_then(|_lock| {
                crate::worksheet::store::restore_backup(&dir.forlop_path(), now.wall).map_err(
                    |err| crate::worksheet::store::StoreError::Io {
                        path: dir.forlop_path(),
                        err,
                    },
                )
            });
            match restored {
                Ok(kept) => {
                    self.message = Some(match self.open(dir.clone()) {
                        Ok(()) => t!(
                            "app.confirm.forrige_versjon_er_tatt_i",
                            kept = kept.display()
                        ),
                        Err(e) => e.to_string(),
                    });
                }
                Err(e) => self.message = Some(e.to_string()),
            }
            return;
        }
        if let Then::DeleteForlop(dir) = &then {
            match dir.lock().and_then(|lock| {
                drop(lock);
                dir.delete()
                    .map_err(|err| crate::worksheet::store::StoreError::Io {
                        path: dir.path.clone(),
                        err,
                    })
            }) {
                Ok(()) => self.message = Some(t!("app.confirm.forlopet_er_slettet").into()),
                Err(e) => self.message = Some(e.to_string()),
            }
            self.refresh_home();
            return;
        }
        let Screen::Session(s) = &mut self.screen else {
            return;
        };
        if let Then::RestoreSheet(key) = &then {
            match s.restore_sheet(key, now) {
                Ok(kept) => {
                    let name = s.dir.sheet_path(key).display().to_string();
                    self.warnings.retain(|w| !w.contains(&name));
                    self.message = Some(t!(
                        "app.confirm.forrige_versjon_er_tatt_i",
                        kept = kept.display()
                    ));
                }
                Err(e) => self.message = Some(e.to_string()),
            }
            return;
        }
        if let Then::Recover(path) = &then {
            match crate::worksheet::store::load_ron(path) {
                Ok(rec) => {
                    s.recover(rec, path, now);
                    self.message = Some(crate::t!("app.recovered").into());
                }
                Err(e) => self.message = Some(crate::t!("app.recovery_unreadable", error = e)),
            }
            return;
        }
        let cmd = match then {
            Then::SwitchScale { forward, levels } => {
                crate::runner::Cmd::SwitchScale { forward, levels }
            }
            Then::DeleteItem => crate::runner::Cmd::Delete,
            Then::DeleteMeasure(i) => crate::runner::Cmd::DeleteMeasure(i),
            Then::Finish => crate::runner::Cmd::Finish,
            Then::NewRound => crate::runner::Cmd::StartNextRound,
            Then::DeleteForlop(_)
            | Then::Recover(_)
            | Then::QuitAnyway
            | Then::RestoreForlop(_)
            | Then::RestoreSheet(_) => return,
        };
        self.runner_cmd(cmd, now);
    }
}
