//! The partner kit on the command line (`./run data ...`): check a list,
//! convert a spreadsheet's CSV to the dataset JSON and back. The same code as
//! the explorer and its check page (`data::report`, `data::sheet`).
//!
//!     ./run data check public/data/partnerships.json [--format json]
//!     ./run data import ours.csv -o public/data/ours.json [--base theirs.json]
//!     ./run data export public/data/partnerships.json -o partnerships.csv
//!     ./run data publish ours.csv --out site/ [--keep-valid] [--base theirs.json]
//!
//! `publish` is `bundle` (below: the list checked and written as the page's
//! own data) followed by a release build around it (`./run`).
//!
//! Exits 0 when every file is valid, 1 when there are problems, 2 when a file
//! cannot be read (or the command is misused).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::run(&args) {
        Ok(code) => std::process::ExitCode::from(code),
        Err(message) => {
            eprintln!("error: {message}");
            std::process::ExitCode::from(2)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use partnership_explorer::data::locate::locate;
    use partnership_explorer::data::report::{dataset_json, plural, Form, Report};
    use partnership_explorer::data::{parse_dataset, sheet, Dataset, Kind, Path, Problem, TextAt};
    use serde_json::json;

    const USAGE: &str = "usage:
  data check [--format text|json] [--base BASE.json] FILE...
  data import FILE.csv|FILE.json [-o FILE.json] [--base BASE.json]
  data export FILE.json [-o FILE.csv]
  data bundle FILE.csv|FILE.json --out DIR [--keep-valid] [--base BASE.json]
              [--title TEXT] [--source TEXT] [--source-url https://...]

check: every problem, located; exit 0 valid, 1 problems, 2 unreadable.
import: a spreadsheet's CSV to the dataset JSON (header, sectors and topics
        from BASE, by default the bundled dataset); a JSON file is checked and
        its valid entries written, as the check page's download does.
export: a dataset's JSON to the spreadsheet's CSV (the template's columns).
bundle: the list as an explorer's own (`./run data publish` builds the site
        around it): DIR/partnerships.json and DIR/partnerships.csv. A list
        with problems is refused, each problem located, unless --keep-valid,
        which writes the ready partnerships and says how many were left out.
        A spreadsheet's title and source are BASE's (the bundled list's
        unless given): say yours with --title, --source and --source-url.";

    /// The bundled dataset: the base of a CSV's header, sectors and topics.
    const BUNDLED: &str = include_str!("../../public/data/partnerships.json");

    /// Exit codes.
    const VALID: u8 = 0;
    const PROBLEMS: u8 = 1;

    struct Options {
        files: Vec<String>,
        output: Option<String>,
        base: Option<String>,
        json: bool,
        out: Option<String>,
        keep_valid: bool,
        title: Option<String>,
        source: Option<String>,
        source_url: Option<String>,
    }

    fn options(args: &[String]) -> Result<Options, String> {
        let mut o = Options {
            files: Vec::new(),
            output: None,
            base: None,
            json: false,
            out: None,
            keep_valid: false,
            title: None,
            source: None,
            source_url: None,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().cloned().ok_or(format!("{name} needs a value\n{USAGE}"));
            match arg.as_str() {
                "-o" | "--output" => o.output = Some(value(arg)?),
                "--base" => o.base = Some(value(arg)?),
                "--format" => match value(arg)?.as_str() {
                    "json" => o.json = true,
                    "text" => o.json = false,
                    other => return Err(format!("unknown format \"{other}\" (text or json)")),
                },
                "--json" => o.json = true,
                "--out" => o.out = Some(value(arg)?),
                "--keep-valid" => o.keep_valid = true,
                "--title" => o.title = Some(value(arg)?),
                "--source" => o.source = Some(value(arg)?),
                "--source-url" => o.source_url = Some(value(arg)?),
                flag if flag.starts_with('-') => return Err(format!("unknown option {flag}\n{USAGE}")),
                file => o.files.push(file.to_string()),
            }
        }
        Ok(o)
    }

    pub fn run(args: &[String]) -> Result<u8, String> {
        let (command, rest) = args.split_first().ok_or(USAGE.to_string())?;
        let o = options(rest)?;
        let base = base(o.base.as_deref())?;
        match command.as_str() {
            "check" if !o.files.is_empty() => check(&o, &base),
            "import" | "export" if o.files.len() == 1 => convert(command, &o, &base),
            "bundle" if o.files.len() == 1 && o.out.is_some() => bundle(&o, &base),
            "help" | "--help" | "-h" => {
                println!("{USAGE}");
                Ok(VALID)
            }
            _ => Err(USAGE.to_string()),
        }
    }

    fn read(path: &str) -> Result<Vec<u8>, String> {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
    }

    fn base(path: Option<&str>) -> Result<Dataset, String> {
        let text = match path {
            Some(path) => String::from_utf8(read(path)?).map_err(|_| format!("{path} is not UTF-8 text"))?,
            None => BUNDLED.to_string(),
        };
        let name = path.unwrap_or("the bundled dataset");
        parse_dataset(&text).map(|l| l.dataset).map_err(|e| format!("the base {name} cannot be used: {e}"))
    }

    fn check(o: &Options, base: &Dataset) -> Result<u8, String> {
        let mut reports = Vec::new();
        let mut valid = true;
        for path in &o.files {
            let bytes = read(path)?;
            let report = Report::check(path, &bytes, base);
            let text = as_read(&report, &bytes);
            let places = places(&report, &text);
            valid &= report.problems.is_empty();
            if o.json {
                reports.push(as_json(path, &report, &places));
            } else {
                print_diagnostics(path, &report, &places, &text);
                println!("{path}: {}", report.summary());
            }
        }
        if o.json {
            println!("{}", serde_json::Value::Array(reports));
        }
        Ok(if valid { VALID } else { PROBLEMS })
    }

    /// Where each problem is in the file's text, when that is known: its own
    /// place (CSV cells, JSON syntax errors), else its value's in the JSON.
    fn places(report: &Report, text: &str) -> Vec<Option<TextAt>> {
        let paths: Vec<Path> = report
            .problems
            .iter()
            .map(|p| if p.at.is_none() && report.form == Form::Json { p.json_path() } else { Path::default() })
            .collect();
        report.problems.iter().zip(locate(text, &paths)).map(|(p, found)| p.at.or(found)).collect()
    }

    /// The file's text as it was read: a spreadsheet decoded as its encoding
    /// says, so that lines and columns match the problems' places.
    fn as_read(report: &Report, bytes: &[u8]) -> String {
        match report.form {
            Form::Csv => sheet::decode(bytes).text,
            Form::Json => String::from_utf8_lossy(bytes).into_owned(),
        }
    }

    /// What was assumed to read the file, then every problem, on standard
    /// error, as a compiler says it.
    fn print_diagnostics(path: &str, report: &Report, places: &[Option<TextAt>], text: &str) {
        for note in &report.notes {
            let what = if note.is_warning() { "warning" } else { "note" };
            eprintln!("{what}: {path}: {note}");
        }
        for (problem, at) in report.problems.iter().zip(places) {
            eprint!("{}", diagnostic(path, problem, *at, text));
        }
    }

    /// A problem as a compiler says it: the message, the place, the line with a caret.
    fn diagnostic(path: &str, problem: &Problem, at: Option<TextAt>, text: &str) -> String {
        let mut out = format!("error: {problem}\n");
        let Some(at) = at else { return out };
        let number = at.line.to_string();
        let pad = " ".repeat(number.len());
        out.push_str(&format!("{pad}--> {path}:{}:{}\n", at.line, at.column));
        if let Some(line) = text.lines().nth(at.line.saturating_sub(1)) {
            let (excerpt, column, width) = excerpt(line.trim_end_matches('\r'), at.column - 1, at.len);
            // The excerpt as it is up to the caret, tabs kept, so the caret lines up.
            let lead: String = excerpt.chars().take(column).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            out.push_str(&format!("{pad} |\n{number} | {excerpt}\n{pad} | {lead}{}\n", "^".repeat(width)));
        }
        out
    }

    /// Characters of a line shown around the problem's column, at most: a list
    /// saved on one line (as most exporters write JSON) shows the part around
    /// its problem, marked `…` where it is cut, never thousands of characters.
    const EXCERPT_AROUND: usize = 40;
    const EXCERPT_MARKED: usize = 30;

    /// The part of `line` to show for a problem at `column` (0-based, in
    /// characters) of `len` characters: the excerpt, the column in it and the
    /// caret's width.
    fn excerpt(line: &str, column: usize, len: usize) -> (String, usize, usize) {
        let count = line.chars().count();
        let width = len.min(EXCERPT_MARKED).min(count.saturating_sub(column)).max(1);
        let start = column.saturating_sub(EXCERPT_AROUND);
        let end = (column + width + EXCERPT_AROUND).min(count);
        if start == 0 && end == count {
            return (line.to_string(), column, width);
        }
        let mut shown: String = if start > 0 { "…".to_string() } else { String::new() };
        shown.extend(line.chars().skip(start).take(end - start));
        if end < count {
            shown.push('…');
        }
        (shown, column - start + usize::from(start > 0), width)
    }

    fn as_json(path: &str, report: &Report, places: &[Option<TextAt>]) -> serde_json::Value {
        let problems: Vec<_> = report
            .problems
            .iter()
            .zip(places)
            .map(|(p, at)| {
                let kind = match p.kind {
                    Kind::Syntax => "syntax",
                    Kind::Schema => "schema",
                    Kind::App => "app",
                };
                json!({
                    "location": p.location(), "field": p.field_name(), "message": p.message(), "row": p.row(),
                    "line": at.map(|a| a.line), "column": at.map(|a| a.column),
                    "pointer": p.pointer(), "kind": kind, "text": p.to_string(),
                })
            })
            .collect();
        let form = if report.form == Form::Csv { "csv" } else { "json" };
        let notes: Vec<_> =
            report.notes.iter().map(|n| json!({ "warning": n.is_warning(), "text": n.to_string() })).collect();
        json!({
            "file": path, "form": form, "usable": report.dataset.is_some(), "partnerships": report.ready(),
            "need_fixing": report.need_fixing(), "summary": report.summary(), "notes": notes, "problems": problems,
        })
    }

    /// The file at `path` checked (read as its `name` says: CSV or JSON) and
    /// every problem said on standard error: what `import`, `export` and
    /// `bundle` start with.
    fn checked(path: &str, name: &str, base: &Dataset) -> Result<Report, String> {
        let bytes = read(path)?;
        let report = Report::check(name, &bytes, base);
        let text = as_read(&report, &bytes);
        print_diagnostics(path, &report, &places(&report, &text), &text);
        Ok(report)
    }

    /// A list made the explorer's own: written only when every partnership is
    /// ready, or (`--keep-valid`) the ready ones, saying how many were left out.
    fn bundle(o: &Options, base: &Dataset) -> Result<u8, String> {
        let (Some(path), Some(out)) = (o.files.first(), o.out.as_ref()) else { return Err(USAGE.to_string()) };
        let report = checked(path, path, base)?;
        let dataset = match &report.dataset {
            Some(dataset) if report.problems.is_empty() || o.keep_valid => dataset,
            Some(_) => {
                let fix = "Fix the problems above, or publish only the ready partnerships with --keep-valid.";
                eprintln!("{path}: {}; nothing published. {fix}", report.summary());
                return Ok(PROBLEMS);
            }
            None => {
                eprintln!("{path}: {}; nothing published", report.summary());
                return Ok(PROBLEMS);
            }
        };
        if dataset.partnerships.is_empty() {
            eprintln!("{path}: no partnership is ready; nothing published");
            return Ok(PROBLEMS);
        }
        let dataset = &named(dataset.clone(), o)?;
        std::fs::create_dir_all(out).map_err(|e| format!("cannot make {out}: {e}"))?;
        for (name, text) in [("partnerships.json", dataset_json(dataset)), ("partnerships.csv", sheet::to_csv(dataset))]
        {
            let file = std::path::Path::new(out).join(name);
            std::fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        }
        let left_out = report.need_fixing();
        let ready = report.ready();
        if left_out > 0 {
            eprintln!(
                "{path}: publishing {ready} ready {}; {left_out} left out (--keep-valid)",
                plural(ready, "partnership")
            );
        } else {
            eprintln!("{path}: publishing {ready} {}", plural(ready, "partnership"));
        }
        Ok(VALID)
    }

    /// The list's title and source as the partner says them (`--title`,
    /// `--source`, `--source-url`), each checked by the dataset's own rules.
    fn named(mut dataset: Dataset, o: &Options) -> Result<Dataset, String> {
        use partnership_explorer::data::{HttpsUrl, Name};
        if let Some(title) = &o.title {
            dataset.title = Name::new(title.as_str()).map_err(|why| format!("--title: {why}"))?;
        }
        if let Some(source) = &o.source {
            dataset.source.name = Name::new(source.as_str()).map_err(|why| format!("--source: {why}"))?;
            // Another source's address is not this one's.
            dataset.source.url = None;
        }
        if let Some(url) = &o.source_url {
            dataset.source.url = Some(HttpsUrl::new(url.as_str()).map_err(|why| format!("--source-url: {why}"))?);
        }
        Ok(dataset)
    }

    fn convert(command: &str, o: &Options, base: &Dataset) -> Result<u8, String> {
        let path = o.files.first().ok_or(USAGE.to_string())?;
        // Import reads a CSV (or a JSON, to check and tidy it, as the check page
        // does), export a JSON, whatever the name says.
        let name = if command == "import" { path.as_str() } else { "file.json" };
        let report = checked(path, name, base)?;
        let Some(dataset) = &report.dataset else {
            eprintln!("{path}: {}; nothing written", report.summary());
            return Ok(PROBLEMS);
        };
        let out = if command == "import" { dataset_json(dataset) } else { sheet::to_csv(dataset) };
        match &o.output {
            Some(output) => {
                std::fs::write(output, out).map_err(|e| format!("cannot write {output}: {e}"))?;
                eprintln!("{path}: {}; wrote {output}", report.summary());
            }
            None => print!("{out}"),
        }
        Ok(if report.problems.is_empty() { VALID } else { PROBLEMS })
    }
}
