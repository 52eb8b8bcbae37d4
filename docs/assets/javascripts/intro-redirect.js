/* A permanent link (/k/<chapter>/) is a small page that sends the reader on to the chapter. The HTML refresh that
 * does it drops the part of the address after «#», so a link or QR code to one section (/k/velferdsteknologi/#gps)
 * would open the top of the chapter. This runs first and goes on with the section kept; without it, or without a
 * «#», the page's own refresh does the same as before. */
(function () {
  "use strict";
  var script = document.currentScript;
  var target = script && script.getAttribute("data-target");
  if (target && window.location.hash) window.location.replace(target + window.location.hash);
})();
