//! The README never drifts from the commands: every command it shows, in a
//! code block or in inline code, exists as written. Each is checked against
//! the source of what runs it, never against a list kept here:
//!
//! - `./run SUB`: SUB is an arm of the `run` script's `case`; `./run data SUB`
//!   is `publish` (the `run` script's own) or a subcommand of `src/bin/data.rs`
//!   (in its usage text and in its match); each flag shown is in that
//!   subcommand's usage and in the options' match (`publish`: its own `case`
//!   arms, and what it hands to `data bundle`); the other subcommands take none;
//! - `node scripts/NAME.mjs`, `scripts/NAME.sh`: the script exists, and each flag
//!   shown is in its usage comment and read by its code;
//! - `npx BIN`: a bin of a package in `package-lock.json`, or a package pinned
//!   in the command (`npx ajv-cli@5`), whose own flags are not checked here;
//! - `cargo run --example NAME`, `cargo run --bin NAME`, `cargo test --test NAME`:
//!   that example, binary or test exists;
//! - a flag shown alone (`--keep-valid`) is one that some command above takes.
//!
//! And every link to a heading or a file of the repository (here and in
//! `docs/architecture.md`) leads to one: the README's parts are found by them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What the project's commands accept, read from their sources.
struct Commands {
    root: PathBuf,
    /// `./run`'s subcommands.
    run: BTreeSet<String>,
    /// `./run data`'s subcommands, each with the flags it takes.
    data: BTreeMap<String, BTreeSet<String>>,
    /// The bins `npx` finds in the installed test tools.
    npx: BTreeSet<String>,
}

fn read(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The words of `text` that are flags: `-o`, `--keep-valid` (`--format=json` gives `--format`).
fn flags_in(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || "[]()'\"`,|".contains(c)).filter_map(flag).map(str::to_string).collect()
}

/// `word` as a flag, if it is one: a dash, then a letter or a second dash and a letter.
fn flag(word: &str) -> Option<&str> {
    let name = word.split('=').next().unwrap_or(word);
    let bare = name.strip_prefix("--").or_else(|| name.strip_prefix('-'))?;
    let ok = bare.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && bare.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then_some(name)
}

/// The lines of `text` from the one that starts with `open` to the first that starts with `close`.
fn block<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut lines = text.lines().skip_while(|l| !l.starts_with(open));
    let first = lines.next().unwrap_or_else(|| panic!("no line starting {open:?}"));
    std::iter::once(first).chain(lines.take_while(|l| !l.starts_with(close))).collect()
}

/// The string literals on a `match` arm's left of `=>`, in Rust source.
fn arm_literals(line: &str) -> Vec<&str> {
    let Some((left, _)) = line.split_once("=>") else { return Vec::new() };
    left.split('"').skip(1).step_by(2).collect()
}

impl Commands {
    fn read(root: &Path) -> Commands {
        let run = read(root, "run");
        // The top-level `case`: its arms are the lines `  name)` or `  a|b)`.
        let arms = block(&run, "case \"${1:-}\" in", "esac");
        let mut subcommands = BTreeSet::new();
        for line in &arms {
            let arm = line.strip_prefix("  ").and_then(|l| l.strip_suffix(')'));
            if let Some(arm) = arm.filter(|a| !a.starts_with(' ') && *a != "*") {
                subcommands.extend(arm.split('|').map(str::to_string));
            }
        }
        let data_arm = block(&arms.join("\n"), "  data)", "    ;;").join("\n");

        // `src/bin/data.rs`: its usage says each subcommand's flags; its match takes them.
        let source = read(root, "src/bin/data.rs");
        let usage = source.split("const USAGE: &str = \"").nth(1).expect("data.rs has USAGE");
        let usage = usage.split("\";").next().unwrap_or_default();
        let mut documented: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current = None;
        for line in usage.lines() {
            if let Some(rest) = line.strip_prefix("  data ") {
                let sub = rest.split_whitespace().next().unwrap_or_default().to_string();
                documented.entry(sub.clone()).or_default().extend(flags_in(rest));
                current = Some(sub);
            } else if let Some(sub) = current.as_ref().filter(|_| line.starts_with("    ")) {
                documented.entry(sub.clone()).or_default().extend(flags_in(line));
            } else {
                current = None;
            }
        }
        let taken: BTreeSet<&str> =
            block(&source, "    fn options(", "    }").iter().flat_map(|l| arm_literals(l)).collect();
        let matched: BTreeSet<&str> =
            block(&source, "    pub fn run(", "    }").iter().flat_map(|l| arm_literals(l)).collect();
        let mut data = BTreeMap::new();
        // Only if the `data` arm hands its arguments to that binary.
        if data_arm.contains("--bin data -- \"$@\"") {
            for (sub, flags) in &documented {
                if matched.contains(sub.as_str()) {
                    let flags = flags.iter().filter(|f| taken.contains(f.as_str())).cloned().collect();
                    data.insert(sub.clone(), flags);
                }
            }
        }
        // `./run data publish`: the `run` script's own, with the flags of its
        // `case` and, if it hands the rest to `data bundle`, bundle's.
        let own = data_arm.split("[ \"${1:-}\" = ").nth(1).and_then(|r| r.split(' ').next());
        if let Some(own) = own {
            let function = block(&run, &format!("{own}() {{"), "}");
            let mut flags: BTreeSet<String> = function
                .iter()
                .filter_map(|l| l.trim().split(')').next().filter(|_| l.trim_end().contains(')')))
                .filter_map(flag)
                .map(str::to_string)
                .collect();
            if function.iter().any(|l| l.contains("--bin data -- bundle")) {
                flags.extend(data.get("bundle").cloned().unwrap_or_default());
            }
            data.insert(own.to_string(), flags);
        }

        // The bins of the installed test tools (package-lock.json's packages).
        let lock: serde_json::Value = serde_json::from_str(&read(root, "package-lock.json")).expect("JSON");
        let packages = lock["packages"].as_object().expect("lockfile v3 packages");
        let npx =
            packages.values().filter_map(|p| p["bin"].as_object()).flat_map(|bins| bins.keys().cloned()).collect();

        Commands { root: root.to_path_buf(), run: subcommands, data, npx }
    }

    /// The flags a script takes: in its usage comment (`//   node scripts/x.mjs [--runs 7]`,
    /// `#   scripts/x.sh`) and read by its code (`'--runs'`, or `args.runs` after a
    /// generic `--name value` reader). `None` if there is no such script.
    fn script_flags(&self, path: &str) -> Option<BTreeSet<String>> {
        let text = std::fs::read_to_string(self.root.join(path)).ok()?;
        let comment = if path.ends_with(".sh") { "#" } else { "//" };
        let (comments, code): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| l.trim_start().starts_with(comment));
        let usage: BTreeSet<String> = comments
            .iter()
            .filter(|l| l.contains(path))
            .flat_map(|l| flags_in(l.split(path).nth(1).unwrap_or("")))
            .collect();
        let code = code.join("\n");
        // A flag right after an opening quote: '--runs', "--runs", `--runs=${n}`.
        let mut read: BTreeSet<String> = BTreeSet::new();
        for quote in ['\'', '"', '`'] {
            let quoted = code.split(quote).skip(1);
            read.extend(
                quoted
                    .filter_map(|after| {
                        flag(after.split(|c: char| c != '-' && !c.is_ascii_alphanumeric()).next().unwrap_or(""))
                    })
                    .map(str::to_string),
            );
        }
        if code.contains("startsWith('--')") {
            let names = code.split("args.").skip(1);
            read.extend(
                names
                    .map(|r| r.chars().take_while(char::is_ascii_alphanumeric).collect::<String>())
                    .map(|n| format!("--{n}")),
            );
        }
        Some(usage.intersection(&read).cloned().collect())
    }

    /// Every flag some command of ours takes.
    fn all_flags(&self) -> BTreeSet<String> {
        let mut all: BTreeSet<String> = self.data.values().flatten().cloned().collect();
        for entry in std::fs::read_dir(self.root.join("scripts")).expect("scripts/") {
            let name = entry.expect("entry").file_name().to_string_lossy().to_string();
            if name.ends_with(".mjs") || name.ends_with(".sh") {
                all.extend(self.script_flags(&format!("scripts/{name}")).unwrap_or_default());
            }
        }
        all
    }

    /// What is wrong with `command` (its words, from the program on), if anything.
    fn problems(&self, words: &[String]) -> Vec<String> {
        let shown = words.join(" ");
        let unknown_flags = |flags: &[String], known: &BTreeSet<String>, what: &str| -> Vec<String> {
            flags
                .iter()
                .filter_map(|w| flag(w))
                .filter(|f| !known.contains(*f))
                .map(|f| format!("`{shown}`: {what} has no flag {f}"))
                .collect()
        };
        match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            // The script itself: alone, it prints its usage.
            ["./run"] => Vec::new(),
            ["./run", sub, ..] if !self.run.contains(*sub) => vec![format!("`{shown}`: ./run has no subcommand {sub}")],
            ["./run", "data"] => vec![format!("`{shown}`: ./run data needs a subcommand")],
            ["./run", "data", sub, ..] => match self.data.get(*sub) {
                None => vec![format!("`{shown}`: ./run data has no subcommand {sub}")],
                Some(known) => unknown_flags(&words[3..], known, &format!("./run data {sub}")),
            },
            ["./run", _, ..] if words.len() == 2 => Vec::new(),
            ["./run", sub, rest @ ..] => {
                vec![format!("`{shown}`: ./run {sub} takes no argument, not {}", rest.join(" "))]
            }
            ["node", script, ..] | [script, ..] if script.starts_with("scripts/") => match self.script_flags(script) {
                None => vec![format!("`{shown}`: there is no {script}")],
                Some(known) => {
                    let from = if words[0] == "node" { 2 } else { 1 };
                    unknown_flags(&words[from..], &known, script)
                }
            },
            ["npx", tool, ..] if tool.get(1..).is_some_and(|t| t.contains('@')) => Vec::new(),
            ["npx", tool, ..] if self.npx.contains(*tool) => Vec::new(),
            ["npx", tool, ..] => vec![format!("`{shown}`: no test tool (package-lock.json) has the bin {tool}")],
            ["npx"] => vec![format!("`{shown}`: npx of nothing")],
            ["cargo", "run" | "test", ..] => {
                let target = |option: &str, dir: &str| {
                    let at = words.iter().position(|w| w == option)?;
                    let name = words.get(at + 1)?;
                    let path = if dir == "src/bin" && name == "partnership-explorer" {
                        "src/main.rs".to_string()
                    } else {
                        format!("{dir}/{name}.rs")
                    };
                    (!self.root.join(&path).exists()).then(|| format!("`{shown}`: there is no {path}"))
                };
                [target("--example", "examples"), target("--bin", "src/bin"), target("--test", "tests")]
                    .into_iter()
                    .flatten()
                    .collect()
            }
            _ => Vec::new(),
        }
    }
}

/// The code in `markdown`, each with its line: every line of a fenced block
/// (with the next one if it ends in `\`, as a shell reads it), and every inline
/// code span (CommonMark's: a run of backticks to the next run of the same
/// length; a line break inside is a space).
fn code_in(markdown: &str) -> Vec<(usize, String)> {
    let mut code = Vec::new();
    let mut fenced = false;
    let mut continued: Option<(usize, String)> = None;
    let mut prose: Vec<(usize, &str)> = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        let fence = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
        if fence {
            fenced = !fenced;
            code.extend(continued.take());
        } else if fenced {
            let (first, mut text) = continued.take().unwrap_or((i + 1, String::new()));
            match line.strip_suffix('\\') {
                Some(part) => {
                    text.push_str(part);
                    continued = Some((first, text));
                }
                None => code.push((first, text + line)),
            }
        } else {
            prose.push((i + 1, line));
        }
    }
    // Inline code, over the prose joined (a span may cross a line end).
    let text: String = prose.iter().map(|(_, l)| format!("{l}\n")).collect();
    let line_at = |byte: usize| {
        let mut seen = 0;
        for (number, line) in &prose {
            seen += line.len() + 1;
            if byte < seen {
                return *number;
            }
        }
        0
    };
    let bytes = text.as_bytes();
    let run_at = |at: usize| bytes[at..].iter().take_while(|&&b| b == b'`').count();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'`' {
            at += 1;
            continue;
        }
        let open = run_at(at);
        let mut end = at + open;
        let close = loop {
            match text[end..].find('`') {
                None => break None,
                Some(found) => {
                    let start = end + found;
                    let run = run_at(start);
                    if run == open {
                        break Some(start);
                    }
                    end = start + run;
                }
            }
        };
        match close {
            Some(close) => {
                code.push((line_at(at), text[at + open..close].replace('\n', " ")));
                at = close + open;
            }
            None => at += open,
        }
    }
    code
}

/// `code` split into words as a shell splits them ('…' and "…" quote), up to a comment.
fn words(code: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote = None;
    for c in code.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (None, '#') if word.is_none() => break,
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// The commands in one piece of code: from each program of ours to the end or
/// a shell operator. A piece that is a flag alone is returned as such.
fn commands(code: &str) -> Vec<Vec<String>> {
    let words = words(code);
    let starts = |at: usize| {
        let w = words[at].as_str();
        let next = words.get(at + 1).map(String::as_str).unwrap_or_default();
        w == "./run"
            || (w == "node" && next.starts_with("scripts/"))
            || (w.starts_with("scripts/") && w.ends_with(".sh"))
            || w == "npx"
            || (w == "cargo" && (next == "run" || next == "test"))
    };
    let mut found = Vec::new();
    let mut at = 0;
    while at < words.len() {
        if starts(at) {
            let end = (at..words.len()).find(|&i| ["|", "||", "&&", ";", ">", "2>"].contains(&words[i].as_str()));
            let end = end.unwrap_or(words.len());
            found.push(words[at..end].to_vec());
            at = end;
        }
        at += 1;
    }
    if found.is_empty() && words.first().and_then(|w| flag(w)).is_some() {
        found.push(words);
    }
    found
}

/// What is wrong with every command in `markdown`, each with its line.
fn check(markdown: &str, commands_of_ours: &Commands) -> (usize, Vec<String>) {
    let all_flags = commands_of_ours.all_flags();
    let mut seen = 0;
    let mut problems = Vec::new();
    for (line, code) in code_in(markdown) {
        for command in commands(&code) {
            seen += 1;
            let found = match flag(&command[0]) {
                Some(alone) if !all_flags.contains(alone) => vec![format!("`{alone}`: no command of ours takes it")],
                Some(_) => Vec::new(),
                None => commands_of_ours.problems(&command),
            };
            problems.extend(found.into_iter().map(|p| format!("README.md:{line}: {p}")));
        }
    }
    (seen, problems)
}

fn ours() -> Commands {
    Commands::read(Path::new(env!("CARGO_MANIFEST_DIR")))
}

#[test]
fn every_command_the_readme_shows_exists_as_written() {
    let commands = ours();
    let readme = read(&commands.root, "README.md");
    let (seen, problems) = check(&readme, &commands);
    assert!(problems.is_empty(), "the README shows commands that do not exist:\n{}", problems.join("\n"));
    // The reading found the commands at all (a README that showed none would pass).
    assert!(seen >= 20, "only {seen} commands found in the README");
    for first in ["./run serve", "./run test"] {
        assert!(readme.lines().any(|l| l.starts_with(first)), "the README's first commands: {first}");
    }
}

#[test]
fn the_commands_are_read_from_their_sources() {
    let commands = ours();
    for sub in ["serve", "test", "setup", "report", "bench", "data"] {
        assert!(commands.run.contains(sub), "./run {sub} not found in run: {:?}", commands.run);
    }
    let check = &commands.data["check"];
    assert!(check.contains("--format") && check.contains("--base"), "{check:?}");
    let publish = &commands.data["publish"];
    for f in ["--out", "--keep-valid", "--base", "--title", "--source", "--source-url"] {
        assert!(publish.contains(f), "./run data publish {f}: {publish:?}");
    }
    assert!(!commands.data["export"].contains("--keep-valid"), "export takes no --keep-valid");
    let bench = commands.script_flags("scripts/first-view-bench.mjs").unwrap();
    assert_eq!(bench, ["--data", "--dist", "--runs"].map(String::from).into());
    // Given to Lighthouse, not read as its own: not a flag of the script.
    assert!(!commands.script_flags("scripts/lighthouse-bench.mjs").unwrap().contains("--quiet"));
    let serve = commands.script_flags("scripts/serve-static.mjs").unwrap();
    assert_eq!(serve, ["--dir", "--port", "--prefix"].map(String::from).into());
    assert!(commands.npx.contains("playwright") && commands.npx.contains("lhci"));
}

#[test]
fn a_made_up_command_or_flag_is_reported() {
    let commands = ours();
    let made_up = [
        ("`./run data frobnicate`", "./run data has no subcommand frobnicate"),
        ("`./run deploy`", "./run has no subcommand deploy"),
        ("`./run bench --runs 3`", "./run bench takes no argument, not --runs"),
        ("```sh\n./run data check --no-such-flag ours.csv   # x\n```", "./run data check has no flag --no-such-flag"),
        // A line continued with `\` is one command.
        ("```sh\n./run data check ours.csv \\\n  --no-such-flag\n```", "./run data check has no flag --no-such-flag"),
        ("`./run data export x.json --keep-valid`", "./run data export has no flag --keep-valid"),
        ("`./run data publish x.csv --out d --frob`", "./run data publish has no flag --frob"),
        (
            "`node scripts/first-view-bench.mjs --no-such-flag`",
            "scripts/first-view-bench.mjs has no flag --no-such-flag",
        ),
        ("`node scripts/lighthouse-bench.mjs --quiet`", "scripts/lighthouse-bench.mjs has no flag --quiet"),
        ("`node scripts/no-such.mjs`", "there is no scripts/no-such.mjs"),
        ("`scripts/no-such.sh 60`", "there is no scripts/no-such.sh"),
        ("`npx no-such-tool run`", "no test tool (package-lock.json) has the bin no-such-tool"),
        ("`cargo test --test no_such`", "there is no tests/no_such.rs"),
        ("`cargo run --example\nno_such -- DIR`", "there is no examples/no_such.rs"),
        ("(`--no-such-flag`)", "`--no-such-flag`: no command of ours takes it"),
    ];
    for (markdown, expected) in made_up {
        let (seen, problems) = check(markdown, &commands);
        assert_eq!(seen, 1, "{markdown}");
        assert_eq!(problems.len(), 1, "{markdown}: {problems:?}");
        assert!(problems[0].contains(expected), "{markdown}: {} lacks {expected}", problems[0]);
    }
    let written_right = [
        "```sh\n./run data publish ours.csv --out site/ --title \"A title # not a comment\" --keep-valid\n```",
        "`./run data check --format json ours.csv`, `node scripts/tasks.mjs --lighthouse` and `--keep-valid`",
        "`npx ajv-cli@5 validate --spec=draft2020 -d x.json`, `npx playwright test`, `scripts/fuzz.sh 60`",
        "`UPDATE_SCHEMA=1 cargo test --test dataset`, ``cargo run --bin prerender -- --names``",
    ];
    for markdown in written_right {
        let (seen, problems) = check(markdown, &commands);
        assert!(seen >= 1 && problems.is_empty(), "{markdown}: {seen} seen, {problems:?}");
    }
}

/// GitHub's anchor of a heading: lower case, spaces to hyphens, other punctuation dropped.
fn anchor(heading: &str) -> String {
    let text = heading.trim_start_matches('#').trim().to_lowercase();
    let kept = text.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '));
    kept.map(|c| if c == ' ' { '-' } else { c }).collect()
}

/// The links of `markdown` that are not to another site: `](#anchor)` and `](path)`.
fn local_links(markdown: &str) -> Vec<String> {
    markdown
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|target| !target.contains("://"))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_link_in_the_readme_leads_somewhere() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for document in ["README.md", "docs/architecture.md"] {
        let markdown = read(root, document);
        let mut fenced = false;
        let headings: BTreeSet<String> = markdown
            .lines()
            .filter(|l| {
                fenced ^= l.starts_with("```");
                !fenced && l.starts_with('#')
            })
            .map(anchor)
            .collect();
        let links = local_links(&markdown);
        assert!(!links.is_empty(), "{document}: no local link found");
        let base = root.join(document).parent().unwrap().to_path_buf();
        for link in links {
            match link.split_once('#') {
                Some(("", name)) => {
                    assert!(headings.contains(name), "{document}: no heading for #{name}: {headings:?}")
                }
                _ => {
                    let path = link.split('#').next().unwrap_or_default();
                    assert!(base.join(path).exists(), "{document}: {path} does not exist");
                }
            }
        }
    }
}
