// Trunk's post-build step that cuts the pages that load later out of the main WebAssembly file
// (see src/pages/later.rs and Trunk.toml). It runs before scripts/finish-build.mjs, on the
// staging folder, so the service worker lists the chunks and the policy hashes the loader.
//
// Trunk builds the crate with the `split` feature and runs wasm-bindgen on the whole module,
// whose split points then import from a placeholder module that does not exist. This step
// starts again from cargo's .wasm (linked with `--emit-relocs`, see .cargo/config.toml):
//
// 1. `wasm-split-cli` (crate wasm_split_cli_support, installed by scripts/setup.sh) cuts it into
//    the main module, one chunk per later page, the chunks they share, and `__wasm_split.js`,
//    the loader that fetches a chunk when its page first opens;
// 2. wasm-bindgen makes the main module's JavaScript, as trunk would, keeping the exports the
//    chunks link to;
// 3. in a release build, wasm-opt -Oz shrinks the main module and every chunk (trunk's own
//    wasm-opt is off in index.html: it would shrink the whole module only to be replaced);
// 4. each chunk, the loader and the main module get the hash of their content in their name, as
//    trunk names its files, so that a browser or a cache never joins a file of one build to
//    another build;
// 5. the files replace trunk's, index.html follows (names and integrity hashes), and the loader
//    is preloaded beside the main module.
//
// Usage: node scripts/split-build.mjs   (trunk passes TRUNK_STAGING_DIR and TRUNK_PROFILE)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('split-build: run by trunk (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
// Where cargo put the .wasm trunk just built, wherever the target folder is configured to be.
const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root }));
const targetDir = metadata.target_directory;
const input = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'reachout.wasm');
// Only binaryen 132 is known to work (see scripts/setup.sh); Debian's older wasm-opt breaks the app.
const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
if (release) {
  const version = existsSync(wasmOpt) ? execFileSync(wasmOpt, ['--version']).toString() : 'none';
  if (!/version 132\b/.test(version)) throw new Error(`split-build: ${wasmOpt} is not binaryen 132 (${version.trim()}); run scripts/setup.sh`);
}
const hex = (data, length = 16) => createHash('sha256').update(data).digest('hex').slice(0, length);

// Trunk's names for the main module: reachout-<hash>.js and reachout-<hash>_bg.wasm.
const mainJs = readdirSync(staging).find((file) => /^reachout-[0-9a-f]+\.js$/.test(file));
if (!mainJs) throw new Error(`split-build: no reachout-<hash>.js in ${staging}`);
const stem = mainJs.slice(0, -'.js'.length);

// A folder of its own for each run, so that two builds at once cannot mix their files.
mkdirSync(targetDir, { recursive: true });
const work = mkdtempSync(join(targetDir, 'split-build-'));
const split = join(work, 'split');
const bound = join(work, 'bound');
mkdirSync(bound, { recursive: true });

run('wasm-split-cli', [input, split, '--out-name', stem]);
run('wasm-bindgen', [
  '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
  '--out-dir', bound, '--out-name', stem, join(split, `${stem}.wasm`),
]);
const chunks = readdirSync(split).filter((file) => file.endsWith('.wasm') && file !== `${stem}.wasm`);
if (chunks.length === 0) throw new Error('split-build: the module has no split points to cut');
const shrink = (file) => { if (release) run(wasmOpt, ['-Oz', file, '-o', file]); };
shrink(join(bound, `${stem}_bg.wasm`));

// The chunks under names that carry their hash, and the loader pointed at those names.
let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
for (const chunk of chunks) {
  const path = join(split, chunk);
  shrink(path);
  const hashed = `${chunk.slice(0, -'.wasm'.length)}-${hex(readFileSync(path))}.wasm`;
  renameSync(path, join(staging, hashed));
  const reference = `"./${chunk}"`;
  if (!loader.includes(reference)) throw new Error(`split-build: the loader does not name ${chunk}`);
  loader = loader.replaceAll(reference, `"./${hashed}"`);
}
// The main module's name: the hash of the whole build's content (the main module and the loader
// name each other, so neither can carry only its own).
let js = readFileSync(join(bound, `${stem}.js`), 'utf8');
const wasm = readFileSync(join(bound, `${stem}_bg.wasm`));
const named = `reachout-${hex(Buffer.concat([wasm, Buffer.from(js), Buffer.from(loader)]))}`;
const mainImport = `from "./${stem}.js"`;
if (!loader.includes(mainImport)) throw new Error('split-build: the loader does not import the main module');
loader = loader.replaceAll(mainImport, `from "./${named}.js"`);
const loaderName = `__wasm_split-${hex(loader)}.js`;
writeFileSync(join(staging, loaderName), loader);

// The main module's JavaScript imports the loader under its new name.
if (!js.includes('from "./__wasm_split.js"')) throw new Error('split-build: the main module does not import the loader');
js = js.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`).replaceAll(`${stem}_bg.wasm`, `${named}_bg.wasm`);
rmSync(join(staging, mainJs));
rmSync(join(staging, `${stem}_bg.wasm`));
writeFileSync(join(staging, `${named}.js`), js);
writeFileSync(join(staging, `${named}_bg.wasm`), wasm);

// index.html: the integrity of the replaced files, and the loader fetched beside them.
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
if (!html.includes(`${stem}.js`)) throw new Error(`split-build: index.html does not load ${mainJs}`);
html = html.replaceAll(stem, named);
const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;
const withIntegrity = (file, data) => {
  const tag = new RegExp(`(<link[^>]*href="[^"]*${file.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`);
  if (!tag.test(html)) throw new Error(`split-build: index.html does not preload ${file}`);
  html = html.replace(tag, `$1${sri(data)}$2`);
};
withIntegrity(`${named}.js`, js);
withIntegrity(`${named}_bg.wasm`, wasm);
const preload = html.match(new RegExp(`<link rel="modulepreload" href="([^"]*)${named}\\.js"[^>]*>`));
if (!preload) throw new Error(`split-build: index.html does not preload ${named}.js`);
const loaderPreload = `<link rel="modulepreload" href="${preload[1]}${loaderName}" crossorigin="anonymous" integrity="${sri(loader)}">`;
html = html.replace(preload[0], `${preload[0]}\n${loaderPreload}`);
writeFileSync(indexPath, html);
rmSync(work, { recursive: true, force: true });

const gzip = (file) => execFileSync('gzip', ['-9c', join(staging, file)]).length;
console.log(`split-build: main ${(gzip(`${named}_bg.wasm`) / 1024).toFixed(0)} KB gzip, ${chunks.length} chunks`);
