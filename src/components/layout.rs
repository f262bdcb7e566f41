//! The site's frame around the data: brand bar and footer.

use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="wrap site-header-inner">
                <p class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Partnership Explorer"
                </p>
                <p class="brand-tagline">"Next Generation Sector Partnerships, by example"</p>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    "Examples are summarised from the “Partnership Examples” page of the "
                    "Next Generation Sector Partnership Community of Practice. "
                    "Partnership Explorer runs entirely in your browser."
                </p>
            </div>
        </footer>
    }
}
