// Runs after `vite build` (npm run build): from Vite's manifest it writes
//   - preload.json: the chunks of the attempt page beyond the entry, which
//     the server names in the HTML of a shared round link (server/api/frontend.go);
//   - sw.js: the service worker (frontend/sw/sw.js) with the files to keep on
//     the phone: the app shell and the attempt page;
// then compresses every text file at the best levels, once, into name.br and
// name.gz beside it; the server sends the copy the phone accepts.
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The attempt page's source, as Vite's manifest names it. */
const ATTEMPT_PAGE = 'src/pages/quiz/AttemptPage.svelte';
/** Smaller files gain nothing worth a second request header's worth of bytes. */
const MIN_COMPRESS_BYTES = 512;
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * closure lists the files a manifest entry needs up front: its JS, its CSS
 * and those of everything it imports statically (not its dynamic imports).
 */
export function closure(manifest, key, seen = new Set()) {
  const entry = manifest[key];
  if (!entry || seen.has(key)) return [];
  seen.add(key);
  return [entry.file, ...(entry.css ?? []), ...(entry.imports ?? []).flatMap((k) => closure(manifest, k, seen))];
}

/** plan returns the preload list of the attempt page and the files to precache. */
export function plan(manifest) {
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('postbuild: no entry in the Vite manifest');
  if (!manifest[ATTEMPT_PAGE]) throw new Error(`postbuild: ${ATTEMPT_PAGE} is not a chunk of its own any more`);
  const shell = closure(manifest, entryKey);
  const attempt = closure(manifest, ATTEMPT_PAGE).filter((f) => !shell.includes(f));
  return {
    preload: { attempt },
    precache: ['/index.html', ...[...new Set([...shell, ...attempt])].map((f) => `/${f}`)],
  };
}

/** serviceWorker fills the worker's template; the build tag changes with any kept file. */
export function serviceWorker(template, precache, contents) {
  const hash = createHash('sha256');
  for (const c of contents) hash.update(c);
  const build = hash.digest('hex').slice(0, 12);
  return template.replace("'__BUILD__'", JSON.stringify(build)).replace('__PRECACHE__', JSON.stringify(precache));
}

/** writeServiceWorker writes sw.js for the app in appDir, keeping the given files. */
export async function writeServiceWorker(appDir, precache) {
  const template = await readFile(fileURLToPath(new URL('../sw/sw.js', import.meta.url)), 'utf8');
  const contents = await Promise.all(precache.map((f) => readFile(path.join(appDir, f))));
  await writeFile(path.join(appDir, 'sw.js'), serviceWorker(template, precache, contents));
}

async function filesUnder(dir) {
  const out = [];
  for (const name of await readdir(dir)) {
    const p = path.join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

/** precompress writes name.br and name.gz for every text file worth it. */
export async function precompress(appDir) {
  let raw = 0;
  let br = 0;
  for (const file of await filesUnder(appDir)) {
    // index.html is sent by the server with tags added per page, not as a file.
    if (!COMPRESSIBLE.test(file) || path.basename(file) === 'index.html') continue;
    const data = await readFile(file);
    if (data.length < MIN_COMPRESS_BYTES) continue;
    const b = brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    const g = gzipSync(data, { level: 9 });
    if (b.length < data.length) await writeFile(file + '.br', b);
    if (g.length < data.length) await writeFile(file + '.gz', g);
    raw += data.length;
    br += Math.min(b.length, data.length);
  }
  return { raw, br };
}

async function main() {
  const appDir = fileURLToPath(new URL('../dist/app/', import.meta.url));
  const manifestFile = path.join(appDir, '.vite', 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  const { preload, precache } = plan(manifest);
  // The manifest is for this script only; the server must not serve it.
  await rm(path.join(appDir, '.vite'), { recursive: true, force: true });
  await writeFile(path.join(appDir, 'preload.json'), JSON.stringify(preload));
  await writeServiceWorker(appDir, precache);
  const { raw, br } = await precompress(appDir);
  console.log(
    `postbuild: sw.js keeps ${precache.length} files; attempt page preloads ${preload.attempt.length}; ` +
      `text files ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
