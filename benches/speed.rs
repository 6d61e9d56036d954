//! How long the things a facilitator waits for take: saving after a committed change, and
//! drawing a frame of a 200-row risk grid (table and matrix) and of a list step.
//! Run with `cargo bench`; it prints the figures, it asserts nothing.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use stafett::app::App;
use stafett::runner::Now;
use stafett::script::Library;
use stafett::worksheet::risk::RiskRow;
use stafett::worksheet::store::Store;
use std::time::{Duration, Instant};

fn now(ms: u64) -> Now {
    Now {
        mono_ms: ms,
        wall: chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap(),
    }
}

fn key(app: &mut App, c: KeyCode) {
    app.on_event(Event::Key(KeyEvent::new(c, KeyModifiers::NONE)), now(0));
}

/// The saved forløp file, to check the benchmark really saved.
fn saved_bytes(root: &std::path::Path) -> Vec<u8> {
    std::fs::read(root.join("forlop/benk/forlop.ron")).unwrap_or_default()
}

fn time<F: FnMut()>(label: &str, runs: u32, mut f: F) {
    f();
    let start = Instant::now();
    for _ in 0..runs {
        f();
    }
    let each: Duration = start.elapsed() / runs;
    println!("{label:<58} {:>9.3} ms", each.as_secs_f64() * 1000.0);
}

fn main() {
    // What every start pays before any data is read.
    time(
        "start: the forløp's script (oss-og-vart), parsed and checked",
        20,
        || {
            std::hint::black_box(Library::shipped().get("oss-og-vart").cloned());
        },
    );
    time(
        "start: the catalog of texts (assets/strings/nb.ron)",
        20,
        || {
            std::hint::black_box(stafett::strings::parse(stafett::strings::NB).ok());
        },
    );
    time("start: the key table (assets/keys.ron)", 20, || {
        std::hint::black_box(stafett::keys::Keymap::standard());
    });
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path());
    let mut app = App::new(store, Library::shipped(), now(0).wall.date());
    app.create("grov-risikoanalyse", "Benk", now(0)).unwrap();
    key(&mut app, KeyCode::Char('N'));
    key(&mut app, KeyCode::Char('n'));
    {
        let stafett::app::Screen::Session(s) = &mut app.screen else {
            panic!("open")
        };
        let rows = s.runner.forlop.grids.get_mut("risiko").unwrap();
        for i in rows.len() as u64 + 1..=200 {
            let mut row = RiskRow::new(i);
            row.tema = format!("Tema {i}: arbeidsbelastning, turnus og bemanning i helgene");
            row.hendelse =
                "Mange vakter på rad og ubesatte vakter gir slitasje og fravær over tid".into();
            row.sannsynlighet = Some((i % 5 + 1) as u8);
            row.konsekvens = Some((i % 4 + 1) as u8);
            rows.push(row);
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    for _ in 0..150 {
        key(&mut app, KeyCode::Down);
    }
    time("draw: 200-row risk grid, table view, 120×40", 200, || {
        terminal.draw(|f| stafett::ui::draw(f, &app)).unwrap();
    });
    key(&mut app, KeyCode::Char('v'));
    time("draw: 200-row risk grid, matrix view, 120×40", 200, || {
        terminal.draw(|f| stafett::ui::draw(f, &app)).unwrap();
    });
    // One committed change: setting a level saves the forløp with its 200 rows.
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab); // focus Sannsynlighet
    }
    let saves_before = saved_bytes(tmp.path());
    let mut level = 1u8;
    time("set a level (the save is only noted)", 50, || {
        level = level % 5 + 1;
        key(&mut app, KeyCode::Char(char::from(b'0' + level)));
    });
    time(
        "set a level + sync: the writer saves 200 risk rows (fsync)",
        50,
        || {
            level = level % 5 + 1;
            key(&mut app, KeyCode::Char(char::from(b'0' + level)));
            assert!(app.sync());
        },
    );
    {
        let stafett::app::Screen::Session(s) = &app.screen else {
            panic!("open")
        };
        let forlop = &s.runner.forlop;
        time("to_ron: the forløp with 200 risk rows", 50, || {
            std::hint::black_box(stafett::worksheet::store::to_ron(forlop));
        });
        time(
            "save_forlop: serialise, write, fsync, .bak, rename",
            50,
            || {
                s.dir.save_forlop(forlop).unwrap();
            },
        );
    }
    assert_ne!(
        saves_before,
        saved_bytes(tmp.path()),
        "the level changes were saved"
    );
    // A list step: adding an item saves the worksheet.
    let mut app = App::new(
        Store::new(tmp.path().join("b")),
        Library::shipped(),
        now(0).wall.date(),
    );
    app.create("oss-og-vart", "Benk", now(0)).unwrap();
    for c in ['N', 'N', 'n', 'n', 'n', 'n'] {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Char('a'));
    let mut n = 0;
    time(
        "add an item (type 12 keys, Enter) + sync the worksheet",
        100,
        || {
            n += 1;
            for c in format!("Punkt {n:06}").chars() {
                key(&mut app, KeyCode::Char(c));
            }
            key(&mut app, KeyCode::Enter);
            assert!(app.sync());
        },
    );
    key(&mut app, KeyCode::Esc);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    time("draw: list step with 100+ items, 80×24", 200, || {
        terminal.draw(|f| stafett::ui::draw(f, &app)).unwrap();
    });
    // Reading a worksheet with 1,000 items, as opening that forløp does.
    let mut sheet = stafett::worksheet::Worksheet::new(&stafett::worksheet::SheetKey::new(1, "x"));
    let items = (1..=1000)
        .map(|i| {
            stafett::worksheet::Item::new(
                i,
                format!("Punkt {i}: travle morgener med for få på jobb"),
            )
        })
        .collect();
    sheet.lists.insert("krevende".into(), items);
    let path = tmp.path().join("r1-x.ron");
    std::fs::write(&path, stafett::worksheet::store::to_ron(&sheet)).unwrap();
    time("load a worksheet with 1,000 items", 50, || {
        std::hint::black_box(
            stafett::worksheet::store::load_ron::<stafett::worksheet::Worksheet>(&path).unwrap(),
        );
    });
}
