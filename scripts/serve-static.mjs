// A minimal static file server for the built site, for tests and local previews.
// Serves DIR at /PREFIX/ (default dist/ at /explorer/) so every test proves the
// build works under a sub-path, and sends the headers that DIR/_headers asks
// for (the Netlify / Cloudflare Pages format), so the tests run under the real
// Content-Security-Policy. Text and wasm go out gzip-compressed when the
// browser accepts it, as static hosts send them (GitHub Pages gzips; Chromium
// asks for brotli only over HTTPS), so tests and benchmarks see the bytes a
// visitor waits for. No dependencies; loopback only.
//
//   node scripts/serve-static.mjs [--dir dist] [--prefix /explorer/] [--port 4180]
//
// Also importable: `serveStatic({ dir, prefix, port })` resolves to the server.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** What static hosts compress: text of every kind, and wasm. */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|manifest\+json)|image\/svg\+xml)/;

/** `_headers` as [pattern, {name: value}] rules; patterns are exact or end in `*`. */
export function readHeaderRules(dir) {
  let text;
  try {
    text = readFileSync(join(dir, '_headers'), 'utf8');
  } catch {
    return [];
  }
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push([line.trim(), {}]);
    else if (rules.length) {
      const at = line.indexOf(':');
      rules[rules.length - 1][1][line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

function headersFor(rules, sitePath) {
  const headers = {};
  for (const [pattern, values] of rules) {
    const hit = pattern.endsWith('*') ? sitePath.startsWith(pattern.slice(0, -1)) : sitePath === pattern;
    if (hit) Object.assign(headers, values);
  }
  return headers;
}

export function serveStatic({ dir = 'dist', prefix = '/explorer/', port = 4180 } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // A redirect loop, for the tests of broken networks.
    if (path.startsWith('/redirect-loop/')) {
      res.writeHead(302, { Location: path }).end();
      return;
    }
    if (path === prefix.replace(/\/$/, '')) {
      res.writeHead(301, { Location: prefix }).end();
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      // Re-read per request: a test may swap the build in place.
      const headers = headersFor(readHeaderRules(root), `/${path.slice(prefix.length)}`);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
        ...headers,
      });
      res.end(gzip ? gzipSync(body) : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
  );
  const options = { dir: args.dir ?? 'dist', prefix: args.prefix ?? '/explorer/', port: Number(args.port ?? 4180) };
  serveStatic(options).then(() => console.log(`Serving ${resolve(options.dir)} at http://127.0.0.1:${options.port}${options.prefix}`));
}
