//! The exports read back: the printable pages (`--format html`, one for the forløp and one per
//! session) parsed as HTML for their sections, band classes and hostile text (tags, escape
//! sequences, bidi overrides) shown as text; the workbook (`--format xlsx`) read cell by cell;
//! and the pages rendered by a headless browser.

use stafett::worksheet::risk::RiskRow;
use stafett::worksheet::store::Store;
use stafett::worksheet::{Item, Measure, MeasureId, SheetKey, Worksheet};
use std::process::Command;

const HOSTILE: &str = "<script>alert(1)</script>\u{1b}[31m\u{202e}snudd";

fn export(data: &std::path::Path, out: &std::path::Path, format: &str) -> std::process::Output {
    crate::common::stafett()
        .args(["export", "Nord", "--format", format, "--out"])
        .arg(out)
        .env("STAFETT_DATA_DIR", data)
        .output()
        .unwrap()
}

/// A risk analysis with a red and a green row, a measure, and a worksheet, all with hostile
/// text in them.
fn forlop(data: &std::path::Path) {
    let store = Store::new(data);
    let (dir, mut forlop) = store
        .create(
            "Nord",
            "grov-risikoanalyse",
            "forberedelse",
            crate::common::at(0).wall,
        )
        .unwrap();
    let mut red = RiskRow::new(1);
    red.tema = format!("Vold {HOSTILE}");
    (red.sannsynlighet, red.konsekvens) = (Some(4), Some(4));
    let mut green = RiskRow::new(2);
    green.tema = "Lys".into();
    (green.sannsynlighet, green.konsekvens) = (Some(1), Some(1));
    forlop.grids.insert("risiko".into(), vec![red, green]);
    forlop.plan.push(Measure {
        id: MeasureId(3),
        tiltak: format!("Alarm {HOSTILE}"),
        ansvarlig: "Leder".into(),
        frist: None,
        status: Default::default(),
        origin: String::new(),
        risk: Some(stafett::worksheet::RowId(1)),
    });
    dir.save_forlop(&forlop).unwrap();
    let mut sheet = Worksheet::new(&SheetKey::new(1, "forberedelse"));
    sheet
        .lists
        .insert("tema".into(), vec![Item::new(1, format!("Tema {HOSTILE}"))]);
    sheet
        .record
        .insert("beslutninger".into(), "Vi melder alle trusler".into());
    dir.save_sheet(&sheet).unwrap();
}

#[test]
fn the_printable_pages_hold_every_section_and_no_live_markup() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, out) = (tmp.path().join("data"), tmp.path().join("ut"));
    forlop(&data);
    let o = export(&data, &out, "html");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["nord-r1-forberedelse.html", "nord.html"]);

    let page = std::fs::read_to_string(out.join("nord.html")).unwrap();
    let dom = tl::parse(&page, tl::ParserOptions::default()).unwrap();
    let count = |selector: &str| dom.query_selector(selector).map_or(0, |q| q.count());
    assert_eq!(count("script"), 0, "no script element, whatever the text");
    assert_eq!(count("img"), 0);
    assert_eq!(count("style"), 1, "the CSS is inline");
    assert!(
        !page.contains(" src=") && !page.contains("href="),
        "nothing fetched"
    );
    assert!(count("h2") >= 3, "sessions, plan and grid as sections");
    assert!(count("h2.session") >= 1, "a page break before each session");
    assert!(
        count("span.band-uakseptabel") >= 1,
        "the red row: colour class"
    );
    assert!(count("span.band-akseptabel") >= 1, "the green row");
    assert!(count("table") >= 2, "the grid and the matrix as tables");
    let red = dom
        .query_selector("span.band-uakseptabel")
        .unwrap()
        .next()
        .unwrap()
        .get(dom.parser())
        .unwrap()
        .inner_text(dom.parser());
    assert!(red.contains("uakseptabel"), "the band in words too: {red}");
    // Hostile text is shown, never acted on.
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains('\u{1b}') && !page.contains('\u{202e}'));
    assert!(page.contains("Alarm"), "the handlingsplan");
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<html lang=\"nb\">"));

    let session = std::fs::read_to_string(out.join("nord-r1-forberedelse.html")).unwrap();
    assert!(session.contains("Tema &lt;script&gt;"), "{session}");
    assert!(!session.contains("<script>"));
}

#[test]
fn all_writes_every_format_and_the_default_stays_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    forlop(&data);
    let all = tmp.path().join("alt");
    assert!(export(&data, &all, "all").status.success());
    let n = std::fs::read_dir(&all).unwrap().count();
    assert_eq!(
        n, 6,
        "md, the plan's and the grid's csv, two pages and the workbook"
    );
    let standard = tmp.path().join("standard");
    let o = crate::common::stafett()
        .args(["export", "Nord", "--out"])
        .arg(&standard)
        .env("STAFETT_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(o.status.success());
    let mut names: Vec<String> = std::fs::read_dir(&standard)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["nord-handlingsplan.csv", "nord-risiko.csv", "nord.md"]
    );
    let plan = std::fs::read_to_string(standard.join("nord-handlingsplan.csv")).unwrap();
    let lines: Vec<&str> = plan.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Nr;Tiltak;Ansvarlig;Frist;Status;Svarer på risiko;Fra"
    );
    assert!(lines[1].starts_with("1;Alarm <script>"), "{}", lines[1]);
    assert!(
        lines[1].contains(";Leder;;ikke startet;R1;"),
        "{}",
        lines[1]
    );
}

/// A risk analysis as a group might leave it: rated rows, measures in the plan, a worksheet.
fn example(data: &std::path::Path) {
    let store = Store::new(data);
    let (dir, mut forlop) = store
        .create(
            "Randaberg sykehjem, avd. 2",
            "grov-risikoanalyse",
            "forberedelse",
            crate::common::at(0).wall,
        )
        .unwrap();
    let rows = [
        (
            "Oppfølging av fravær",
            "Korte fravær følges ikke opp og blir lange",
            3,
            4,
            "Gå gjennom rutinen med alle ledere",
        ),
        (
            "Vold og trusler",
            "Trusler meldes ikke og følges ikke opp",
            4,
            4,
            "Kurs i å melde avvik, og fast tilbakemelding",
        ),
        (
            "Tunge løft",
            "Belastningsplager etter forflytning uten hjelpemidler",
            3,
            3,
            "Takheis på alle rom i gangen",
        ),
        (
            "Turnus",
            "Mange vakter på rad sliter folk ut",
            4,
            2,
            "Ønsketurnus prøves ut i tre måneder",
        ),
        ("Nøkler", "Nøkkelen til medisinrommet er borte", 2, 2, ""),
    ];
    let mut grid = Vec::new();
    for (i, (tema, hendelse, s, k, tiltak)) in rows.into_iter().enumerate() {
        let mut row = RiskRow::new(i as u64 + 1);
        row.tema = tema.into();
        row.hendelse = hendelse.into();
        (row.sannsynlighet, row.konsekvens) = (Some(s), Some(k));
        row.tiltak = tiltak.into();
        grid.push(row);
    }
    forlop.grids.insert("risiko".into(), grid);
    for (i, (tiltak, ansvarlig, risk)) in [
        ("Kurs i å melde avvik", "Verneombud", 2),
        ("Takheis på alle rom i gangen", "Leder", 3),
    ]
    .into_iter()
    .enumerate()
    {
        forlop.plan.push(Measure {
            id: MeasureId(10 + i as u64),
            tiltak: tiltak.into(),
            ansvarlig: ansvarlig.into(),
            frist: chrono::NaiveDate::from_ymd_opt(2027, 2, 1 + i as u32),
            status: Default::default(),
            origin: "Runde 1 · Risikovurdering · Vurderingsmøte".into(),
            risk: Some(stafett::worksheet::RowId(risk)),
        });
    }
    dir.save_forlop(&forlop).unwrap();
}

/// The page renders in a headless browser, to a PNG and an A4 PDF. Skipped, saying why, where
/// no Chromium is installed (`apt install chromium`). With `STAFETT_WRITE_DOCS=1` the PNG is
/// kept as `docs/eksport-eksempel.png`, the picture in the README.
#[test]
fn the_printable_page_renders_in_a_browser() {
    let Some(browser) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        println!("skipped: no Chromium to render the HTML with (apt install chromium)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (data, out) = (tmp.path().join("data"), tmp.path().join("ut"));
    example(&data);
    let o = crate::common::stafett()
        .args([
            "export",
            "Randaberg sykehjem, avd. 2",
            "--format",
            "html",
            "--out",
        ])
        .arg(&out)
        .env("STAFETT_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = out.join("randaberg-sykehjem-avd-2.html");
    let (png, pdf) = (tmp.path().join("side.png"), tmp.path().join("side.pdf"));
    let run = |what: &str| {
        let status = Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
            ])
            .args(["--window-size=900,1270", what])
            .arg(&page)
            .env("HOME", tmp.path())
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
    };
    run(&format!("--screenshot={}", png.display()));
    run(&format!("--print-to-pdf={}", pdf.display()));
    let png_bytes = std::fs::read(&png).unwrap();
    assert!(png_bytes.starts_with(b"\x89PNG") && png_bytes.len() > 10_000);
    let pdf_bytes = std::fs::read(&pdf).unwrap();
    assert!(pdf_bytes.starts_with(b"%PDF") && pdf_bytes.len() > 5_000);
    if std::env::var_os("STAFETT_WRITE_DOCS").is_some() {
        let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::copy(&png, docs.join("eksport-eksempel.png")).unwrap();
    }
}

/// The workbook read back cell by cell: the plan as a table with dates as dates, the grid's
/// levels and risk values as numbers with the band beside them, the scale, hostile text as
/// plain strings.
#[test]
fn the_workbook_holds_numbers_as_numbers_and_dates_as_dates() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let tmp = tempfile::tempdir().unwrap();
    let (data, out) = (tmp.path().join("data"), tmp.path().join("ut"));
    example(&data);
    let o = crate::common::stafett()
        .args([
            "export",
            "Randaberg sykehjem, avd. 2",
            "--format",
            "xlsx",
            "--out",
        ])
        .arg(&out)
        .env("STAFETT_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut book: Xlsx<_> = open_workbook(out.join("randaberg-sykehjem-avd-2.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Handlingsplan", "Risiko risiko", "Skala"],
        "no session sheet: the example has no worksheet"
    );
    book.load_tables().unwrap();
    assert_eq!(
        book.table_names_in_sheet("Handlingsplan").len(),
        1,
        "a table with filters"
    );

    let plan = book.worksheet_range("Handlingsplan").unwrap();
    assert_eq!(plan.get_value((0, 1)), Some(&Data::String("Tiltak".into())));
    assert_eq!(plan.get_value((1, 0)), Some(&Data::Float(1.0)));
    assert_eq!(
        plan.get_value((1, 1)),
        Some(&Data::String("Kurs i å melde avvik".into()))
    );
    let Some(Data::DateTime(frist)) = plan.get_value((1, 3)) else {
        panic!("the frist is a date: {:?}", plan.get_value((1, 3)));
    };
    let serial = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap()
        - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    assert_eq!(frist.as_f64(), serial.num_days() as f64);
    assert_eq!(
        plan.get_value((1, 4)),
        Some(&Data::String("ikke startet".into()))
    );
    assert_eq!(plan.get_value((1, 5)), Some(&Data::String("R2".into())));

    let grid = book.worksheet_range("Risiko risiko").unwrap();
    assert_eq!(
        grid.get_value((0, 8)),
        Some(&Data::String("Risikoverdi".into()))
    );
    // Row 2 of the sheet: «Vold og trusler», 4 × 4 = 16, uakseptabel.
    assert_eq!(
        grid.get_value((2, 1)),
        Some(&Data::String("Vold og trusler".into()))
    );
    assert_eq!(grid.get_value((2, 4)), Some(&Data::Float(4.0)));
    assert_eq!(grid.get_value((2, 6)), Some(&Data::Float(4.0)));
    assert_eq!(grid.get_value((2, 8)), Some(&Data::Float(16.0)));
    assert_eq!(
        grid.get_value((2, 9)),
        Some(&Data::String("uakseptabel".into()))
    );
    assert_eq!(grid.height(), 6, "the header and five rows");

    let scale = book.worksheet_range("Skala").unwrap();
    let texts: Vec<String> = scale
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect();
    assert!(texts.iter().any(|t| t == "Svært sannsynlig"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "uakseptabel"), "{texts:?}");
}

/// Hostile text reaches the workbook as plain strings: no formula, no control character.
#[test]
fn the_workbook_takes_hostile_text_as_text() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let tmp = tempfile::tempdir().unwrap();
    let (data, out) = (tmp.path().join("data"), tmp.path().join("ut"));
    forlop(&data);
    {
        let store = Store::new(&data);
        let dir = store.find("Nord").unwrap();
        let mut f = dir.load_forlop().unwrap();
        f.plan[0].tiltak = "=HYPERLINK(\"http://x\")".into();
        dir.save_forlop(&f).unwrap();
    }
    assert!(export(&data, &out, "xlsx").status.success());
    let mut book: Xlsx<_> = open_workbook(out.join("nord.xlsx")).unwrap();
    let names = book.sheet_names();
    assert!(
        names.iter().any(|n| n.starts_with("R1 ")),
        "a session sheet: {names:?}"
    );
    let plan = book.worksheet_range("Handlingsplan").unwrap();
    assert_eq!(
        plan.get_value((1, 1)),
        Some(&Data::String("=HYPERLINK(\"http://x\")".into())),
        "a string, not a formula"
    );
    let formulas = book.worksheet_formula("Handlingsplan").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    let grid = book.worksheet_range("Risiko risiko").unwrap();
    let records = book.worksheet_range("Referat").unwrap();
    assert_eq!(
        records.get_value((1, 1)),
        Some(&Data::String("Dette bestemte vi".into()))
    );
    assert_eq!(
        records.get_value((1, 2)),
        Some(&Data::String("Vi melder alle trusler".into()))
    );
    let tema = grid.get_value((1, 1)).unwrap().to_string();
    assert!(tema.starts_with("Vold <script>"), "{tema}");
    assert!(
        !tema.contains('\u{1b}') && !tema.contains('\u{202e}'),
        "{tema:?}"
    );
}

/// `export --all --format xlsx` gathers every forløp's handlingsplan in one workbook, a column
/// naming the forløp; without xlsx or a folder it says what to add.
#[test]
fn every_forlops_plan_rolls_up_into_one_workbook() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    forlop(&data);
    example(&data);
    let run = |args: &[&str]| {
        crate::common::stafett()
            .args(args)
            .env("STAFETT_DATA_DIR", &data)
            .output()
            .unwrap()
    };
    let out = tmp.path().join("leder");
    let o = run(&[
        "export",
        "--all",
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut book: Xlsx<_> = open_workbook(out.join("handlingsplaner.xlsx")).unwrap();
    let plan = book.worksheet_range("Handlingsplan").unwrap();
    let forlop_names: Vec<String> = plan.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(
        forlop_names,
        [
            "Nord",
            "Randaberg sykehjem, avd. 2",
            "Randaberg sykehjem, avd. 2"
        ]
    );
    assert_eq!(
        plan.get_value((2, 1)),
        Some(&Data::String("Kurs i å melde avvik".into()))
    );
    let no_xlsx = run(&["export", "--all", "--out", out.to_str().unwrap()]);
    assert!(!no_xlsx.status.success());
    assert!(String::from_utf8_lossy(&no_xlsx.stderr).contains("--format xlsx"));
    let no_out = run(&["export", "--all", "--format", "xlsx"]);
    assert!(String::from_utf8_lossy(&no_out.stderr).contains("--out"));
}

/// LibreOffice opens the workbook and reads the plan out of it (headless, to CSV). Skipped,
/// saying why, where LibreOffice is not installed (`apt install libreoffice-calc-nogui`).
#[test]
fn libreoffice_opens_the_workbook() {
    let Some(office) = ["soffice", "libreoffice"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        println!("skipped: no LibreOffice to open the workbook with");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (data, out) = (tmp.path().join("data"), tmp.path().join("ut"));
    example(&data);
    let o = crate::common::stafett()
        .args([
            "export",
            "Randaberg sykehjem, avd. 2",
            "--format",
            "xlsx",
            "--out",
        ])
        .arg(&out)
        .env("STAFETT_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(o.status.success());
    let converted = tmp.path().join("lest");
    let run = Command::new(office)
        // CSV in UTF-8 (filter options: comma, quote, UTF-8, from the first sheet).
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
        ])
        .arg("--outdir")
        .arg(&converted)
        .arg(out.join("randaberg-sykehjem-avd-2.xlsx"))
        .env("HOME", tmp.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let csv = std::fs::read_to_string(converted.join("randaberg-sykehjem-avd-2.csv")).unwrap();
    assert!(csv.contains("Kurs i å melde avvik"), "{csv}");
    assert!(
        csv.contains("Handlingsplan") || csv.contains("Tiltak"),
        "{csv}"
    );
    assert!(csv.contains("2027"), "the frist read as a date: {csv}");
}
