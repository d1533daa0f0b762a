// A tiny static file server for the end-to-end tests (node:http, no dependencies).
//
//   const { url, close } = await serve('dist');   // url: 'http://127.0.0.1:PORT'
//
// It listens on 127.0.0.1 on a free port the OS picks, serves GET and HEAD for files
// inside `dir` (a path ending in `/` serves that folder's index.html), answers with the
// MIME type of the file's extension, and 404s anything else: unknown extensions, missing
// files, folders, and paths that would escape `dir`. Responses are never cached so a
// rebuilt dist is always what the browser sees. HTML pages carry the headers a host must
// send (README.md, "Hosting"): no page of ours may be framed (`frame-ancestors 'none'`,
// which a <meta> Content-Security-Policy cannot carry, and X-Frame-Options for older
// browsers).
//
// Run directly (`node serve.mjs [dir]`) it serves `dir` (default ../dist) until Ctrl-C.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types by file extension; anything not listed is a 404. */
export const MIME = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
});

/** Headers every HTML page is served with: what a host must add to the page's own CSP. */
export const PAGE_HEADERS = Object.freeze({
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
});

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('not found\n');
}

/**
 * Serves `dir` on 127.0.0.1.
 * @param {string} dir the folder to serve
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function serve(dir) {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info || !info.isDirectory()) {
    throw new Error(`serve: ${root} is not a directory`);
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' });
        res.end();
        return;
      }
      let path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(root, '.' + path);
      if (file !== root && !file.startsWith(root + sep)) return notFound(res);
      const type = MIME[extname(file).toLowerCase()];
      if (!type) return notFound(res);
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) return notFound(res);
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': type,
        'content-length': body.length,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...(type.startsWith('text/html') ? PAGE_HEADERS : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      // A malformed URL (bad percent-encoding) or a read error: nothing to serve.
      if (!res.headersSent) notFound(res);
      else res.destroy();
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  const { url } = await serve(dir);
  console.log(`serving ${resolve(dir)} at ${url}/`);
}
