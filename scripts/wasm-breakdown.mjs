// What the explorer's wasm holds, by crate and by function, from twiggy
// (`./run setup` installs it, pinned), so that a change that adds 10 KB says
// where. The wasm in dist/ has lost its names to wasm-opt: this reads the one
// wasm-bindgen wrote just before (the same code, named; wasm-opt then shrinks
// all of it a little), leaving out the names themselves and the other custom
// sections, which are not shipped.
//
// A generic function counts for the crate that defines it: a Leptos view's
// code mostly shows under tachys (its renderer) and core (closures); ours is
// partnership_explorer. Rust's own library (core, alloc, std) is one line.
// Sizes are raw bytes (not compressed). Each run keeps its figures in
// target/wasm-breakdown/; the next run of the same file shows the change
// since, by crate and for the functions that changed most.
//
//   node scripts/wasm-breakdown.mjs [--wasm FILE] [--crates 12] [--functions 15]
//
// Default: the explorer's (target/wasm-bindgen/release/partnership-explorer_bg.wasm,
// after a release build); the list page's and the check page's are beside it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const TWIGGY_VERSION = '0.8.0';
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const wasm = option('--wasm', 'target/wasm-bindgen/release/partnership-explorer_bg.wasm');
const crateRows = Number(option('--crates', 12));
const functionRows = Number(option('--functions', 15));
const KEPT = 'target/wasm-breakdown';

/** The crate an item's (demangled) name belongs to, or what kind of item it is. */
export function crateOf(name) {
  if (/^(data segment|elem\[|table\[|memory\[|global\[|type\[|import |export )/.test(name)) {
    return name.startsWith('data segment') ? '(data: strings, tables)' : '(wasm: imports, exports, tables)';
  }
  const path = name.replace(/\[[0-9a-f]+\]/g, '');
  if (!path.includes('::')) {
    // No path: wasm-bindgen's own exports and shims, or the compiler's helpers.
    return /^(__wbindgen|__wbg|__externref|intounderlying|Closure\(|wasm_bindgen)|externref shim$/.test(path)
      ? 'wasm_bindgen'
      : /^(mem(cmp|cpy|move|set)|__mul|__div|__udiv|__ashl|__lshr|__rust_)/.test(path)
        ? 'compiler_builtins'
        : path === 'main'
          ? 'main'
          : '(other)';
  }
  let crate = path.split('::')[0];
  if (path.startsWith('<')) {
    // `<Type as Trait>::f` or `<Type>::f`: the type's crate; a generic or
    // primitive type's (`<F as tachys::…>`, `<str>`) is the trait's, or core's.
    const inner = path.slice(1);
    let depth = 0;
    let end = inner.length;
    for (let i = 0; i < inner.length; i++) {
      const c = inner[i];
      if (c === '<') depth++;
      else if (c === '>') {
        if (depth === 0) { end = i; break; }
        depth--;
      }
    }
    const [type, trait] = inner.slice(0, end).split(/ as (?![^<]*>)/);
    const typePath = type.replace(/^(&mut |&|\*const |\*mut |dyn |\[|\()+/, '');
    crate = typePath.includes('::') ? typePath.split('::')[0] : (trait?.split('::')[0] ?? 'core');
    if (!/^[a-z_][a-z0-9_]*$/.test(crate)) crate = 'core';
  }
  return ['core', 'alloc', 'std'].includes(crate) ? 'core, alloc, std' : crate;
}

/** A function's name without the hash that tells its copies apart (`::h…`, `.123`). */
const bare = (name) => name.replace(/\[[0-9a-f]+\]/g, '').replace(/(::h[0-9a-f]{16})?(\.\d+)?$/, '');

function twiggy(file) {
  let version = '';
  try {
    version = execFileSync('twiggy', ['--version'], { encoding: 'utf8' });
  } catch {
    // Reported below.
  }
  if (!version.includes(` ${TWIGGY_VERSION}`)) {
    console.error(`wasm-breakdown: twiggy ${TWIGGY_VERSION} is missing (./run setup installs it)`);
    process.exit(2);
  }
  const json = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'json', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // Names and other custom sections are not shipped (wasm-opt drops them).
  return JSON.parse(json).filter((item) => !/subsection$|^custom section /.test(item.name));
}

function main() {
  if (!existsSync(wasm)) {
    console.error(`wasm-breakdown: no ${wasm} (run a release build first: trunk build --release)`);
    process.exit(2);
  }
  const items = twiggy(wasm);
  const total = items.reduce((sum, item) => sum + item.shallow_size, 0);
  const crates = new Map();
  const functions = new Map();
  for (const { name, shallow_size: size } of items) {
    const crate = crateOf(name);
    crates.set(crate, (crates.get(crate) ?? 0) + size);
    if (!crate.startsWith('(')) functions.set(bare(name), (functions.get(bare(name)) ?? 0) + size);
  }
  const keptFile = join(KEPT, `${basename(wasm, '.wasm')}.json`);
  const before = existsSync(keptFile) ? JSON.parse(readFileSync(keptFile, 'utf8')) : null;
  mkdirSync(KEPT, { recursive: true });
  writeFileSync(keptFile, JSON.stringify({ total, crates: Object.fromEntries(crates), functions: Object.fromEntries(functions) }));

  const kb = (n) => (n / 1024).toFixed(1).padStart(7);
  const change = (now, was) => {
    if (!before) return '';
    const delta = now - (was ?? 0);
    return Math.abs(delta) < 52 ? '        =' : `${delta > 0 ? '+' : '-'}${(Math.abs(delta) / 1024).toFixed(1)}`.padStart(9);
  };
  const built = statSync(wasm).mtime.toISOString().slice(0, 16).replace('T', ' ');
  console.log(`What ${wasm} holds (built ${built} UTC; twiggy ${TWIGGY_VERSION}; before wasm-opt, names left out),`);
  console.log(`KB = 1024 bytes, raw${before ? '; change since the last report of this file' : ''}`);
  const sorted = [...crates].sort((a, b) => b[1] - a[1]);
  const header = `${'by crate'.padEnd(60)} ${'KB'.padStart(7)} ${'%'.padStart(5)}${before ? '   change' : ''}`;
  console.log(header);
  const percent = (n) => ((100 * n) / total).toFixed(1).padStart(5);
  for (const [crate, size] of sorted.slice(0, crateRows)) {
    console.log(`  ${crate.padEnd(58)} ${kb(size)} ${percent(size)}${change(size, before?.crates[crate])}`);
  }
  const rest = sorted.slice(crateRows);
  const restSize = rest.reduce((sum, [, size]) => sum + size, 0);
  const restBefore = before
    ? Object.entries(before.crates).filter(([c]) => !sorted.slice(0, crateRows).some(([k]) => k === c))
    : [];
  console.log(
    `  ${`${rest.length} other crates`.padEnd(58)} ${kb(restSize)} ${percent(restSize)}${change(restSize, restBefore.reduce((s, [, n]) => s + n, 0))}`,
  );
  console.log(`  ${'total'.padEnd(58)} ${kb(total)} ${percent(total)}${change(total, before?.total)}`);
  console.log(`${`by function (the ${functionRows} largest; copies of a generic one added up)`.padEnd(60)} ${'KB'.padStart(7)}`);
  const width = 96;
  const short = (name) => (name.length > width ? `${name.slice(0, width - 1)}…` : name);
  for (const [name, size] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, functionRows)) {
    console.log(`  ${kb(size)}  ${short(name)}`);
  }
  if (before) {
    const names = new Set([...functions.keys(), ...Object.keys(before.functions)]);
    const moved = [...names]
      .map((name) => [name, (functions.get(name) ?? 0) - (before.functions[name] ?? 0)])
      .filter(([, delta]) => Math.abs(delta) >= 256)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
      .slice(0, 8);
    if (moved.length > 0) {
      console.log('changed most since the last report (KB)');
      for (const [name, delta] of moved) {
        console.log(`  ${`${delta > 0 ? '+' : '-'}${(Math.abs(delta) / 1024).toFixed(1)}`.padStart(7)}  ${short(name)}`);
      }
    }
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) main();
