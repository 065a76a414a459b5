// Keyboard and screen readers (issue #30), where Material's markup falls short:
// - The header's menu and search icons are <label>s for hidden checkboxes, announced as an
//   unnamed "image": each gets a named button around its icon, reachable with Tab where they are shown, that
//   Enter and Space press. Their names are Material's own words on the page: the navigation's
//   and the search dialog's labels.
// - Where the menu drawer and the search are overlays (small screens), each is inert while
//   closed: not read out, no Tab stops on things nobody can see. Material opens them by
//   toggling their checkbox, which fires "change".
// - A heading's accessible name is its text, without the permalink's "¶"; the permalink keeps
//   its own name ("Link to this section: …", from hooks/content/strings.yml via overrides/main.html).
(function () {
  "use strict";

  // --- named header buttons ------------------------------------------------

  function nameOf(css) {
    var element = document.querySelector(css);
    return element && element.getAttribute("aria-label");
  }

  var buttons = [
    ["label.md-header__button[for='__drawer']", nameOf(".md-nav--primary") || nameOf(".md-sidebar--primary nav")],
    ["label.md-header__button[for='__search']", nameOf(".md-search")]
  ];
  buttons.forEach(function (entry) {
    var label = document.querySelector(entry[0]);
    if (!label || !entry[1]) {
      return;
    }
    // The button is a span around the icon, inside the label: a <label> may carry no role (ARIA
    // in HTML), and a click on the span still reaches the label and its checkbox.
    var button = document.createElement("span");
    button.className = "header-button";
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", entry[1]);
    while (label.firstChild) {
      button.appendChild(label.firstChild);
    }
    label.appendChild(button);
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        button.click();
      }
    });
  });

  // --- closed overlays are inert ------------------------------------------------

  // Material's breakpoints: the drawer slides in below 76.25em, the search below 60em.
  overlay("__drawer", ".md-sidebar--primary", "(max-width: 76.1875em)");
  overlay("__search", ".md-search", "(max-width: 59.9375em)");

  function overlay(toggleId, css, query) {
    var toggle = document.getElementById(toggleId);
    var panel = document.querySelector(css);
    if (!toggle || !panel || !window.matchMedia) {
      return;
    }
    var small = window.matchMedia(query);
    function update() {
      panel.inert = small.matches && !toggle.checked;
    }
    // Material focuses the search box on a tap of the search icon, before the tap opens the
    // search: let the panel take focus first (capture runs before Material's listener).
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("label[for='" + toggleId + "']")) {
        panel.inert = false;
      }
    }, true);
    toggle.addEventListener("change", update);
    if (small.addEventListener) {
      small.addEventListener("change", update);
    }
    update();
  }

  // --- headings named by their text ------------------------------------------------

  var words = document.querySelector(".page-words");
  var permalink = words && words.getAttribute("data-permalink");
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset .headerlink"), function (link) {
    var heading = link.parentNode;
    if (!heading.id || !/^H[1-6]$/.test(heading.tagName)) {
      return;
    }
    var text = document.createElement("span");
    text.id = heading.id + "__text";
    while (heading.firstChild !== link) {
      text.appendChild(heading.firstChild);
    }
    heading.insertBefore(text, link);
    heading.setAttribute("aria-labelledby", text.id);
    if (permalink) {
      link.setAttribute("aria-label", permalink.replace("{heading}", text.textContent.trim()));
      link.title = link.getAttribute("aria-label");
    }
  });
})();
