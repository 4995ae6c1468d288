// This file's own address: the editor's bundle sits beside it (under the tenant's path base, if any).
var adminScriptUrl = document.currentScript ? document.currentScript.src : "";

// The rich-text editor (a bundle built from Admin/editor) is loaded only on pages that have a textarea to enhance;
// without JavaScript, or until it loads, the textarea itself is the field.
document.addEventListener("DOMContentLoaded", function () {
  if (!adminScriptUrl || !document.querySelector("textarea[data-rich-text]")) {
    return;
  }

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("editor.css", adminScriptUrl).href;
  document.head.appendChild(style);

  var script = document.createElement("script");
  script.src = new URL("editor.js", adminScriptUrl).href;
  document.head.appendChild(script);
});

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

    // A textarea taken over by the rich-text editor is hidden: its editable area takes the focus instead.
    if (field.hidden && document.getElementById(field.id + "-editor")) {
      field = document.getElementById(field.id + "-editor");
    }

    event.preventDefault();
    var label = document.querySelector("label[for='" + link.getAttribute("href").slice(1) + "']");
    (label || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
});
