// Reachout's service worker: keeps the built app in the browser's cache so that it opens
// without a network, and fetches a new version in the background when one is published.
//
// - It answers only visits to the app's own pages and requests for the files the build listed
//   below, inside its scope; every other request (another site on the same origin, another
//   origin) is left to the browser, and nothing is cached at run time.
// - It never touches localStorage (service workers cannot) nor any data: only the app's files.
// - A new build has a new VERSION, so the browser sees a changed sw.js on the next visit,
//   installs it beside the old one and activates it at once; the page, whose own version is in
//   its <meta name="reachout-version">, then says "Updated: Reload".
//
// scripts/finish-build.mjs fills in VERSION and FILES after each build; as written here the
// worker caches nothing and serves nothing from its cache.

const VERSION = 'unbuilt';
const FILES = [];

const SCOPE = self.registration.scope;
// Copies of Reachout under other paths of the same origin keep caches of their own.
const PREFIX = `reachout ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const PREVIOUS = `${PREFIX}previous`;
const INDEX = new URL('index.html', SCOPE).href;
// Trunk's names for built files: NAME-<hex digits of the content's hash>.EXT
const HASHED = /-[0-9a-f]{12,}(_bg)?\.[a-z]+$/;
// The app's routes (see src/app.rs): a visit to any of them gets the app, which draws it.
const ROUTES = /^(index\.html|contacts(\/.*)?|insights|data|import|settings|templates|report)?$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(FILES.map(async (file) => {
      const url = new URL(file, SCOPE).href;
      // A file whose name carries a hash is asked for with `no-cache`: the copy the page has
      // just loaded is reused when the site confirms it is current (304), so a first visit
      // downloads the app once, yet a file rebuilt under the same name is fetched anew. Any
      // other file (index.html, the manifest, icons) is asked for with the version in the
      // query, past any cache between here and the site (GitHub's CDN may still hold the last
      // index.html), and with `reload`, past the browser's own.
      const response = HASHED.test(file)
        ? await fetch(url, { cache: 'no-cache' })
        : await fetch(`${url}?v=${VERSION}`, { cache: 'reload' });
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      if (file === 'index.html') {
        const page = await response.clone().text();
        // An index.html of another build would load files this cache does not hold.
        if (!page.includes(`<meta name="reachout-version" content="${VERSION}"`)) {
          throw new Error('index.html is not of this build yet');
        }
      }
      await cache.put(url, response);
    }));
    await self.skipWaiting();
  })().catch(async (error) => {
    // Installed only whole: the old version (if any) stays until the next visit tries again.
    await caches.delete(CACHE);
    throw error;
  }));
});

// The built files of the version before this one are kept, under PREVIOUS, until the next version
// arrives: a tab opened on it and taken over by this worker may still fetch the chunk of a page it
// has not opened yet, which the site no longer has. Older versions go.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const older = (await caches.keys())
      .filter((name) => name.startsWith(PREFIX) && name !== CACHE && name !== PREVIOUS);
    if (older.length > 0) {
      await caches.delete(PREVIOUS);
      const kept = await caches.open(PREVIOUS);
      for (const name of older) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (HASHED.test(new URL(request.url).pathname)) await kept.put(request, await cache.match(request));
        }
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || FILES.length === 0 || !request.url.startsWith(SCOPE)) return;
  const path = new URL(request.url).pathname.slice(new URL(SCOPE).pathname.length);
  let wanted;
  if (request.mode === 'navigate') {
    if (!ROUTES.test(path)) return;
    wanted = INDEX;
  } else if (FILES.includes(path)) {
    wanted = new URL(path, SCOPE).href;
  } else if (HASHED.test(path)) {
    // A file of the version before this one, asked for by a tab still running it.
    event.respondWith((async () => {
      const kept = await caches.open(PREVIOUS);
      return (await kept.match(new URL(path, SCOPE).href)) || fetch(request);
    })());
    return;
  } else {
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(wanted)) || fetch(request);
  })());
});

// Reminders (issue 25). The app keeps a digest in its own cache when the person turned
// notifications on (src/notify.rs): for each day ahead with follow-ups due, the words to show.
// About once a day the browser wakes this worker (periodic background sync, installed
// Chromium-family browsers); it shows at most one notification a day, none on a day with
// nothing due, and none once reminders are off (the digest is gone then).
const DIGEST_CACHE = `reachout-digest ${SCOPE}`;
const DIGEST = new URL('reachout-digest.json', SCOPE).href;
const NOTIFIED = new URL('reachout-notified', SCOPE).href;
const SYNC_TAG = 'reachout-digest';

/** True for an address of another copy of the app under a deeper path of this scope. */
function ofAnotherCopy(url) {
  const path = new URL(url).pathname.slice(new URL(SCOPE).pathname.length).split('?')[0];
  return !ROUTES.test(path);
}

/** The worker's own calendar day, as the digest names days: 2026-12-10. */
function localDay(date) {
  const two = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

async function remind() {
  if (!(await caches.has(DIGEST_CACHE))) return;
  const cache = await caches.open(DIGEST_CACHE);
  const stored = await cache.match(DIGEST);
  if (!stored) return;
  const digest = await stored.json().catch(() => null);
  const today = localDay(new Date());
  const ours = digest && digest.format === 'reachout-digest';
  // The newest day of the digest up to today: a person away longer than the digest reaches
  // still hears of what was due by its last day (nothing changes while the app is closed).
  const days = ours ? Object.keys(digest.days ?? {}).filter((day) => day <= today).sort() : [];
  const day = days.at(-1);
  // The icon's count follows the day too, where the browser has a badge.
  const count = day ? Number(digest.counts?.[day]) || 0 : 0;
  if ('setAppBadge' in self.navigator) {
    await (count > 0 ? self.navigator.setAppBadge(count) : self.navigator.clearAppBadge()).catch(() => {});
  }
  const text = day ? digest.days[day] : undefined;
  if (typeof text !== 'string' || text === '') return;
  const notified = await cache.match(NOTIFIED);
  if (notified && (await notified.text()) === today) return;
  await self.registration.showNotification('Reachout', {
    body: text.slice(0, 300),
    tag: 'reachout-today',
    // Yesterday's notification, if still there, is replaced with a sound as a new one.
    renotify: true,
    icon: new URL('icons/icon-192.png', SCOPE).href,
    data: { url: SCOPE },
  });
  await cache.put(NOTIFIED, new Response(today));
}

self.addEventListener('periodicsync', (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(remind());
});

// Tapping the notification opens Today: in a tab of the app already open, else a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    // A tab of this copy of the app (not of another copy under a longer path).
    const open = windows.find((client) => client.url.startsWith(SCOPE) && !ofAnotherCopy(client.url));
    if (open) {
      // Focused first, while the browser still allows it; the app then shows Today itself,
      // keeping whatever was being typed.
      await open.focus().catch(() => {});
      open.postMessage('reachout:open-today');
      return undefined;
    }
    return self.clients.openWindow(SCOPE);
  })());
});
