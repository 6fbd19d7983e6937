// Counts a tap on a way to apply, for the listing's owner. The link itself works without
// this script; the count is a beacon, so leaving the page never waits for it.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-applied]");
    if (link && navigator.sendBeacon) {
      navigator.sendBeacon(link.dataset.applied);
    }
  });
})();
