//! Stafett against a minimal ratatui app, both run in a 120×40 pseudo-terminal in the same go,
//! interleaved. Prints a Markdown table of each figure, the minimal app's, their ratio and the
//! goal of issue 11. Run with `cargo bench --bench pty` (release profile); name parts to run
//! only those: `cargo bench --bench pty -- start keys idle list autosave`.
//!
//! `cargo bench --bench pty -- gen DIR` writes the generated data (a step with 1,000 items, a
//! 200-row risk grid, 500 small forløp) to DIR, to look at with `stafett --data-dir DIR`.
//! This binary is also the minimal app: started with `--minimal`, it draws a bordered block
//! with 40 lines, redraws on every key and quits on `q`; started with `--read-forlop DIR`, it
//! reads every forløp file there, the baseline of `stafett list`.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// ratatui hides the cursor at the end of every frame: the mark that a frame is complete.
const FRAME_END: &[u8] = b"\x1b[?25l";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--minimal") {
        return minimal_app();
    }
    if let Some(i) = args.iter().position(|a| a == "--read-forlop") {
        return read_forlop(Path::new(&args[i + 1]));
    }
    if let Some(i) = args.iter().position(|a| a == "gen") {
        let dir = PathBuf::from(args.get(i + 1).expect("gen DIR"));
        generate(&dir);
        println!("data in {}", dir.display());
        return;
    }
    // `cargo bench` passes `--bench`; other words name the parts to run (start, keys, idle,
    // list, autosave), all when none is named.
    let parts: Vec<&str> = args[1..]
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path());
    run_all(tmp.path(), &parts);
}

/// The baseline of `stafett list`: a process that reads every `forlop.ron` under DIR/forlop.
fn read_forlop(dir: &Path) {
    let mut n = 0;
    for e in std::fs::read_dir(dir.join("forlop")).unwrap() {
        n += std::fs::read(e.unwrap().path().join("forlop.ron")).map_or(0, |b| b.len());
    }
    assert!(n > 0);
}

// ---- the minimal app -------------------------------------------------------------------------

fn minimal_app() {
    use ratatui::crossterm::event::{self, Event, KeyCode};
    use ratatui::text::Line;
    use ratatui::widgets::{Block, Paragraph};
    let mut terminal = ratatui::init();
    let lines: Vec<Line> = (0..40).map(|i| Line::raw(format!("linje {i}"))).collect();
    loop {
        let _ = terminal.draw(|f| {
            f.render_widget(
                Paragraph::new(lines.clone()).block(Block::bordered()),
                f.area(),
            )
        });
        if let Ok(Event::Key(k)) = event::read()
            && k.code == KeyCode::Char('q')
        {
            break;
        }
    }
    ratatui::restore();
}

// ---- data ------------------------------------------------------------------------------------

fn generate(root: &Path) {
    use stafett::script::{Activity, Library};
    use stafett::worksheet::store::Store;
    use stafett::worksheet::{Item, SheetKey, Worksheet};
    let store = Store::new(root);
    let lib = Library::shipped();
    let wall = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    store
        .create("Liten", "oss-og-vart", "starte", wall)
        .unwrap();
    // A collect step with 1,000 items.
    let oss = lib.get("oss-og-vart").unwrap();
    let (at, step, list) = oss
        .sessions()
        .flat_map(|(at, _, def)| {
            def.steps
                .iter()
                .enumerate()
                .filter_map(move |(i, s)| match &s.activity {
                    Activity::Collect(c) if c.from.is_none() => Some((at, i, c.list.clone())),
                    _ => None,
                })
        })
        .nth(1)
        .expect("a collect step");
    let session = oss.session(at).id.clone();
    let (dir, mut forlop) = store
        .create("Tusen", "oss-og-vart", &session, wall)
        .unwrap();
    forlop.position.step = step;
    dir.save_forlop(&forlop).unwrap();
    let mut sheet = Worksheet::new(&SheetKey::new(1, &session));
    let items = (1..=1000)
        .map(|i| Item::new(i, format!("Punkt {i}: travle morgener med for få på jobb og mange som trenger hjelp samtidig")))
        .collect();
    sheet.lists.insert(list, items);
    sheet.next_id = 1001;
    dir.save_sheet(&sheet).unwrap();
    // As after any session with Stafett: the overview vouches for these files.
    dir.save_overview(&dir.overview().unwrap()).unwrap();
    // A risk grid step with 200 assessed rows.
    let grov = lib.get("grov-risikoanalyse").unwrap();
    let (at, step, grid) = grov
        .sessions()
        .flat_map(|(at, _, def)| {
            def.steps
                .iter()
                .enumerate()
                .filter_map(move |(i, s)| match &s.activity {
                    Activity::RiskGrid(g) => Some((at, i, g.grid.clone())),
                    _ => None,
                })
        })
        .next()
        .expect("a grid step");
    let session = grov.session(at).id.clone();
    let (dir, mut forlop) = store
        .create("Rutenett", "grov-risikoanalyse", &session, wall)
        .unwrap();
    forlop.position.step = step;
    let rows = (1..=200u64)
        .map(|i| {
            let mut row = stafett::worksheet::risk::RiskRow::new(i);
            row.tema = format!("Tema {i}");
            row.hendelse = "Tunge løft og trange rom gir belastningsplager".into();
            row.sannsynlighet = Some((i % 5 + 1) as u8);
            row.konsekvens = Some(((i / 5) % 5 + 1) as u8);
            row
        })
        .collect();
    forlop.grids.insert(grid, rows);
    forlop.next_id = 201;
    dir.save_forlop(&forlop).unwrap();
    dir.save_overview(&dir.overview().unwrap()).unwrap();
    // 500 small forløp for the home screen and `list`, in a folder of their own.
    let many = Store::new(root.join("mange"));
    for i in 0..500 {
        many.create(&format!("Avdeling {i}"), "oss-og-vart", "starte", wall)
            .unwrap();
    }
}

// ---- running in a pty ------------------------------------------------------------------------

struct Run {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    /// Each chunk the program wrote, with when it arrived.
    out: Receiver<(Instant, Vec<u8>)>,
    buf: Vec<u8>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

fn spawn(program: &Path, args: &[&str], data: &Path) -> Run {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env("STAFETT_DATA_DIR", data);
    cmd.env("TERM", "xterm-256color");
    cmd.env("NO_COLOR", "1");
    cmd.env("STAFETT_LANG", "nb");
    let child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = pty.master.take_writer().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut b = [0u8; 65536];
        while let Ok(n) = reader.read(&mut b) {
            if n == 0 || tx.send((Instant::now(), b[..n].to_vec())).is_err() {
                break;
            }
        }
    });
    Run {
        child,
        writer,
        out: rx,
        buf: Vec::new(),
        _master: pty.master,
    }
}

impl Run {
    /// Waits for the next complete frame; returns when it ended.
    fn frame(&mut self) -> Instant {
        loop {
            if let Some(i) = find(&self.buf, FRAME_END) {
                self.buf.drain(..i + FRAME_END.len());
                return Instant::now();
            }
            let (at, chunk) = self
                .out
                .recv_timeout(Duration::from_secs(20))
                .expect("a frame");
            self.buf.extend_from_slice(&chunk);
            if let Some(i) = find(&self.buf, FRAME_END) {
                self.buf.drain(..i + FRAME_END.len());
                return at;
            }
        }
    }

    /// Key → the frame it caused.
    fn key(&mut self, key: &[u8]) -> Duration {
        let t = Instant::now();
        self.send(key);
        self.frame().saturating_duration_since(t)
    }

    fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    /// Bytes written within `d` of quiet.
    fn bytes_within(&mut self, d: Duration) -> usize {
        let end = Instant::now() + d;
        let mut n = 0;
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.out.recv_timeout(left) {
                Ok((_, chunk)) => n += chunk.len(),
                Err(_) => break,
            }
        }
        n
    }

    fn peak_rss_kib(&self) -> u64 {
        let pid = self.child.process_id().unwrap_or(0);
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    }

    fn quit(mut self) {
        self.send(b"q");
        let end = Instant::now() + Duration::from_secs(20);
        while Instant::now() < end {
            if self.child.try_wait().unwrap().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let _ = self.child.kill();
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

// ---- figures ---------------------------------------------------------------------------------

struct App<'a> {
    program: PathBuf,
    args: Vec<&'a str>,
    data: PathBuf,
}

impl App<'_> {
    fn start(&self) -> Run {
        spawn(&self.program, &self.args, &self.data)
    }

    /// Start → first frame → `q` → exit.
    fn start_to_exit(&self) -> Duration {
        let t = Instant::now();
        let mut run = self.start();
        run.frame();
        run.quit();
        t.elapsed()
    }
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn p99(v: &mut [Duration]) -> Duration {
    v.sort();
    v[(v.len() * 99 / 100).min(v.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn row(figure: &str, ours: String, minimal: String, ratio: f64, goal: &str, ok: bool) {
    let mark = if ok { "✓" } else { "✗" };
    println!("| {figure} | {ours} | {minimal} | {ratio:.2}× | {goal} | {mark} |");
}

fn run_all(data: &Path, parts: &[&str]) {
    let wanted = |part: &str| parts.is_empty() || parts.contains(&part);
    let exe = std::env::current_exe().unwrap();
    let stafett = PathBuf::from(env!("CARGO_BIN_EXE_stafett"));
    let minimal = App {
        program: exe,
        args: vec!["--minimal"],
        data: data.to_path_buf(),
    };
    let open = |name| App {
        program: stafett.clone(),
        args: vec!["open", name],
        data: data.to_path_buf(),
    };
    let home = App {
        program: stafett.clone(),
        args: vec![],
        data: data.join("mange"),
    };
    println!("| figure | Stafett | minimal app | ratio | goal | |");
    println!("|---|---|---|---|---|---|");
    // Start → first frame → q → exit, interleaved.
    let runs = 15;
    let starts = [
        ("start → frame → exit, small forløp", open("Liten"), 1.5),
        ("same, a step with 1,000 items", open("Tusen"), 1.5),
        ("same, a 200-row risk grid", open("Rutenett"), 1.5),
        ("same, home with 500 forløp", home, 2.0),
    ];
    for (label, app, goal) in starts.into_iter().filter(|_| wanted("start")) {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            a.push(app.start_to_exit());
            b.push(minimal.start_to_exit());
        }
        let (ma, mb) = (median(&mut a), median(&mut b));
        let r = ma.as_secs_f64() / mb.as_secs_f64();
        row(label, ms(ma), ms(mb), r, &format!("≤ {goal}×"), r <= goal);
    }
    // Key → frame.
    if wanted("keys") {
        key_rows(&minimal, &open);
    }
    if wanted("idle") {
        idle_rows(&minimal, &open);
    }
    if wanted("list") {
        list_row(data, &stafett, &minimal.program);
    }
    if wanted("autosave") {
        autosave_row(data);
    }
}

/// Key → frame. The three programs run side by side and take turns, 50 keys each, four times,
/// so a slow patch of the machine falls on all of them alike, while each key still finds its
/// program warm as it would in use. Then, in each round, the 1,000-item forløp takes `j` and the
/// saving key `J` in turns of 50, for the saving key against `j` in the same program.
fn key_rows<'a>(minimal: &App, open: &dyn Fn(&'a str) -> App<'a>) {
    let keys = 200;
    let mut runs = [
        minimal.start(),
        open("Tusen").start(),
        open("Rutenett").start(),
    ];
    for run in &mut runs {
        run.frame();
    }
    std::thread::sleep(Duration::from_millis(200));
    for run in &mut runs {
        let _ = run.bytes_within(Duration::from_millis(50));
    }
    let [mut base, mut list, mut grid, mut saving, mut list_again]: [Vec<Duration>; 5] =
        Default::default();
    let turn = 50;
    for _ in 0..keys / turn {
        for (run, out) in runs.iter_mut().zip([&mut base, &mut list, &mut grid]) {
            out.extend((0..turn).map(|_| run.key(b"j")));
        }
        list_again.extend((0..turn).map(|_| runs[1].key(b"j")));
        saving.extend((0..turn).map(|_| runs[1].key(b"J")));
    }
    for run in runs {
        run.quit();
    }
    let (bm, bp) = (median(&mut base), p99(&mut base));
    for (label, mut v) in [
        ("key `j` → frame, 1,000 items", list),
        ("key `j` → frame, 200-row grid", grid),
        ("saving key `J` → frame, 1,000 items", saving.clone()),
    ] {
        let (m, p) = (median(&mut v), p99(&mut v));
        let r = m.as_secs_f64() / bm.as_secs_f64();
        row(
            &format!("{label}, median"),
            ms(m),
            ms(bm),
            r,
            "≤ 1.5×",
            r <= 1.5,
        );
        let rp = p.as_secs_f64() / bp.as_secs_f64();
        row(
            &format!("{label}, p99"),
            ms(p),
            ms(bp),
            rp,
            "≤ 3×",
            rp <= 3.0,
        );
    }
    let (m, plain) = (median(&mut saving), median(&mut list_again));
    let rj = m.as_secs_f64() / plain.as_secs_f64();
    row(
        "saving key vs `j`, median",
        ms(m),
        ms(plain),
        rj,
        "≤ 1.5× of `j`",
        rj <= 1.5,
    );
}

fn idle_rows<'a>(minimal: &App, open: &dyn Fn(&'a str) -> App<'a>) {
    // Idle bytes and peak memory.
    let mut run = open("Tusen").start();
    run.frame();
    std::thread::sleep(Duration::from_millis(300));
    let _ = run.bytes_within(Duration::from_millis(100));
    let idle = run.bytes_within(Duration::from_secs(3));
    let rss = run.peak_rss_kib();
    run.quit();
    let mut run = minimal.start();
    run.frame();
    std::thread::sleep(Duration::from_millis(300));
    let min_idle = run.bytes_within(Duration::from_secs(3));
    let min_rss = run.peak_rss_kib();
    run.quit();
    row(
        "bytes written while idle, 3 s",
        idle.to_string(),
        min_idle.to_string(),
        0.0,
        "0",
        idle == 0,
    );
    let r = rss as f64 / min_rss.max(1) as f64;
    row(
        "peak RSS (1,000 items)",
        format!("{rss} KiB"),
        format!("{min_rss} KiB"),
        r,
        "≤ 4×",
        r <= 4.0,
    );
}

/// `stafett list` with 500 forløp against a process that reads their `forlop.ron`: both start
/// a process, so process start counts on both sides.
fn list_row(data: &Path, stafett: &Path, reader: &Path) {
    let many = data.join("mange");
    let list_time = {
        let mut v: Vec<Duration> = (0..10)
            .map(|_| {
                let t = Instant::now();
                let out = std::process::Command::new(stafett)
                    .arg("list")
                    .env("STAFETT_DATA_DIR", &many)
                    .env("STAFETT_LANG", "nb")
                    .output()
                    .unwrap();
                assert!(out.status.success());
                t.elapsed()
            })
            .collect();
        median(&mut v)
    };
    let cat_time = {
        let mut v: Vec<Duration> = (0..10)
            .map(|_| {
                let t = Instant::now();
                let out = std::process::Command::new(reader)
                    .arg("--read-forlop")
                    .arg(&many)
                    .output()
                    .unwrap();
                assert!(out.status.success());
                t.elapsed()
            })
            .collect();
        median(&mut v)
    };
    let r = list_time.as_secs_f64() / cat_time.as_secs_f64();
    row(
        "`stafett list`, 500 forløp, vs a process reading their forlop.ron",
        ms(list_time),
        ms(cat_time),
        r,
        "≤ 3×",
        r <= 3.0,
    );
}

fn autosave_row(data: &Path) {
    // An autosave against a raw write + fsync + rename of the same bytes, taken in turns so a
    // slow patch of the disk falls on both. A second baseline adds the folder fsync after the
    // rename, without which the rename itself may be lost in a power cut: the autosave does it
    // (see `worksheet/files.rs`), the first baseline does not.
    let store = stafett::worksheet::store::Store::new(data);
    let dir = store.find("Rutenett").unwrap();
    let forlop = dir.load_forlop().unwrap();
    let bytes = stafett::worksheet::store::to_ron(&forlop);
    let path = data.join("raw.ron");
    let tmp = data.join(".raw.ron.tmp");
    let raw = |sync_folder: bool| {
        let t = Instant::now();
        let mut f = std::fs::File::create(&tmp).unwrap();
        f.write_all(bytes.as_bytes()).unwrap();
        f.sync_all().unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        if sync_folder {
            std::fs::File::open(data).unwrap().sync_all().unwrap();
        }
        t.elapsed()
    };
    let [mut save, mut plain, mut durable]: [Vec<Duration>; 3] = Default::default();
    for _ in 0..40 {
        let t = Instant::now();
        dir.save_forlop(&forlop).unwrap();
        save.push(t.elapsed());
        plain.push(raw(false));
        durable.push(raw(true));
    }
    let save = median(&mut save);
    for (label, mut base) in [
        (
            "autosave of a 200-row forløp vs raw write+fsync+rename",
            plain,
        ),
        ("same, vs raw write+fsync+rename+folder fsync", durable),
    ] {
        let base = median(&mut base);
        let r = save.as_secs_f64() / base.as_secs_f64();
        row(label, ms(save), ms(base), r, "≤ 1.5×", r <= 1.5);
    }
}
