//! What the page's address asks for beyond the filter (the embed, its
//! controls, the check page, a partner's list), read once for every path.

use crate::embed::Controls;

/// What the page's address asks for beyond the filter, read one way for
/// every path (`explore::query::params`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub embed: bool,
    pub controls: Controls,
    /// The check page (`?check=1`).
    pub check: bool,
    /// A partner's list to show instead of the bundled one (`?data=`).
    pub list: Option<String>,
    /// What was refused in it (an unknown `controls=`, a `data=` that is not a
    /// list on this site): shown above the cards.
    pub notices: Vec<String>,
}

impl Address {
    pub fn read(search: &str) -> Address {
        let (controls, controls_notice) = Controls::from_search(search);
        let (list, refusal) = match crate::explore::data_path(search) {
            Ok(list) => (list, None),
            Err(why) => (None, Some(why)),
        };
        Address {
            embed: crate::embed::is_embed(search),
            controls,
            // The first `check=`, as the head script's `URLSearchParams.get` reads it.
            check: crate::explore::query::params(search)
                .find(|(key, _)| key == crate::names::CHECK_PARAM)
                .is_some_and(|(_, value)| value == "1"),
            list,
            notices: refusal.into_iter().chain(controls_notice).collect(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_read_decoded_once_for_every_path() {
        let address = Address::read("?embed=%31&controls=none&data=%2Fetc%2Fpasswd");
        assert!(address.embed);
        assert_eq!(address.controls, Controls::None);
        assert_eq!(address.list, None);
        assert_eq!(address.notices.len(), 1, "{:?}", address.notices);
        assert!(address.notices[0].contains("/etc/passwd"), "{:?}", address.notices);
        let partner = Address::read("?data=data/colorado.json&sector=it");
        assert_eq!(partner.list.as_deref(), Some("data/colorado.json"));
        assert!(!partner.embed && partner.notices.is_empty());
        assert_eq!(partner.controls, Controls::Full);
    }
}
