//! Leaving without losing anything. `q` and Ctrl+C keep what is typed in an open field, save
//! everything, and close only when that worked; otherwise Stafett stays open and says so
//! (retry, export elsewhere, or quit anyway after a second question naming what is lost).
//! SIGTERM, SIGHUP and a closed terminal cannot ask: they save what they can and write the rest
//! to a recovery file, and Stafett exits non-zero saying where it is.

use super::forms::InputTarget;
use super::{Action, App, Overlay, Screen, Then};
use crate::runner::{Cmd, Now};
use crate::t;

impl App {
    /// `q` or Ctrl+C.
    pub fn request_quit(&mut self, now: Now) {
        self.commit_open_field(now);
        if self.save_all(now) {
            self.quit = true;
        } else {
            self.overlays.push(Overlay::SaveFailed);
        }
    }

    /// A signal or a closed terminal: leave now. What cannot be saved goes to a recovery file,
    /// and `exit_note` says where.
    pub fn shutdown(&mut self, now: Now) {
        self.commit_open_field(now);
        self.quit = true;
        if !self.save_all(now) {
            self.exit_note = Some(self.write_recovery(now));
        }
    }

    /// The keys of the dialog shown when quitting could not save.
    pub(super) fn save_failed_action(&mut self, action: Action, now: Now) {
        match action {
            Action::Enter if self.save_all(now) => {
                self.quit = true;
                return;
            }
            Action::Export => {
                self.overlays.push(Overlay::SaveFailed);
                self.overlays.push(Overlay::input(
                    t!("app.export_title"),
                    InputTarget::ExportDir,
                    "",
                ));
                return;
            }
            Action::Quit => {
                let lost = self.unsaved().join(", ");
                self.overlays.push(Overlay::SaveFailed);
                self.overlays.push(Overlay::Confirm {
                    question: t!("app.quit_anyway", lost = lost),
                    then: Then::QuitAnyway,
                });
                return;
            }
            Action::Back => return,
            _ => {}
        }
        self.overlays.push(Overlay::SaveFailed);
    }

    /// Pauses the timer, saves, and retries what failed before. True when everything is on
    /// disk.
    fn save_all(&mut self, now: Now) -> bool {
        let Screen::Session(s) = &mut self.screen else {
            return true;
        };
        s.command(Cmd::Suspend, now);
        s.sync()
    }

    /// What could not be saved, for the question before quitting anyway.
    pub fn unsaved(&self) -> Vec<String> {
        match &self.screen {
            Screen::Session(s) => s.unsaved(),
            Screen::Home(_) => Vec::new(),
        }
    }

    /// The text in an open field (or measure form) is committed as Enter would, so quitting
    /// never drops what someone was typing. Other dialogs are closed.
    fn commit_open_field(&mut self, now: Now) {
        let open = std::mem::take(&mut self.overlays);
        for overlay in open.into_iter().rev() {
            match overlay {
                Overlay::Input(input)
                    if input.target != InputTarget::ExportDir && input.changed() =>
                {
                    self.input_action(input, Action::Submit, now);
                }
                Overlay::Measure(form) if form.changed() && form.draft().is_ok() => {
                    self.measure_action(form, Action::Submit, now);
                }
                _ => {}
            }
            self.overlays.clear();
        }
    }

    /// Writes what is in memory to a recovery file; the sentence to print says where, or that
    /// even that failed and where the last saved files are.
    pub(super) fn write_recovery(&self, now: Now) -> String {
        let Screen::Session(s) = &self.screen else {
            return String::new();
        };
        match s.dir.write_recovery(&s.recovery(now)) {
            Ok(path) => t!("app.unsaved_in_recovery", path = path.display()),
            Err(e) => t!("app.unsaved_lost", error = e, folder = s.dir.path.display()),
        }
    }
}
