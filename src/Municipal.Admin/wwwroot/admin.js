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

// Work is not lost without a warning: once a form holding a rich-text field (the content editor) has changes, leaving
// the page (a menu link, the media library, closing the tab) asks first, with the browser's own "Quitter la page ?".
// Sending that form saves the changes: no question then. The rich-text editor says "input" on its textarea (editor.js).
document.addEventListener("DOMContentLoaded", function () {
  var changed = false;
  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("textarea[data-rich-text]")) {
      return;
    }

    form.addEventListener("input", function () { changed = true; });
    form.addEventListener("change", function () { changed = true; });
    form.addEventListener("submit", function () { changed = false; });
  });

  window.addEventListener("beforeunload", function (event) {
    if (changed) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
});

// A colour field (site settings) gets a colour picker tied to its #rrggbb text, a sample of white text on the colour
// and its contrast ratio, said as it changes (WCAG AA asks 4.5:1; the server refuses less, whatever the script says).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-color-preview]").forEach(function (preview) {
    var text = document.getElementById(preview.getAttribute("data-color-preview"));
    var picker = preview.querySelector("input[type=color]");
    var sample = preview.querySelector("[data-color-sample]");
    var sampleText = sample ? sample.querySelector("span") : null;
    var ratioText = preview.querySelector("[data-color-ratio]");
    if (!text || !picker || !sample || !sampleText || !ratioText) {
      return;
    }

    function channel(value) {
      var s = value / 255;
      return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    function hex(value) {
      var v = value.trim().toLowerCase();
      if (/^[0-9a-f]{6}$/.test(v)) {
        v = "#" + v;
      }

      return /^#[0-9a-f]{6}$/.test(v) ? v : null;
    }

    function show() {
      var color = hex(text.value);
      if (!color) {
        sample.hidden = true;
        ratioText.textContent = text.value.trim() === "" ? preview.getAttribute("data-empty") : preview.getAttribute("data-invalid");
        return;
      }

      var n = parseInt(color.slice(1), 16);
      var luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
      var ratio = 1.05 / (luminance + 0.05);
      // Rounded down, as the server's message: 4.46 must not read "4,5:1".
      var shown = (Math.floor(ratio * 10) / 10).toLocaleString(document.documentElement.lang || "fr", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      picker.value = color;
      sample.hidden = false;
      sample.style.backgroundColor = color;
      // The white words stay only where they are readable: the colour alone shows a refused one (the ratio says why).
      sampleText.hidden = ratio < 4.5;
      ratioText.textContent = preview.getAttribute(ratio >= 4.5 ? "data-pass" : "data-fail").replace("{0}", shown);
    }

    picker.addEventListener("input", function () {
      text.value = picker.value;
      show();
    });
    text.addEventListener("input", show);
    preview.hidden = false;
    show();
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
