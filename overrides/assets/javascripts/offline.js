// At the border (issue #17): the guide offline, and the official text shown to an officer.
// - Registers this edition's service worker, named by <meta name="offline-worker"> (the
//   build writes it; `mkdocs serve` does not, so a preview never registers one), after the
//   page's load event, when the browser is idle. Without navigator.serviceWorker (WeChat
//   on iOS) nothing happens and the site works as before.
// - A page the worker served from its cache (<meta name="offline-copy">) says so, and when
//   it was saved, in the page's hidden .offline-banner. Online, the same line says once, when
//   the edition's worker is first ready, that the edition is saved (issue #30).
// - Offline, the language list offers the other edition only if its pages are saved.
// - A provision page (overrides/main.html marks it with .official-view-opener) gets, under its labels, a
//   "Show to an official" button: a full-screen view, Chinese text first and large, then
//   the English, built from the page's own .official-text block, then the page's QR code.
// The words come from the page (overrides/main.html, from hooks/content/strings.yml).
(function () {
  "use strict";

  var locale = /^zh\b/.test(document.documentElement.lang) ? "zh-CN" : "en-GB";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // --- the service worker --------------------------------------------------

  // Registered once the page has loaded and the browser is idle: the worker's first saving
  // of the edition then never competes with the page the reader opened.
  var worker = meta("offline-worker");
  if (worker && "serviceWorker" in navigator) {
    afterLoad(function () {
      var url = new URL(worker, document.baseURI);
      navigator.serviceWorker.register(url.href, { scope: new URL("./", url).href }).catch(function (error) {
        console.warn("The offline copy is not available:", error);
      });
    });
  }

  function afterLoad(run) {
    var idle = window.requestIdleCallback || function (task) { setTimeout(task, 0); };
    if (document.readyState === "complete") {
      idle(run, { timeout: 5000 });
    } else {
      window.addEventListener("load", function () { idle(run, { timeout: 5000 }); }, { once: true });
    }
  }

  // --- a page from the cache -----------------------------------------------

  var saved = meta("offline-copy");
  var banner = document.querySelector(".offline-banner");
  if (saved !== null && banner) {
    var when = new Date(saved);
    banner.textContent = banner.getAttribute("data-text").replace("{date}", isNaN(when) ? "" : when.toLocaleString(locale, {
      year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit"
    }));
    banner.hidden = false;
  } else if (worker && banner && "serviceWorker" in navigator) {
    navigator.serviceWorker.ready.then(function (registration) {
      var key = "offline-announced " + registration.scope;
      try {
        if (localStorage.getItem(key)) {
          return;
        }
        localStorage.setItem(key, new Date().toISOString());
      } catch (error) {
        return;  // no storage: no way to say it only once, so not at all
      }
      // At the foot of the screen, for a while: shown once the page is read, a line pushed in
      // above the text moved the whole page (a layout shift, and the reader loses their place).
      banner.textContent = banner.getAttribute("data-ready");
      banner.classList.add("offline-banner--ready");
      banner.hidden = false;
      setTimeout(function () { banner.hidden = true; }, 10000);
    });
  }

  if ((saved !== null || !navigator.onLine) && window.caches) {
    Array.prototype.forEach.call(document.querySelectorAll(".md-select__link[hreflang]"), function (link) {
      if (link.getAttribute("hreflang") === document.documentElement.lang) {
        return;
      }
      caches.match(link.href, { ignoreSearch: true }).then(function (hit) {
        if (!hit) {
          link.parentNode.hidden = true;
        }
      });
    });
  }

  // --- show to an official -------------------------------------------------

  var opener = document.querySelector(".official-view-opener");
  var official = opener && document.querySelector(".official-text");
  if (official && official.querySelector('blockquote[lang="zh"]')) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary official-view-button";
    button.textContent = opener.getAttribute("data-show");
    button.addEventListener("click", function () { openView(opener, official, button); });
    opener.appendChild(button);
    // Near the top, under the labels and dates (issue #30): the summary now comes first,
    // and the official text is several screens down.
    var labels = document.querySelector(".also-called") || document.querySelector(".provision-notice");
    if (labels) {
      labels.parentNode.insertBefore(opener, labels.nextSibling);
    } else {
      official.parentNode.insertBefore(opener, official);
    }
    opener.hidden = false;
  }

  function openView(opener, official, button) {
    var view = document.createElement("div");
    view.className = "official-view md-typeset";  // md-typeset: Material's button styles
    view.setAttribute("role", "dialog");
    view.setAttribute("aria-modal", "true");
    view.setAttribute("aria-labelledby", "official-view-title");

    var tools = element("div", "official-view__tools");
    var print = element("button", "md-button", opener.getAttribute("data-print"));
    var close = element("button", "md-button md-button--primary", opener.getAttribute("data-close"));
    print.type = close.type = "button";
    print.addEventListener("click", function () { window.print(); });
    tools.appendChild(print);
    tools.appendChild(close);
    view.appendChild(tools);

    var heading = element("h2", "official-view__notice", noticeName());
    heading.id = "official-view-title";
    view.appendChild(heading);
    ["zh", "en"].forEach(function (lang) {
      var quote = official.querySelector('blockquote[lang="' + lang + '"]');
      if (!quote) {
        return;
      }
      var section = element("section", "official-view__text official-view__text--" + lang);
      var labels = document.querySelector(".provision-notice");
      section.appendChild(element("p", "official-view__label", (labels && labels.getAttribute("data-label-" + lang)) || ""));
      var body = element("div", "official-view__body");
      body.lang = lang;
      Array.prototype.forEach.call(quote.childNodes, function (node) {
        var copy = node.cloneNode(true);
        if (copy.querySelectorAll) {
          copy.removeAttribute && copy.removeAttribute("id");
          Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (e) { e.removeAttribute("id"); });
        }
        body.appendChild(copy);
      });
      section.appendChild(body);
      view.appendChild(section);
    });
    // The page's QR code (overrides/partials/page-code.html): the official can open the page on a phone.
    var code = document.querySelector(".md-content__inner > .page-code");
    if (code) {
      view.appendChild(code.cloneNode(true));
    }

    // Tab and Shift+Tab go round the view's own controls until it closes (issue #30).
    function onKey(event) {
      if (event.key === "Escape") {
        shut();
      } else if (event.key === "Tab") {
        var stops = [print, close];
        var at = stops.indexOf(document.activeElement);
        event.preventDefault();
        stops[(at + (event.shiftKey ? stops.length - 1 : 1)) % stops.length].focus();
      }
    }
    function shut() {
      document.removeEventListener("keydown", onKey);
      document.documentElement.classList.remove("official-view-open");
      view.remove();
      button.focus();
    }
    close.addEventListener("click", shut);
    document.addEventListener("keydown", onKey);
    document.body.appendChild(view);
    document.documentElement.classList.add("official-view-open");
    close.focus();
  }

  function noticeName() {
    var notice = document.querySelector(".provision-notice");
    if (notice) {
      return notice.getAttribute("data-show-title") || notice.textContent.trim();
    }
    var title = document.querySelector(".md-content h1");
    if (!title) {
      return document.title;
    }
    var copy = title.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    node.className = className;
    if (content) {
      node.textContent = content;
    }
    return node;
  }
})();
