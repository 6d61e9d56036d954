//! Pure mutators on worksheets that take more than one line.

use super::ItemId;
use super::{Item, Worksheet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChooseError {
    /// The choice already holds `max` items.
    Full(u32),
}

/// Chooses the item `id` of `list` into `into`, or takes it out again if already chosen.
/// Returns whether the item is chosen afterwards.
pub fn choose_toggle(
    sheet: &mut Worksheet,
    list: &str,
    into: &str,
    id: ItemId,
    max: Option<u32>,
) -> Result<bool, ChooseError> {
    let Some(item) = sheet.list(list).iter().find(|i| i.id == id).cloned() else {
        return Ok(false);
    };
    let chosen = sheet.list_mut(into);
    if let Some(pos) = chosen.iter().position(|c| c.source == Some(id)) {
        chosen.remove(pos);
        return Ok(false);
    }
    if let Some(max) = max
        && chosen.len() as u32 >= max
    {
        return Err(ChooseError::Full(max));
    }
    let new_id = sheet.fresh_id();
    sheet.list_mut(into).push(Item {
        id: new_id,
        votes: 0,
        source: Some(id),
        ..item
    });
    Ok(true)
}

/// Copies items handed on from an earlier session into `list`, skipping texts already there.
/// Returns how many were added.
pub fn import_items(sheet: &mut Worksheet, list: &str, items: &[Item]) -> usize {
    let mut added = 0;
    for item in items {
        if sheet.list(list).iter().any(|i| i.text == item.text) {
            continue;
        }
        let id = sheet.fresh_id();
        sheet.list_mut(list).push(Item {
            id,
            votes: 0,
            source: None,
            rating: None,
            ..item.clone()
        });
        added += 1;
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worksheet::SheetKey;

    fn sheet_with(texts: &[&str]) -> Worksheet {
        let mut s = Worksheet::new(&SheetKey::new(1, "x"));
        for t in texts {
            let id = s.fresh_id();
            s.list_mut("a").push(Item::new(id, *t));
        }
        s
    }

    #[test]
    fn choosing_twice_takes_the_item_out_again() {
        let mut s = sheet_with(&["en", "to"]);
        assert_eq!(choose_toggle(&mut s, "a", "b", ItemId(2), None), Ok(true));
        assert_eq!(s.list("b")[0].text, "to");
        assert_eq!(s.list("b")[0].source, Some(ItemId(2)));
        assert_eq!(choose_toggle(&mut s, "a", "b", ItemId(2), None), Ok(false));
        assert!(s.list("b").is_empty());
    }

    #[test]
    fn a_full_choice_refuses_more() {
        let mut s = sheet_with(&["en", "to"]);
        assert_eq!(
            choose_toggle(&mut s, "a", "b", ItemId(1), Some(1)),
            Ok(true)
        );
        assert_eq!(
            choose_toggle(&mut s, "a", "b", ItemId(2), Some(1)),
            Err(ChooseError::Full(1))
        );
        assert_eq!(s.list("b").len(), 1);
    }

    #[test]
    fn import_skips_texts_already_there() {
        let mut s = sheet_with(&["en"]);
        let from = sheet_with(&["en", "to", "tre"]);
        assert_eq!(import_items(&mut s, "a", from.list("a")), 2);
        let texts: Vec<_> = s.list("a").iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["en", "to", "tre"]);
        assert_eq!(import_items(&mut s, "a", from.list("a")), 0);
    }
}
