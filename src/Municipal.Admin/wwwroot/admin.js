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

// A publication date to come turns "Enregistrer et publier" into "Programmer pour le 7 décembre à 8 h" while the
// date or the time is typed. The server draws the same text on load and decides the same way on the post: a type's
// own date (a news article's) counts from tomorrow, the date beside the button from the next minute (Brussels).
document.addEventListener("DOMContentLoaded", function () {
  var choices = document.querySelector("[data-publication-date]");
  var button = choices && choices.querySelector("[data-publish-button]");
  var dateInput = choices && document.getElementById(choices.getAttribute("data-publication-date"));
  var timeInput = document.getElementById("publish-time");
  if (!button || !dateInput) {
    return;
  }

  function update() {
    var date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateInput.value.trim());
    var time = /^(\d{1,2}):(\d{2})/.exec(timeInput ? timeInput.value.trim() : "") || [null, "8", "00"];
    var today = choices.getAttribute("data-today");
    var at = date && date[0] + "T" + ("0" + time[1]).slice(-2) + ":" + time[2];
    var later = date && (choices.getAttribute("data-own-date") === "true" ? date[0] > today : at > choices.getAttribute("data-now"));
    if (!later) {
      button.textContent = choices.getAttribute("data-publish-text");
      return;
    }

    var options = { day: "numeric", month: "long", timeZone: "UTC" };
    if (date[1] !== today.slice(0, 4)) {
      options.year = "numeric";
    }

    var day = new Intl.DateTimeFormat(document.documentElement.lang || "fr", options)
      .format(new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))));
    var hour = String(Number(time[1]));
    var hourText = time[2] === "00"
      ? choices.getAttribute("data-hour-text").replace("{0}", hour)
      : choices.getAttribute("data-hour-minutes-text").replace("{0}", hour).replace("{1}", time[2]);
    button.textContent = choices.getAttribute("data-schedule-text").replace("{0}", day).replace("{1}", hourText);
  }

  ["input", "change"].forEach(function (kind) {
    dateInput.addEventListener(kind, update);
    if (timeInput) {
      timeInput.addEventListener(kind, update);
    }
  });
});
