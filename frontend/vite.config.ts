/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The config lives in frontend/ while npm runs from the repository root, so
// every path is resolved from this file, not from the working directory.
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The dev server forwards the API to a running Go server
// (`bin/server serve --port 8080`); override with HOITHI_API.
const apiTarget = process.env.HOITHI_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: here('.'),
  // One cache beside the root node_modules, not a second node_modules in frontend/.
  cacheDir: here('../node_modules/.vite'),
  plugins: [svelte()],
  build: {
    // Only dist/app is ours to empty: dist/.keep is tracked so `go build`
    // works on a fresh clone (see embed.go).
    outDir: here('dist/app'),
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 2048,
    reportCompressedSize: true,
    // Read by frontend/scripts/postbuild.mjs (service worker, preloads), then removed.
    manifest: true,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/readyz': apiTarget,
    },
  },
  test: {
    root: here('.'),
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
