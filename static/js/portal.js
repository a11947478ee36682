// Small enhancements only: every page reads and prints without this file.
(function () {
  "use strict";
  // "Print this page" is a link to the print view; with JavaScript it opens the print dialog directly.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-print-page]");
    if (link && window.print) {
      event.preventDefault();
      window.print();
    }
  });
  // Browsers without ::details-content would print collapsed answers closed: open them for printing.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
