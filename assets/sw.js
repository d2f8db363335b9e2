// Reachout's service worker: keeps the built app in the browser's cache so that it opens
// without a network, and fetches a new version in the background when one is published.
//
// - It serves only files of this site (same origin, inside its scope) that the build listed below;
//   requests to anywhere else are left to the browser, and nothing is cached at run time.
// - A page visit (any route) gets the app's index.html: the app draws the route itself.
// - It never touches localStorage (service workers cannot) nor any data: only the app's files.
// - A new build has a new VERSION, so the browser sees a changed sw.js on the next visit,
//   installs it beside the old one and activates it at once; the page then says "Updated: reload".
//
// scripts/finish-build.mjs fills in VERSION and FILES after each build; as written here the
// worker caches nothing and serves nothing from its cache.

const VERSION = 'unbuilt';
const FILES = [];

const CACHE = `reachout-${VERSION}`;
const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  const urls = FILES.map((file) => new URL(file, self.registration.scope).href);
  // `reload` skips the HTTP cache, so the new version's files come from the site itself.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(urls.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // Only this site's caches, by name; anything another app on the origin keeps is left alone.
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith('reachout-') && name !== CACHE)
          .map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || FILES.length === 0) return;
  if (!request.url.startsWith(self.registration.scope)) return;
  const wanted = request.mode === 'navigate' ? INDEX : request.url;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(wanted, { ignoreSearch: true }))
      .then((cached) => cached || fetch(request)),
  );
});
