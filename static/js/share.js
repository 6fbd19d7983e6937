// Copy and share buttons: shown only when this script runs; plain links work without it.
(function () {
  "use strict";

  function reveal(root) {
    root.querySelectorAll("[data-copy]").forEach(function (button) { button.hidden = false; });
    if (navigator.share) {
      root.querySelectorAll("[data-share-url]").forEach(function (button) { button.hidden = false; });
    }
  }

  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy) {
      var input = document.getElementById(copy.dataset.copy);
      input.select();
      var done = function () { copy.textContent = copy.dataset.copied; };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(input.value).then(done, function () {});
      } else if (document.execCommand("copy")) {
        done();
      }
    }
    var share = event.target.closest("[data-share-url]");
    if (share && navigator.share) {
      navigator.share({ title: share.dataset.shareTitle, url: share.dataset.shareUrl })
        .catch(function () {});
    }
  });
  document.addEventListener("DOMContentLoaded", function () { reveal(document); });
  document.addEventListener("htmx:load", function (event) { reveal(event.detail.elt); });
  // The link just made replaces the form's section, and the focus with it: move the
  // focus to its heading ("Your new link", read out by screen readers) and show it.
  // Once only, so later swaps (the listings' city) leave the focus where it is.
  document.addEventListener("htmx:afterSettle", function () {
    var heading = document.querySelector("#share [data-new-link]");
    if (heading) {
      heading.removeAttribute("data-new-link");
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: "start" });
    }
  });
})();
