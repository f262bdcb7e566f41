//! The App component: the one place where loading meets the views (browser only).

use leptos::either::Either;
use leptos::prelude::*;

use crate::components::layout::{SiteFooter, SiteHeader};
use crate::components::status::{LoadErrorView, Loading};
use crate::browser;
use crate::components::LoadedView;
use crate::data::load::{fetch_dataset, DATA_URL};
use crate::explore::data_path;

/// The whole page: loads the dataset and shows it, or says why not.
#[component]
pub fn App() -> impl IntoView {
    // A partner may point at another dataset on this site with `?data=`; anything
    // else is refused with a notice and the bundled data is shown.
    let (url, refusal) = match data_path(&browser::location_search()) {
        Ok(Some(path)) => (path, None),
        Ok(None) => (DATA_URL.to_string(), None),
        Err(why) => (DATA_URL.to_string(), Some(why)),
    };
    let dataset = LocalResource::new(move || fetch_dataset(url.clone()));
    let retry = Callback::new(move |()| dataset.refetch());
    view! {
        <a class="skip-link" href="#main">"Skip to the partnerships"</a>
        <SiteHeader/>
        <main id="main" tabindex="-1">
            <Suspense fallback=Loading>
                // Reading the resource inside Suspense shows the fallback until it
                // resolves (and again on Retry), without an async Suspend block.
                {move || dataset.get().map(|result| match result {
                    Ok(loaded) => Either::Left(view! { <LoadedView loaded notices=refusal.iter().cloned().collect()/> }),
                    Err(error) => Either::Right(view! { <LoadErrorView error on_retry=retry/> }),
                })}
            </Suspense>
        </main>
        <SiteFooter/>
    }
}
