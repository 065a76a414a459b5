// Keep the reader's place when switching language: both editions use the
// same heading ids, so the current #anchor exists on the other page too.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (link && window.location.hash) {
    link.hash = window.location.hash;
  }
}, true);
