// E-guichet: progressive enhancement of the public forms. Without it everything works: the server validates every
// step and decides which conditional fields count; this only focuses the error summary, moves focus to the field an
// error link names, and hides the fields whose condition (on a field of the same step) is not met.
(function () {
  "use strict";

  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var target = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!target) {
        return;
      }
      event.preventDefault();
      var group = target.closest("fieldset");
      var label = group ? group.querySelector("legend") : document.querySelector("label[for='" + target.id + "']");
      (label || target).scrollIntoView();
      target.focus({ preventScroll: true });
    });
  }

  function answers(form, name) {
    var values = [];
    Array.prototype.forEach.call(form.querySelectorAll("[name]"), function (input) {
      if (input.name !== name) {
        return;
      }
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) {
        return;
      }
      values.push(input.value);
    });
    return values;
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-eform]"), function (form) {
    var dependents = form.querySelectorAll("[data-condition-field]");
    if (dependents.length === 0) {
      return;
    }
    function update() {
      Array.prototype.forEach.call(dependents, function (field) {
        var shown = answers(form, field.getAttribute("data-condition-field")).indexOf(field.getAttribute("data-condition-value")) >= 0;
        field.hidden = !shown;
      });
    }
    form.addEventListener("change", update);
    update();
  });
})();
