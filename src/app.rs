//! The App component: the one place where loading meets the views (browser only).

use leptos::either::Either;
use leptos::prelude::*;

use crate::components::layout::{SiteFooter, SiteHeader};
use crate::components::status::{LoadErrorView, Loading};
use crate::components::LoadedView;

/// The whole page: loads the bundled dataset and shows it, or says why not.
#[component]
pub fn App() -> impl IntoView {
    let dataset = LocalResource::new(|| crate::data::load::fetch_dataset(crate::data::load::DATA_URL));
    let retry = Callback::new(move |()| dataset.refetch());
    view! {
        <a class="skip-link" href="#main">"Skip to the partnerships"</a>
        <SiteHeader/>
        <main id="main" tabindex="-1">
            <Suspense fallback=Loading>
                // Reading the resource inside Suspense shows the fallback until it
                // resolves (and again on Retry), without an async Suspend block.
                {move || dataset.get().map(|result| match result {
                    Ok(loaded) => Either::Left(view! { <LoadedView loaded/> }),
                    Err(error) => Either::Right(view! { <LoadErrorView error on_retry=retry/> }),
                })}
            </Suspense>
        </main>
        <SiteFooter/>
    }
}
