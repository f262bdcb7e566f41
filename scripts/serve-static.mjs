// A minimal static file server for the built site, for tests and local previews.
// Serves DIR at /PREFIX/ (default dist/ at /explorer/) so every test proves the
// build works under a sub-path. No dependencies; loopback only.
//
//   node scripts/serve-static.mjs [--dir dist] [--prefix /explorer/] [--port 4180]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.dir ?? 'dist');
const prefix = args.prefix ?? '/explorer/';
const port = Number(args.port ?? 4180);

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

createServer(async (req, res) => {
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
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}`));
