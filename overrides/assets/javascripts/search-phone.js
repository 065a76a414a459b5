// Search on a phone (issue #30), around Material's search, which it does not change:
// - Material searches on "keyup". Pasted and dictated text, and a word an input method
//   completes, arrive as "input" with no key: each such input is passed on as a keyup, so
//   the results follow what is in the box.
// - A result's title is one line: a page's title in the index carries its `also_called`
//   names and their pinyin after " · " (hooks/editions.py, so that search finds it by them).
//   Only the title stays in the heading; the names the query matched follow on a line of
//   their own ("Also called: …", words from hooks/content/strings.yml via
//   overrides/partials/search.html). The "Missing: ~~word~~" lines are hidden (site.css).
(function () {
  "use strict";

  var field = document.querySelector("input.md-search__input");
  var list = document.querySelector(".md-search-result__list");
  var result = document.querySelector(".md-search-result");
  if (!field || !list) {
    return;
  }

  // --- every input searches ----------------------------------------------------

  function search() {
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  field.addEventListener("input", function (event) {
    if (!event.isComposing) {
      search();
    }
  });
  field.addEventListener("compositionend", search);

  // --- one-line titles -----------------------------------------------------------

  var label = (result && result.getAttribute("data-also-called")) || "";
  function tidy() {
    Array.prototype.forEach.call(list.querySelectorAll(".md-search-result__article h1:not([data-tidy])"), function (title) {
      title.setAttribute("data-tidy", "");
      var parts = title.innerHTML.split(" · ");
      if (parts.length < 2) {
        return;
      }
      title.innerHTML = parts[0];
      var matched = parts.slice(1).filter(function (part) { return part.indexOf("<mark") !== -1; });
      if (matched.length) {
        var line = document.createElement("p");
        line.className = "search-result-also";
        line.innerHTML = matched.join(" · ");  // the index's own escaped names with Material's <mark>s
        line.insertBefore(document.createTextNode(label), line.firstChild);
        title.parentNode.insertBefore(line, title.nextSibling);
      }
    });
  }
  new MutationObserver(tidy).observe(list, { childList: true, subtree: true });
})();
