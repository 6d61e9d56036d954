use super::*;
use Action::*;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}
fn with(code: KeyCode, m: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, m)
}
fn resolve(k: KeyEvent, mode: KeyMode) -> Option<Action> {
    Keymap::standard().resolve(k, mode)
}

#[test]
fn the_standard_table_reads_and_every_key_name_is_understood() {
    let table: Table = read(STANDARD).expect("assets/keys.ron");
    for b in &table.bindings {
        parse_key(&b.key).unwrap_or_else(|e| panic!("{}: {e}", b.key));
    }
    assert_eq!(Keymap::standard().bindings.len(), table.bindings.len());
}

#[test]
fn no_key_stands_for_two_actions_in_one_mode() {
    let map = Keymap::standard();
    for (i, (m, k, a)) in map.bindings.iter().enumerate() {
        for (m2, k2, a2) in &map.bindings[i + 1..] {
            assert!(
                !(m == m2 && k == k2 && a.kind() != a2.kind()),
                "{k:?} in {m:?}: {a:?} and {a2:?}"
            );
        }
    }
}

#[test]
fn every_action_in_help_and_footer_has_a_key() {
    let map = Keymap::standard();
    for s in map.help() {
        for row in &s.rows {
            for &a in &row.actions {
                assert!(!map.keys_of(s.mode, a).is_empty(), "{a:?} in {}", s.section);
            }
        }
    }
    for rows in map.footer.values() {
        for row in rows {
            for &a in &row.actions {
                assert!(!map.keys_of(KeyMode::Normal, a).is_empty(), "{a:?}");
            }
        }
    }
}

#[test]
fn normal_mode_table() {
    let table: &[(KeyEvent, Option<Action>)] = &[
        (key(KeyCode::Char('q')), Some(Quit)),
        (with(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Quit)),
        (key(KeyCode::Char('?')), Some(Help)),
        (key(KeyCode::Char('n')), Some(NextStep)),
        (key(KeyCode::Right), Some(NextStep)),
        (key(KeyCode::Char('p')), Some(PrevStep)),
        (key(KeyCode::Left), Some(PrevStep)),
        (
            with(KeyCode::Char('N'), KeyModifiers::SHIFT),
            Some(NextSession),
        ),
        (key(KeyCode::Char('F')), Some(Finish)),
        (key(KeyCode::Up), Some(Up)),
        (key(KeyCode::Char('j')), Some(Down)),
        (with(KeyCode::Up, KeyModifiers::SHIFT), Some(MoveUp)),
        (with(KeyCode::Down, KeyModifiers::SHIFT), Some(MoveDown)),
        (key(KeyCode::Char('K')), Some(MoveUp)),
        (key(KeyCode::Char('a')), Some(Add)),
        (key(KeyCode::Char('e')), Some(Edit)),
        (key(KeyCode::Char('d')), Some(Delete)),
        (key(KeyCode::Char(' ')), Some(Mark)),
        (key(KeyCode::Backspace), Some(Unmark)),
        (key(KeyCode::Char('t')), Some(TimerToggle)),
        (key(KeyCode::Char('+')), Some(TimerMore)),
        (key(KeyCode::Char('-')), Some(TimerLess)),
        (key(KeyCode::Char('f')), Some(Guide)),
        (key(KeyCode::Char('o')), Some(Overview)),
        (key(KeyCode::Char('h')), Some(Plan)),
        (key(KeyCode::Char('s')), Some(Status)),
        (key(KeyCode::Char('x')), Some(Export)),
        (key(KeyCode::Char('3')), Some(Digit(3))),
        (key(KeyCode::Tab), Some(NextField)),
        (key(KeyCode::BackTab), Some(PrevField)),
        (key(KeyCode::Char('v')), Some(ToggleView)),
        (key(KeyCode::Char('S')), Some(Sort)),
        (key(KeyCode::Char('m')), Some(ToPlan)),
        (key(KeyCode::Esc), Some(Back)),
        (key(KeyCode::Char('z')), None),
        (with(KeyCode::Char('x'), KeyModifiers::CONTROL), None),
    ];
    for (k, want) in table {
        assert_eq!(resolve(*k, KeyMode::Normal), *want, "{k:?}");
    }
}

#[test]
fn text_mode_types_letters_that_are_commands_elsewhere() {
    for c in ['q', 'n', 'a', 'd', ' ', 'æ', 'ø', 'å', '?'] {
        let k = key(KeyCode::Char(c));
        assert_eq!(resolve(k, KeyMode::Text), Some(Type(k)));
    }
    assert_eq!(resolve(key(KeyCode::Enter), KeyMode::Text), Some(Submit));
    assert_eq!(
        resolve(with(KeyCode::Enter, KeyModifiers::ALT), KeyMode::Text),
        Some(Newline)
    );
    assert_eq!(resolve(key(KeyCode::Esc), KeyMode::Text), Some(Cancel));
    // Where the terminal takes Alt+Enter (Windows Terminal), Ctrl+J types a new line.
    assert_eq!(
        resolve(
            with(KeyCode::Char('j'), KeyModifiers::CONTROL),
            KeyMode::Text
        ),
        Some(Newline)
    );
    assert_eq!(resolve(key(KeyCode::Tab), KeyMode::Text), Some(NextField));
    assert_eq!(
        resolve(key(KeyCode::BackTab), KeyMode::Text),
        Some(PrevField)
    );
    assert_eq!(
        resolve(key(KeyCode::Home), KeyMode::Text),
        Some(Type(key(KeyCode::Home)))
    );
}

#[test]
fn confirm_mode_takes_norwegian_and_english_yes() {
    assert_eq!(
        resolve(key(KeyCode::Char('j')), KeyMode::Confirm),
        Some(Yes)
    );
    assert_eq!(
        resolve(key(KeyCode::Char('y')), KeyMode::Confirm),
        Some(Yes)
    );
    assert_eq!(resolve(key(KeyCode::Enter), KeyMode::Confirm), Some(Yes));
    assert_eq!(resolve(key(KeyCode::Char('n')), KeyMode::Confirm), Some(No));
    assert_eq!(resolve(key(KeyCode::Esc), KeyMode::Confirm), Some(No));
    assert_eq!(resolve(key(KeyCode::Char('q')), KeyMode::Confirm), None);
}

#[test]
fn a_user_can_rebind_an_action_and_help_and_footer_follow() {
    let map = Keymap::standard()
        .with_overrides(r#"[(mode: Normal, key: "l", action: Add)]"#)
        .unwrap();
    assert_eq!(
        map.resolve(key(KeyCode::Char('l')), KeyMode::Normal),
        Some(Add)
    );
    assert_eq!(map.resolve(key(KeyCode::Char('a')), KeyMode::Normal), None);
    let footer = map.footer_pairs("collect");
    assert_eq!(footer[0].0, "l");
    let help = map.help_sections();
    assert!(help.iter().flat_map(|s| &s.rows).any(|(k, _)| k == "l"));
}

#[test]
fn rebinding_a_key_takes_it_from_its_old_action() {
    let map = Keymap::standard()
        .with_overrides(r#"[(mode: Normal, key: "d", action: Theme)]"#)
        .unwrap();
    assert_eq!(
        map.resolve(key(KeyCode::Char('d')), KeyMode::Normal),
        Some(Theme)
    );
    assert_eq!(map.resolve(key(KeyCode::Char('g')), KeyMode::Normal), None);
    assert_eq!(
        map.resolve(key(KeyCode::Delete), KeyMode::Normal),
        Some(Delete)
    );
}

#[test]
fn a_broken_user_table_says_what_is_wrong() {
    let err = Keymap::standard()
        .with_overrides(r#"[(mode: Normal, key: "Hyper+x", action: Add)]"#)
        .unwrap_err();
    assert!(matches!(&err, KeysError::Key(UnknownKey(k)) if k == "Hyper+x"));
    assert!(err.to_string().contains("Hyper+x"), "{err}");
    assert!(Keymap::standard().with_overrides("[(mode: Normal").is_err());
}

/// A footer context is an activity kind or one of the screen's own; a kind's keys under a
/// misspelt name would never be shown.
/// The footer contexts that are screens and overlays rather than activity kinds.
const SCREENS: &[&str] = &["home", "step", "session", "overview", "plan_overlay"];

#[test]
fn every_footer_context_is_a_kind_and_every_kind_that_takes_keys_has_one() {
    let map = Keymap::standard();
    let kinds = crate::script::Activity::KINDS;
    for context in map.footer.keys() {
        assert!(
            kinds.contains(&context.as_str()) || SCREENS.contains(&context.as_str()),
            "footer context {context:?} is no activity kind"
        );
    }
    // Info and the hand-off are only read: the step keys are all they take.
    for kind in kinds
        .iter()
        .filter(|k| !["info", "stafettpinne"].contains(*k))
    {
        assert!(
            !map.footer(kind).is_empty(),
            "kind {kind} has no footer keys"
        );
    }
}
