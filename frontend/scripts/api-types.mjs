// Generates frontend/src/lib/api/schema.d.ts from docs/openapi.yaml with
// openapi-typescript (types only, no runtime client). The spec is the one
// source of the wire types: the Go server's responses are validated against it
// (server/api/openapi_test.go) and the frontend's API modules take their types
// from this file, so svelte-check fails when either side drifts.
//
//   node frontend/scripts/api-types.mjs          write the file
//   node frontend/scripts/api-types.mjs --check  exit 1 when the committed file is stale
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const spec = path.join(root, 'docs/openapi.yaml');
const out = path.join(root, 'frontend/src/lib/api/schema.d.ts');
const header = `/**
 * Generated from docs/openapi.yaml by frontend/scripts/api-types.mjs
 * (npm run api:types). Do not edit: change the spec and regenerate.
 */

`;

const ast = await openapiTS(pathToFileURL(spec));
const generated = header + astToString(ast);

if (process.argv.includes('--check')) {
  const committed = await readFile(out, 'utf8').catch(() => '');
  if (committed !== generated) {
    console.error(
      'frontend/src/lib/api/schema.d.ts is stale: docs/openapi.yaml changed. Run `npm run api:types` and commit the result.',
    );
    process.exit(1);
  }
  console.log('frontend/src/lib/api/schema.d.ts matches docs/openapi.yaml');
} else {
  await writeFile(out, generated);
  console.log('wrote frontend/src/lib/api/schema.d.ts');
}
