// "Did you mean" for a search that finds nothing (issues #18, #25).
// Material 9's search has no fuzzy matching and no hook to change a query (README, "Search"),
// so a misspelt word ("apostolle") finds nothing. When, and only when, the search shows no
// results, this script fetches the edition's own search index (the one Material's search
// reads: "search/search_index.json" under the #__config base), and for each query word of
// five or more Latin letters that no word of the index starts with, picks the most frequent
// index word one edit away (a letter changed, added, dropped, or two neighbours swapped).
// Where that is certain (one word changed, and it had one such neighbour only), it searches
// the corrected query itself once the reader has paused, and says so: "Showing results for
// <corrected>; search instead for <as typed>", the second a button that searches as typed.
// Otherwise it shows "Did you mean: <corrected query>" under the "No matching documents" line;
// tapping it puts the query in the search box and runs it. overrides/partials/search.html
// holds both lines and their words, from hooks/content/strings.yml.
// No index (offline without a saved copy, a failed fetch): no suggestion, nothing else.
(function () {
  "use strict";

  var box = document.querySelector(".did-you-mean");
  var auto = document.querySelector(".did-you-mean-auto");
  var field = document.querySelector("input.md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  var config = readConfig();
  if (!box || !auto || !field || !meta || !config) {
    return;
  }
  var button = box.querySelector(".did-you-mean__query");
  var original = auto.querySelector(".did-you-mean__original");
  var nothing = config.translations && config.translations["search.result.none"];
  var vocabulary = null;  // a promise of {words: Map word -> count}, or of null (no index)
  var shown = null;  // the query the suggestion was made for
  var corrected = null;  // {from: as typed, to: searched instead} while its results are shown
  var declined = null;  // the query the reader chose to search as typed: never corrected again

  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  field.addEventListener("input", hide);  // typing on: the old suggestion no longer applies

  button.addEventListener("click", function () {
    var query = button.textContent;
    hide();
    run(query);
  });

  original.addEventListener("click", function () {
    var query = original.textContent;
    hide();
    declined = query;
    run(query);
  });

  // --- helpers ---------------------------------------------------------------

  // Each time Material's search answers. data-query names the query the line has been
  // decided for, suggestion or none (the browser tests wait for it, tests/browser/site_ui.py).
  // For a search corrected here, data-query names the query as typed once the corrected
  // search has answered.
  function update() {
    var query = field.value;
    if (corrected && query === corrected.to) {
      auto.querySelector(".did-you-mean__corrected").textContent = corrected.to;
      original.textContent = corrected.from;
      auto.hidden = false;
      box.setAttribute("data-query", corrected.from);
      return;
    }
    if (!nothing || meta.textContent.trim() !== nothing || !query.trim()) {
      hide();
      box.setAttribute("data-query", query);
      return;
    }
    if (query === shown) {
      box.setAttribute("data-query", query);
      return;
    }
    load().then(function (index) {
      // Still the same query, still nothing found: the reader has not typed on meanwhile.
      if (!unchanged(query)) {
        return;
      }
      var suggestion = index && suggest(query, index);
      if (suggestion && suggestion.certain && query !== declined) {
        // Only once the reader has paused: a word being typed is not replaced under the fingers.
        setTimeout(function () {
          if (unchanged(query)) {
            corrected = { from: query, to: suggestion.query };
            run(suggestion.query);
          }
        }, PAUSE_MS);
        return;
      }
      if (suggestion) {
        button.textContent = suggestion.query;
        box.hidden = false;
        shown = query;
      }
      box.setAttribute("data-query", query);
    });
  }

  function unchanged(query) {
    return field.value === query && meta.textContent.trim() === nothing;
  }

  // Put a query in the search box and search it, as if typed.
  function run(query) {
    field.value = query;
    field.focus();
    // Material's search reads the field on keyup (tests/browser/site_ui.py does the same).
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  function hide() {
    box.hidden = true;
    auto.hidden = true;
    shown = null;
    corrected = null;
  }

  function readConfig() {
    var element = document.getElementById("__config");
    try {
      return element ? JSON.parse(element.textContent) : null;
    } catch (error) {
      return null;
    }
  }

  function load() {
    if (!vocabulary) {
      // The base as overrides/main.html leaves it: on Chinese pages, the zh/ edition root.
      var url = new URL("search/search_index.json", new URL(config.base, location.href));
      vocabulary = fetch(url.href)
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { return data && data.docs ? count(data) : null; })
        .catch(function () { return null; });
    }
    return vocabulary;
  }

  function count(data) {
    var separator = new RegExp((data.config && data.config.separator) || "[\\s\\-]+");
    var words = new Map();
    data.docs.forEach(function (doc) {
      var text = (doc.title || "") + " " + (doc.text || "").replace(/<[^>]*>/g, " ");
      text.toLowerCase().split(separator).forEach(function (word) {
        if (word && LETTERS.test(word)) {
          words.set(word, (words.get(word) || 0) + 1);
        }
      });
    });
    return { words: words };
  }

  // {query: the query with each unknown long word replaced by its nearest index word,
  // certain: one word replaced, which had no other index word one edit away}; null if none is.
  function suggest(query, index) {
    var changed = 0;
    var alone = true;
    var result = query.replace(LATIN_RUN, function (word) {
      var lower = word.toLowerCase();
      if (lower.length < MIN_LENGTH || matches(lower, index.words)) {
        return word;
      }
      var near = nearest(lower, index.words);
      if (!near.best) {
        return word;
      }
      changed += 1;
      alone = alone && near.candidates === 1;
      return word[0] !== lower[0] ? near.best[0].toUpperCase() + near.best.slice(1) : near.best;
    });
    return changed ? { query: result, certain: changed === 1 && alone } : null;
  }

  // Material's search adds a trailing * to every query word: a word matches the start of one.
  function matches(word, words) {
    for (var known of words.keys()) {
      if (known.lastIndexOf(word, 0) === 0) {
        return true;
      }
    }
    return false;
  }

  // The most frequent index word one edit away, and how many there are.
  function nearest(word, words) {
    var best = null;
    var bestCount = 0;
    var candidates = 0;
    words.forEach(function (times, known) {
      if (!oneEdit(word, known)) {
        return;
      }
      candidates += 1;
      if (times > bestCount || (times === bestCount && known < best)) {
        best = known;
        bestCount = times;
      }
    });
    return { best: best, candidates: candidates };
  }

  // Damerau-Levenshtein distance exactly 1: one letter changed, added or dropped, or two
  // neighbouring letters swapped.
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) {
      return false;
    }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) {
      i++;
    }
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // --- data ------------------------------------------------------------------

  var MIN_LENGTH = 5;
  var PAUSE_MS = 400;
  var LATIN_RUN = /\p{Script=Latin}+/gu;
  var LETTERS = /^\p{Script=Latin}+$/u;
})();
