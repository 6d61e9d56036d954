//! The interface in nynorsk, English and Danish: the same screens in each, a script in one
//! language under an interface in another, and the language chosen on the command line.

use crate::common;

use common::harness::Harness;
use ratatui::crossterm::event::KeyCode;
use stafett::strings::{Lang, with_language};

const OTHERS: [Lang; 3] = [Lang::Nn, Lang::En, Lang::Da];

#[test]
fn the_home_screen_in_each_language() {
    for lang in OTHERS {
        let screen = with_language(lang, || {
            let mut h = Harness::with_forlop();
            h.keys("q");
            h.app.refresh_home();
            format!("{}", h.draw(80, 24).backend())
        });
        insta::assert_snapshot!(format!("home_{}", lang.code()), screen);
    }
}

#[test]
fn a_collect_step_in_each_language() {
    for lang in OTHERS {
        let screen = with_language(lang, || {
            let mut h = Harness::with_forlop();
            h.utforske_verksted_step(5)
                .add_items(&["Travle morgener", "Mye innleie på kveld"]);
            format!("{}", h.draw(100, 30).backend())
        });
        insta::assert_snapshot!(format!("collect_step_{}", lang.code()), screen);
    }
}

#[test]
fn the_danish_script_under_each_interface_keeps_its_own_words() {
    for lang in [Lang::Da, Lang::Nb, Lang::En] {
        let text = with_language(lang, || {
            let mut h = Harness::new();
            h.app
                .create("indsatsmodel", "Afdeling 3", common::at(0))
                .unwrap();
            h.text(100, 30)
        });
        // The script's own text is Danish whatever the interface speaks …
        assert!(text.contains("Opstart"), "{lang:?}:\n{text}");
        // … and the interface's words are the interface's.
        let guide = match lang {
            Lang::Da => "Vejledning",
            Lang::En => "Guide",
            _ => "Veiledning",
        };
        assert!(text.contains(guide), "{lang:?}:\n{text}");
    }
}

#[test]
fn every_shipped_script_says_its_language() {
    let lib = stafett::script::Library::shipped();
    let lang = |id: &str| lib.get(id).unwrap().language.clone();
    assert_eq!(lang("indsatsmodel"), "da");
    assert_eq!(lang("oss-og-vart"), "nb");
    assert_eq!(lang("dialogverktoy-partssamarbeid"), "nb");
}

#[test]
fn a_script_in_a_language_stafett_does_not_know_is_refused_at_the_field() {
    let src = common::MINI.replacen("format: 1,", "format: 1, language: \"sv\",", 1);
    let problems = stafett::script::parse(&src).unwrap_err();
    let problem = problems
        .iter()
        .find(|p| p.message.contains("«sv»"))
        .unwrap_or_else(|| panic!("{problems:?}"));
    // At the value, with the codes that work.
    assert_eq!((problem.line, problem.col), (2, 14), "{problem:?}");
    assert!(problem.help.contains("nb, nn, en, da"), "{problem:?}");
}

/// `--help` in the language asked for: flag before environment before locale.
#[test]
fn the_command_line_speaks_the_chosen_language() {
    let help = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = common::stafett();
        cmd.env_remove("STAFETT_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).arg("--help").output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let en = help(&["--lang", "en"], &[("STAFETT_LANG", "da")]);
    assert!(en.contains("Commands:"));
    // The environment variable is named in the language's own words, not clap's "[env: …]".
    assert!(
        en.contains("also STAFETT_DATA_DIR") && !en.contains("[env"),
        "{en}"
    );
    assert!(help(&[], &[("STAFETT_LANG", "da"), ("LANG", "en_GB.UTF-8")]).contains("Tilvalg:"));
    assert!(help(&[], &[("LANG", "nn_NO.UTF-8")]).contains("Vis denne hjelpa"));
    assert!(help(&[], &[("LC_ALL", "en_US.UTF-8"), ("LANG", "nb_NO.UTF-8")]).contains("Usage:"));
    assert!(
        help(&[], &[]).contains("Vis denne hjelpen."),
        "bokmål without any locale"
    );
    // A subcommand's help too, and the man page.
    assert!(help(&["--lang=da", "export"], &[]).contains("Tilvalg"));
    let man = common::stafett()
        .args(["--lang", "en", "man"])
        .output()
        .unwrap();
    let man = String::from_utf8(man.stdout).unwrap();
    assert!(
        man.contains(".TH stafett 1") && man.contains("journey"),
        "{man}"
    );
}

#[test]
fn completions_are_written_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = common::stafett()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("practice") && text.contains("export"),
            "{shell}: {text}"
        );
    }
    let bad = common::stafett()
        .args(["completions", "cmd"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

#[test]
fn keys_work_the_same_in_every_language() {
    // The key table is the same; only its words change. `n` goes on in Danish too.
    with_language(Lang::Da, || {
        let mut h = Harness::with_forlop();
        let before = h.text(100, 30);
        assert!(before.contains("trin 1 af 7"), "{before}");
        h.key(KeyCode::Char('n'));
        let after = h.text(100, 30);
        assert!(after.contains("trin 2 af 7"), "{after}");
    });
}

/// A mistake on the command line is said in the chosen language, with the usage, status 2.
#[test]
fn command_line_mistakes_are_said_in_the_chosen_language() {
    let run = |args: &[&str]| {
        let out = common::stafett().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let nb = run(&["fooo"]);
    assert!(
        nb.contains("ukjent kommando «fooo». Mente du «follow»?"),
        "{nb}"
    );
    assert!(nb.contains("Bruk: stafett"), "{nb}");
    assert!(
        !nb.contains("Usage") && !nb.contains("For more information"),
        "{nb}"
    );
    let missing = run(&["export"]);
    assert!(missing.contains("dette mangler: <NAVN>"), "{missing}");
    assert!(missing.contains("Bruk: stafett export"), "{missing}");
    let en = run(&["--lang", "en", "list", "--bogus"]);
    assert!(en.contains("unknown option “--bogus”"), "{en}");
    let da = run(&["--lang", "sv", "list"]);
    assert!(
        da.contains("«sv» er ikke en gyldig verdi") && da.contains("nb, nn, en, da"),
        "{da}"
    );
}
