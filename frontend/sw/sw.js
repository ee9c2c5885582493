// The service worker: the app opens and an attempt in progress shows again
// with no connection. frontend/scripts/postbuild.mjs writes it into the build
// with the list below filled in; a new build is a new list, hence a new
// worker, which the browser installs on the next visit.
//
// - The app shell (index.html, the entry's JS and CSS) and the attempt page's
//   chunks are fetched at install; the old build's copies go at activation.
// - Pages: the network first, so an online phone always gets the newest
//   build; the kept index.html only when the network fails.
// - /assets/: their names carry a hash of their content, so a kept copy is
//   always right; a chunk not kept yet is fetched and kept.
// - Everything else, the API above all, is never kept: answers with personal
//   data stay between the phone and the server (the attempt keeps its own
//   copy in localStorage, see frontend/src/lib/quiz/paperKeep.ts).
const BUILD = '__BUILD__';
const PRECACHE = __PRECACHE__;
const CACHE = `hoithi-${BUILD}`;
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      // A waiting worker would keep the old build until every tab closes,
      // which on a phone can be days.
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('hoithi-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // This build's own shell: a global caches.match could answer from another build's copies.
    event.respondWith(
      fetch(req).catch(() =>
        caches
          .open(CACHE)
          .then((cache) => cache.match(SHELL, { ignoreVary: true }))
          .then((res) => res ?? Response.error()),
      ),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(req, { ignoreVary: true }).then(
          (kept) =>
            kept ??
            fetch(req).then((res) => {
              if (res.ok) void cache.put(req, res.clone());
              return res;
            }),
        ),
      ),
    );
  }
  // Anything else (the API, /healthz) goes to the network untouched.
});
