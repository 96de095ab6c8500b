// samspill: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // A rejected form: move focus to the error summary so screen readers announce it.
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }
  // Links in the error summary move focus to the field, not just scroll to it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) return;
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (field) {
      event.preventDefault();
      field.focus();
    }
  });
  // Buttons that ask before acting (for example "Deactivate").
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = button && button.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  // Enter in a search field inside a larger form searches (its button) instead of saving the form.
  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || !field.matches || !field.matches("input[data-search-button]")) return;
    var button = document.getElementById(field.getAttribute("data-search-button"));
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusErrorSummary);
  } else {
    focusErrorSummary();
  }
  document.addEventListener("htmx:afterSwap", focusErrorSummary);
})();
