// A small static server for dist/. Any static host works; this one sends what the embeds need:
// the right MIME type for .wasm, `Access-Control-Allow-Origin: *` (a module script inside
// <iframe sandbox="allow-scripts"> has origin `null` and loads only with it), and, with --csp, the
// strict Content-Security-Policy the site is built to pass.
// Usage: node scripts/serve.mjs [--port 8080] [--dir dist] [--csp] [--quiet]   (or PORT=8080)
// Scripts serve in-process with createStaticServer (see scripts/browser.mjs).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.md': 'text/markdown; charset=utf-8', '.ts': 'text/plain; charset=utf-8',
};

/** An http.Server (not yet listening) for the files under `dir`, with the strict CSP on HTML if `csp`. */
export function createStaticServer({ dir, csp = false }) {
  const root = resolve(dir);
  return createServer(async (req, res) => {
    const headers = { 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[extname(file)] || 'application/octet-stream';
      if (csp && type.startsWith('text/html')) headers['Content-Security-Policy'] = STRICT_CSP;
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const code = err.code === 'ENOENT' || err.code === 'ENOTDIR' ? 404 : 500;
      res.writeHead(code, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(code === 404 ? 'Not found\n' : 'Server error\n');
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const port = Number(opt('--port') ?? process.env.PORT ?? 8080);
  const dir = opt('--dir') ?? join(fileURLToPath(import.meta.url), '..', '..', 'dist');
  const csp = args.includes('--csp');
  const quiet = args.includes('--quiet');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: port ${opt('--port') ?? process.env.PORT} is not a port number: use 1–65535.`);
    process.exit(2);
  }
  // Loopback only (IPv4, and IPv6 where the machine has it), so "localhost" works whichever address a
  // client resolves it to, and nothing is exposed to the network.
  const server = createStaticServer({ dir, csp });
  server.on('error', (err) => {
    if (err.code === 'EADDRINUSE') console.error(`serve: port ${port} is in use. Choose another: PORT=8081 npm start`);
    else console.error(`serve: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const { port: actual } = server.address();
    const v6 = createStaticServer({ dir, csp });
    v6.on('error', () => {}); // no IPv6 loopback here: IPv4 is enough
    v6.listen(actual, '::1');
    if (!quiet) console.log(`async-playground is served at http://localhost:${actual}/  (Ctrl+C to stop)`);
    else console.log(`listening on ${actual}`);
  });
}
