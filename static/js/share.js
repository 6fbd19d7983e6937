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
})();
