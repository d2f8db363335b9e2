// A static server for a built Reachout that behaves like GitHub Pages: files from the build, and
// 404.html (the app itself, so deep links work) with status 404 for any other path. It listens on
// 127.0.0.1 only. `make serve` runs it; the end-to-end tests import it.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const DIST = resolve(import.meta.dirname, '../dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

/**
 * Serves a build on 127.0.0.1 at a free port, under `prefix` (as GitHub Pages serves a project
 * site under `/REPO/`). Defaults to dist/ at the root. With `gzip`, answers compressed when the
 * browser accepts it, as GitHub Pages does (the benchmark's throttled first visit needs it).
 * `cacheControl` is sent with every answer (GitHub Pages sends `max-age=600`), with an ETag that
 * a conditional request is answered 304 for, as Pages does. With `record`, `requests` lists
 * every request answered, in order, as "STATUS PATH".
 */
export async function startServer({
  dir = DIST, prefix = '/', port = 0, gzip = false, cacheControl = 'no-store', record = false,
} = {}) {
  const compressed = new Map();
  const requests = [];
  await stat(join(dir, 'index.html')).catch(() => {
    throw new Error(`${dir}/index.html is missing: build the app first (trunk build --release)`);
  });
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    const inside = path.startsWith(prefix) ? `/${path.slice(prefix.length)}` : null;
    const file = inside && normalize(join(dir, inside.endsWith('/') ? `${inside}index.html` : inside));
    let status = 200;
    let body;
    let type = TYPES[extname(file ?? '')] ?? 'application/octet-stream';
    try {
      if (!file || !file.startsWith(dir)) throw new Error('outside the site');
      body = await readFile(file);
    } catch {
      status = 404;
      type = TYPES['.html'];
      body = await readFile(join(dir, '404.html'));
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (status === 200 && req.headers['if-none-match'] === etag) {
      if (record) requests.push(`304 ${path}`);
      res.writeHead(304, { etag, 'cache-control': cacheControl }).end();
      return;
    }
    if (record) requests.push(`${status} ${path}`);
    const headers = { 'content-type': type, 'cache-control': cacheControl, etag };
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${status}:${file}`;
      if (!compressed.has(key)) compressed.set(key, gzipSync(body, { level: 9 }));
      body = compressed.get(key);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, requests, close: () => new Promise((ok) => server.close(ok)) };
}

// Run directly: node scripts/static-server.mjs PORT
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const port = Number(process.argv[2] ?? 8080);
  startServer({ port })
    .then(({ url }) => console.log(`Reachout is served at ${url}/ (Ctrl+C stops)`))
    .catch((error) => {
      console.error(`Could not serve on 127.0.0.1:${port}: ${error.message}`);
      process.exit(1);
    });
}
