//! "Download the explorer with your list (.zip)": this very site, with the
//! partner's checked list as its own (`crate::own_copy`), made in the page
//! from the site's own files (from the service worker's cache once visited,
//! so it works offline) and saved as one archive. The button says how far it
//! has come and, if a file cannot be fetched, which one and why.

use leptos::prelude::*;

use crate::data::Dataset;

/// Where the making of the copy is (made in the browser only).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
enum Making {
    Ready,
    /// Files fetched, of how many.
    Fetching(usize, usize),
    Saved {
        files: usize,
        kilobytes: usize,
    },
    Failed(String),
}

#[component]
pub fn OwnCopy(dataset: Dataset) -> impl IntoView {
    let making = RwSignal::new(Making::Ready);
    let dataset = StoredValue::new(dataset);
    let busy = move || matches!(making.get(), Making::Fetching(..));
    let make = move |_| {
        if busy() {
            return;
        }
        making.set(Making::Fetching(0, 0));
        #[cfg(not(target_arch = "wasm32"))]
        let _ = dataset;
        #[cfg(target_arch = "wasm32")]
        leptos::task::spawn_local(async move {
            let made = copy(&dataset.get_value(), |done, total| making.set(Making::Fetching(done, total))).await;
            making.set(match made {
                Ok((bytes, files)) => {
                    crate::browser::save_bytes(&bytes, "application/zip", crate::own_copy::ARCHIVE);
                    Making::Saved { files, kilobytes: bytes.len().div_ceil(1024) }
                }
                Err(why) => Making::Failed(why),
            });
        });
    };
    let said = move || match making.get() {
        Making::Ready => String::new(),
        Making::Fetching(_, 0) => "Gathering the explorer's files…".to_string(),
        Making::Fetching(done, total) => format!("Gathering the explorer's files… {done} of {total}"),
        Making::Saved { files, kilobytes } => {
            format!("Saved partnership-explorer.zip: {files} files, {kilobytes} KB, with your list as its own.")
        }
        Making::Failed(why) => format!("The copy could not be made: {why}. Try again once you are online."),
    };
    view! {
        <div class="check-download own-copy">
            <button type="button" class="button" on:click=make aria-disabled=move || busy().to_string()>
                {move || if busy() { "Making the .zip…" } else { "Download the explorer with your list (.zip)" }}
            </button>
            <span>
                "This explorer, every file of it, with your ready partnerships as its own list: unzip it and "
                "put the folder on your website. Its own address shows your list."
            </span>
            <p class="own-copy-status" role="status">{said}</p>
        </div>
    }
}

/// Fetches every file of the copy (telling `progress` how many of how many)
/// and puts them in one archive: its bytes, and how many files it holds.
#[cfg(target_arch = "wasm32")]
async fn copy(dataset: &Dataset, progress: impl Fn(usize, usize)) -> Result<(Vec<u8>, usize), String> {
    use crate::load::site_file;
    use crate::own_copy::{archive, list_file, plan, SITE_FILES};
    let listed = site_file(SITE_FILES).await?;
    let plan = plan(&String::from_utf8_lossy(&listed))?;
    let mut files = Vec::with_capacity(plan.len());
    for (done, (path, source)) in plan.iter().enumerate() {
        progress(done, plan.len());
        let bytes = match (list_file(source, dataset), source) {
            (Some(bytes), _) => bytes,
            (None, crate::own_copy::Source::Site(from)) => site_file(from).await?,
            (None, _) => return Err(format!("{path} has no source")),
        };
        files.push((path.clone(), bytes));
    }
    Ok((archive(&files)?, files.len()))
}
