// One edition's service worker. hooks/offline.py publishes it as sw.js at the edition
// root, with VERSION (a hash of the precached files), PRECACHE (their addresses,
// relative to the worker) and OTHER_EDITIONS (editions in folders below this one's
// scope, which their own worker serves) written above this text.
//
// Install: fetch every precached file into a cache named after VERSION, so a new build
// makes a new cache and the old one is deleted when the new worker takes over.
// Fetch: network first (pages revalidated), so a reader online sees the published site;
// the cache only when the network fails. A page from the cache gets <meta name="offline-copy" content=ISO
// time it was saved>, which offline.js shows as a banner. Offline, a page that is not saved
// (another edition's, whose own worker would otherwise answer) gets the edition's offline page,
// OFFLINE_PAGE: it says so in this edition's language and links to what is saved (issue #30).
"use strict";

var CACHE_PREFIX = "offline " + self.registration.scope + " ";
var CACHE = CACHE_PREFIX + VERSION;
var SAVED_HEADER = "x-offline-saved";
var SKIPPED = OTHER_EDITIONS.map(function (path) { return new URL(path, self.registration.scope).href; });

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(PRECACHE.map(function (address) {
        var url = new URL(address, self.location).href;
        return fetch(url, { cache: "no-cache" }).then(function (response) {
          if (!response.ok) {
            throw new Error("offline precache: " + url + " answered " + response.status);
          }
          return save(cache, url, response);
        });
      }));
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(CACHE_PREFIX) === 0 && name !== CACHE;
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;  // the browser fetches it as if there were no worker
  }
  if (!isOurs(request.url)) {
    // Another edition's page, which that edition's worker answers when it is saved. Offline and
    // not saved: this edition's page saying so, not the browser's "No internet" page.
    if (request.mode === "navigate") {
      event.respondWith(fetch(request).catch(offlinePage));
    }
    return;
  }
  // A page is revalidated with the host (a 304 costs little): the browser's own cache would
  // otherwise show a page from before the last build for as long as it guesses it fresh.
  var fresh = request.mode === "navigate" ? new Request(request, { cache: "no-cache" }) : request;
  event.respondWith(
    fetch(fresh).then(function (response) {
      if (response.ok && response.type === "basic") {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) {
          return save(cache, request.url, copy);
        }));
      }
      return response;
    }).catch(function () {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(request, { ignoreSearch: true });
      }).then(function (cached) {
        if (!cached) {
          // A page the reader never saved: the edition's offline page. Anything else: an
          // answer, not a network error, which Material's scripts handle less well (a
          // failed sitemap.xml left its search unable to start).
          return request.mode === "navigate" ? offlinePage() : new Response("", { status: 504, statusText: "Offline" });
        }
        return request.mode === "navigate" ? markedAsCopy(cached) : cached;
      });
    })
  );
});

function isOurs(url) {
  return !SKIPPED.some(function (prefix) { return url.indexOf(prefix) === 0; });
}

// The saved offline page, as the answer (503) to a page that is not saved.
function offlinePage() {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(new URL(OFFLINE_PAGE, self.location).href);
  }).then(function (page) {
    if (!page) {
      return Response.error();
    }
    return page.blob().then(function (body) {
      return new Response(body, { status: 503, statusText: "Offline", headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

// The response with the time it was saved, for the banner of a page served from the cache.
function save(cache, url, response) {
  var headers = new Headers(response.headers);
  headers.set(SAVED_HEADER, new Date().toISOString());
  return response.blob().then(function (body) {
    return cache.put(url, new Response(body, {
      status: response.status, statusText: response.statusText, headers: headers
    }));
  });
}

function markedAsCopy(cached) {
  var saved = cached.headers.get(SAVED_HEADER) || "";
  var headers = new Headers(cached.headers);
  headers.delete("content-length");
  return cached.text().then(function (html) {
    var marker = '<meta name="offline-copy" content="' + saved.replace(/[^0-9A-Za-z:.\-]/g, "") + '">';
    return new Response(html.replace(/<head[^>]*>/i, function (head) { return head + marker; }), {
      status: cached.status, statusText: cached.statusText, headers: headers
    });
  });
}
