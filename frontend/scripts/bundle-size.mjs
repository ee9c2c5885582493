// Reports the gzipped size of every built chunk and fails when the JS a
// citizen's phone loads exceeds its budget (docs/architecture.md, "The
// frontend inside the binary"): the JS loaded up front (the entry and what index.html preloads), and for each citizen route
// whose page is a lazy chunk (the quiz attempt page), that plus the page's
// chunk and every chunk it imports statically. Other lazy chunks (organizer
// pages) are listed but not counted. Run after `npm run build`: `npm run size`.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 60;
/** Citizen routes served by a lazy chunk: label → the chunk's file name prefix. */
const CITIZEN_ROUTES = {
  'quiz attempt /c/:slug/r/:roundId': 'AttemptPage-',
};
const app = fileURLToPath(new URL('../dist/app/', import.meta.url));

const html = await readFile(path.join(app, 'index.html'), 'utf8');
const upFront = new Set(
  [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]),
);

const kb = (n) => (n / 1024).toFixed(2).padStart(7);
const chunks = new Map(); // file → { gz, imports }
const rows = [];
// name.br and name.gz are the build's compressed copies (postbuild.mjs), not chunks.
for (const name of (await readdir(path.join(app, 'assets'))).filter((n) => !/\.(br|gz)$/.test(n)).sort()) {
  const data = await readFile(path.join(app, 'assets', name));
  const gz = gzipSync(data, { level: 9 }).length;
  const file = `assets/${name}`;
  // Static imports only (`from"./x.js"`, `import"./x.js"`); dynamic ones are
  // `import(` and load later, on demand.
  const imports = name.endsWith('.js')
    ? [...data.toString('utf8').matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => `assets/${m[1]}`)
    : [];
  chunks.set(file, { gz, imports });
  rows.push(`${kb(data.length)} KB ${kb(gz)} KB gz  ${upFront.has(file) ? 'initial' : 'lazy   '}  ${file}`);
}
console.log('    raw         gzipped   load     file');
console.log(rows.join('\n'));

/** jsClosure returns the JS files in roots and everything they import statically. */
function jsClosure(roots) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !file.endsWith('.js') || !chunks.has(file)) return;
    seen.add(file);
    for (const dep of chunks.get(file).imports) visit(dep);
  };
  roots.forEach(visit);
  return seen;
}
const gzOf = (files) => [...files].reduce((sum, f) => sum + chunks.get(f).gz, 0);

let over = false;
const initial = jsClosure([...upFront]);
const initialGz = gzOf(initial);
console.log(`\ncitizen JS loaded up front: ${kb(initialGz).trim()} KB gzipped (budget ${BUDGET_KB} KB)`);
over ||= initialGz > BUDGET_KB * 1024;

for (const [label, prefix] of Object.entries(CITIZEN_ROUTES)) {
  const page = [...chunks.keys()].find((f) => f.startsWith(`assets/${prefix}`) && f.endsWith('.js'));
  if (!page) {
    console.error(`${label}: no chunk named ${prefix}*.js; was the page made eager or renamed?`);
    process.exit(1);
  }
  const files = jsClosure([...upFront, page]);
  const extra = [...files].filter((f) => !initial.has(f));
  const total = gzOf(files);
  console.log(
    `${label}: ${kb(total).trim()} KB gzipped in all (budget ${BUDGET_KB} KB) = up front + ${extra
      .map((f) => `${path.basename(f)} ${kb(chunks.get(f).gz).trim()} KB`)
      .join(' + ')}`,
  );
  over ||= total > BUDGET_KB * 1024;
}

if (over) {
  console.error('over budget: move code behind a dynamic import() or drop a dependency');
  process.exit(1);
}
