//! The session record (referat): when and where, who took part, what was decided and the next
//! meeting. Every field optional; kept in the worksheet by field id, in this order.

/// The record's fields: id (as saved) and label (as shown and exported), in order.
pub fn record_fields() -> [(&'static str, &'static str); 9] {
    [
        ("dato-sted", crate::t!("record.when_where")),
        ("leder", crate::t!("record.leder")),
        ("tillitsvalgt", crate::t!("record.tillitsvalgt")),
        ("verneombud", crate::t!("record.verneombud")),
        ("ansatte", crate::t!("record.ansatte")),
        ("navn", crate::t!("record.names")),
        ("beslutninger", crate::t!("record.decisions")),
        ("neste-mote", crate::t!("record.next_meeting")),
        ("forberede", crate::t!("record.prepare")),
    ]
}
