// Trunk's post-build step (see Trunk.toml), run on the staging folder before it becomes dist/:
//
// 1. Locks the page down with a Content-Security-Policy in a <meta> tag (GitHub Pages cannot send
//    headers). Trunk's loader is an inline module script, so its SHA-256 is computed here, after the
//    build wrote it, and allowed by hash; nothing else inline may run.
// 2. Writes 404.html, a copy of index.html: GitHub Pages answers unknown paths with it, so a deep
//    link opens the app, which then draws the route.
// 3. Fills in the service worker's list of files to keep offline (every file of the build) and
//    its version (a hash of them all), so a new build is a changed sw.js; the same version goes
//    into index.html as <meta name="reachout-version">.
//
// Usage: node scripts/finish-build.mjs DIR   (trunk passes $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/finish-build.mjs DIR');

const sha256 = (data) => createHash('sha256').update(data);

/** The policy, with the hashes of the inline scripts that may run. */
function policy(scriptHashes) {
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`,
    "connect-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error('finish-build: no inline loader script found in index.html');
const hashes = inline.map((code) => sha256(code).digest('base64'));
// The tag must come before any script for the browser to apply it to them.
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}" />`;
if (!/<meta charset="utf-8" \/>/.test(html)) throw new Error('finish-build: <meta charset> not found');
html = html.replace(/<meta charset="utf-8" \/>/, (charset) => `${charset}\n    ${meta}`);
await writeFile(indexPath, html);

async function filesUnder(folder) {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  }));
  return nested.flat();
}
const files = (await filesUnder(dir))
  .map((path) => relative(dir, path).split(sep).join('/'))
  .filter((file) => file !== 'sw.js' && file !== '404.html')
  .sort();
const swPath = join(dir, 'sw.js');
// The worker's own code counts too: a build that changes only sw.js is a new version.
const hash = sha256(await readFile(swPath));
for (const file of files) hash.update(file).update(await readFile(join(dir, file)));
const version = hash.digest('hex').slice(0, 16);
// The page says which build it is: the app compares it with the version the service worker
// keeps, to say "Updated: Reload"; the worker checks it before keeping an index.html.
html = html.replace('<title>', `<meta name="reachout-version" content="${version}" />\n    <title>`);
if (!html.includes(version)) throw new Error('finish-build: <title> not found');
await writeFile(indexPath, html);
await writeFile(join(dir, '404.html'), html);
const worker = (await readFile(swPath, 'utf8'))
  .replace("const VERSION = 'unbuilt';", `const VERSION = '${version}';`)
  .replace('const FILES = [];', `const FILES = ${JSON.stringify(files, null, 2)};`);
if (worker.includes("'unbuilt'") || worker.includes('FILES = [];')) {
  throw new Error('finish-build: sw.js placeholders not found');
}
await writeFile(swPath, worker);
console.log(`finish-build: CSP with ${hashes.length} script hash(es), 404.html, sw.js with ${files.length} files`);
