// Error summary (GOV.UK pattern): it takes the focus when the page opens, and its links move the focus to the field.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    // A confirmation (host administration) takes the focus instead, so that it is read at once.
    var notice = document.querySelector("[data-notice]");
    if (notice) {
      notice.focus();
    }

    return;
  }

  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) {
      return;
    }

    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }

    event.preventDefault();
    var label = document.querySelector("label[for='" + field.id + "']");
    (label || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
});
