// Checks a finished build (run by `make test` on dist/ and on the GitHub Pages build): index.html
// and 404.html carry the Content-Security-Policy before any script, with exactly the hashes of
// their inline scripts, and the manifest link; the
// service worker lists the build's files; every icon the manifest names is there.
// Usage: node scripts/check-build.mjs DIR [DIR ...]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const problems = [];
for (const dir of process.argv.slice(2)) {
  for (const page of ['index.html', '404.html']) {
    const html = readFileSync(join(dir, page), 'utf8');
    const csp = html.search(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    const script = html.search(/<script\b/);
    if (csp < 0) problems.push(`${dir}/${page}: no Content-Security-Policy <meta>`);
    // Each inline script must be allowed by its own hash, and the policy allow nothing else.
    const allowed = [...html.matchAll(/'sha256-([A-Za-z0-9+/=]+)'/g)].map((m) => m[1]).sort();
    const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => createHash('sha256').update(m[1]).digest('base64')).sort();
    if (JSON.stringify(allowed) !== JSON.stringify(inline)) {
      problems.push(`${dir}/${page}: the policy allows ${allowed.join(', ')} but the inline scripts hash to ${inline.join(', ')}`);
    }
    else if (script >= 0 && script < csp) problems.push(`${dir}/${page}: a script comes before the policy`);
    if (!/<link rel="manifest" href="manifest\.webmanifest"/.test(html)) problems.push(`${dir}/${page}: no manifest link`);
  }
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  const files = JSON.parse(worker.match(/const FILES = (\[[\s\S]*?\]);/)?.[1] ?? '[]');
  const version = worker.match(/const VERSION = '([0-9a-f]{16})';/)?.[1];
  if (!version) problems.push(`${dir}/sw.js: no version filled in`);
  for (const page of ['index.html', '404.html']) {
    if (!readFileSync(join(dir, page), 'utf8').includes(`<meta name="reachout-version" content="${version}"`)) {
      problems.push(`${dir}/${page}: not marked with the service worker's version`);
    }
  }
  for (const wanted of ['index.html', 'manifest.webmanifest']) {
    if (!files.includes(wanted)) problems.push(`${dir}/sw.js: ${wanted} not kept offline`);
  }
  if (!files.some((file) => file.endsWith('.wasm'))) problems.push(`${dir}/sw.js: the .wasm not kept offline`);
  for (const file of files) if (!existsSync(join(dir, file))) problems.push(`${dir}/sw.js lists ${file}, which is missing`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.webmanifest'), 'utf8'));
  for (const icon of manifest.icons) {
    if (!existsSync(join(dir, icon.src))) problems.push(`${dir}: the manifest's icon ${icon.src} is missing`);
  }
}
if (problems.length) {
  console.error(`The build is not ready to ship:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Checked ${process.argv.slice(2).join(', ')}: policy, manifest, service worker and icons in place.`);
