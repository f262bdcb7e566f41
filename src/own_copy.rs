//! The explorer as one download: the check page's "Download the explorer
//! with your list" makes a `.zip` of this very site, with the partner's
//! checked list as its own, so a partner with a browser and a spreadsheet
//! needs nothing else (no build, no copy of `dist/` to find).
//!
//! The files are the site's own, as `scripts/post-build.mjs` lists them in
//! `files.json` (the service worker has them once the site is visited, so the
//! download works offline too). In the copy, `index.html` is the build's
//! `own-list.html`: the same page without our prerendered view or carried
//! data, which shows the list of its `data/partnerships.json`, fetched at once
//! (index.html's head script) by the partner list's wasm, at the folder's own
//! address. Its policy's hashes hold as they are: the inline script and style
//! are the same. Our `data/partnerships.json` and `.csv` are the partner's.
//! Pure: which file goes where, and the archive (`rawzip`, stored).

use crate::data::report::dataset_json;
use crate::data::{sheet, Dataset, DATA_URL};
use crate::explore::query::stays_in_site;

/// The site's files, one path per entry (written by `scripts/post-build.mjs`).
pub const SITE_FILES: &str = "files.json";
/// The build's page for a copy whose list is beside it.
pub const OWN_LIST_PAGE: &str = "own-list.html";
/// The copy's folder in the archive, and the archive's name.
pub const FOLDER: &str = "partnership-explorer";
pub const ARCHIVE: &str = "partnership-explorer.zip";
/// The spreadsheet form of the bundled list, beside it.
const DATA_CSV: &str = "data/partnerships.csv";

/// Where a file of the copy comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The site's own file at this path.
    Site(String),
    /// The partner's list, as the explorer's JSON.
    ListJson,
    /// The partner's list, as the spreadsheet's CSV.
    ListCsv,
}

/// Each file of the copy (its path in the folder) and where it comes from,
/// from the site's `files.json`; an error names what is wrong with it.
pub fn plan(files_json: &str) -> Result<Vec<(String, Source)>, String> {
    let listed: Vec<String> =
        serde_json::from_str(files_json).map_err(|e| format!("the site's list of files cannot be read ({e})"))?;
    if !listed.iter().any(|f| f == OWN_LIST_PAGE) {
        return Err(format!("this site has no {OWN_LIST_PAGE} (a release build makes it)"));
    }
    let mut plan: Vec<(String, Source)> = listed
        .into_iter()
        // Relative paths of the site only: nothing the archive could put elsewhere.
        .filter(|f| stays_in_site(f))
        .map(|file| {
            let source = match file.as_str() {
                "index.html" => Source::Site(OWN_LIST_PAGE.to_string()),
                DATA_URL => Source::ListJson,
                DATA_CSV => Source::ListCsv,
                _ => Source::Site(file.clone()),
            };
            (file, source)
        })
        .collect();
    for (file, source) in [(DATA_URL, Source::ListJson), (DATA_CSV, Source::ListCsv)] {
        if !plan.iter().any(|(f, _)| f == file) {
            plan.push((file.to_string(), source));
        }
    }
    Ok(plan)
}

/// The partner's list as a file of the copy.
pub fn list_file(source: &Source, dataset: &Dataset) -> Option<Vec<u8>> {
    match source {
        Source::ListJson => Some(dataset_json(dataset).into_bytes()),
        Source::ListCsv => Some(sheet::to_csv(dataset).into_bytes()),
        Source::Site(_) => None,
    }
}

/// The archive: every file under `FOLDER/`, stored as it is (the wasm and the
/// text are small, and a browser's own unzip reads stored entries everywhere).
pub fn archive(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let failed = |e: rawzip::Error| format!("the archive could not be made ({e})");
    let mut out = Vec::new();
    let mut zip = rawzip::ZipArchiveWriter::new(&mut out);
    for (path, bytes) in files {
        let name = format!("{FOLDER}/{path}");
        let (mut entry, config) =
            zip.new_file(name.as_str()).compression_method(rawzip::CompressionMethod::STORE).start().map_err(failed)?;
        let mut writer = config.wrap(&mut entry);
        std::io::Write::write_all(&mut writer, bytes).map_err(|e| format!("the archive could not be made ({e})"))?;
        let (_, descriptor) = writer.finish().map_err(failed)?;
        entry.finish(descriptor).map_err(failed)?;
    }
    zip.finish().map_err(failed)?;
    Ok(out)
}
