//! The App component: a page rendered fresh (a partner's list, or no
//! prerendered page), where loading meets the views (browser only). The
//! bundled dataset's page is hydrated instead (`start`).

use leptos::either::Either;
use leptos::prelude::*;

use crate::address::Address;
use crate::browser;
use crate::components::status::{LoadErrorView, Loading};
use crate::components::{LoadedView, Page};
use crate::load::read_dataset;
use crate::load::DATA_URL;

/// The whole page: loads the dataset and shows it, or says why not.
#[component]
pub fn App() -> impl IntoView {
    // A partner may point at another dataset on this site with `?data=`; anything
    // else is refused with a notice and the bundled data is shown. Inside a
    // partner's page (`embed`: the site's header and footer, in index.html, are
    // hidden by the CSS) filters keep to the page's own history entry; its
    // partner chooses its controls (compact unless told otherwise).
    let Address { embed, controls, list, notices, .. } = Address::read(&browser::location_search());
    // The bundled dataset comes with the page (release builds); a list named by
    // the address is fetched, even at the bundled file's own address, as is a
    // copy's own list (own-list.html: `browser::has_own_list`).
    let (url, bundled) = match list {
        Some(path) => (path, None),
        None if browser::has_own_list() => (DATA_URL.to_string(), None),
        None => (DATA_URL.to_string(), browser::bundled_dataset()),
    };
    let dataset = LocalResource::new(move || read_dataset(url.clone(), bundled.clone()));
    let retry = Callback::new(move |()| dataset.refetch());
    view! {
        <Page>
            <Suspense fallback=Loading>
                // Reading the resource inside Suspense shows the fallback until it
                // resolves (and again on Retry), without an async Suspend block.
                {move || dataset.get().map(|result| match result {
                    Ok(fetched) => Either::Left(view! {
                        <LoadedView
                            loaded=fetched.loaded
                            notices=notices.clone()
                            embed
                            controls
                            saved_on=fetched.saved_on
                        />
                    }),
                    Err(error) => Either::Right(view! { <LoadErrorView error on_retry=retry/> }),
                })}
            </Suspense>
        </Page>
    }
}
