// Reports the gzipped size of every built chunk and fails when the JS a
// citizen's phone loads up front (the entry and what index.html preloads)
// exceeds the budget in DESIGN.md §7. Lazy chunks (organizer pages) are
// listed but not counted. Run after `npm run build`: `npm run size`.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 60;
const app = fileURLToPath(new URL('../dist/app/', import.meta.url));

const html = await readFile(path.join(app, 'index.html'), 'utf8');
const upFront = new Set(
  [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]),
);

const kb = (n) => (n / 1024).toFixed(2).padStart(7);
let citizen = 0;
const rows = [];
for (const name of (await readdir(path.join(app, 'assets'))).sort()) {
  const data = await readFile(path.join(app, 'assets', name));
  const gz = gzipSync(data, { level: 9 }).length;
  const file = `assets/${name}`;
  const initial = upFront.has(file);
  if (initial && name.endsWith('.js')) citizen += gz;
  rows.push(`${kb(data.length)} KB ${kb(gz)} KB gz  ${initial ? 'initial' : 'lazy   '}  ${file}`);
}
console.log('    raw         gzipped   load     file');
console.log(rows.join('\n'));
console.log(`citizen JS loaded up front: ${kb(citizen).trim()} KB gzipped (budget ${BUDGET_KB} KB)`);
if (citizen > BUDGET_KB * 1024) {
  console.error('over budget: move code behind a dynamic import() or drop a dependency');
  process.exit(1);
}
