// E-guichet: progressive enhancement of the public forms. Without it everything works: the server validates every
// step and decides which conditional fields count; this only focuses the error summary, moves focus to the field an
// error link names, hides the fields whose condition (on a field of the same step) is not met, names a file over
// its field's limit before it is sent (and reduces a photo on request), and fills a place's position on request.
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

  function describe(input, id, on) {
    var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (t) { return t && t !== id; });
    if (on) {
      ids.push(id);
    }
    if (ids.length) {
      input.setAttribute("aria-describedby", ids.join(" "));
    } else {
      input.removeAttribute("aria-describedby");
    }
  }

  // A file over the limit: the server's own message, in the field's error region, before anything is sent.
  function sizeError(input, message) {
    var id = input.id + "-size-error";
    var error = document.getElementById(id);
    var field = input.closest(".eform-field");
    var serverError = document.getElementById(input.id + "-error");
    if (!message) {
      if (error) {
        error.remove();
      }
      describe(input, id, false);
      if (!serverError) {
        input.removeAttribute("aria-invalid");
        field.classList.remove("eform-field-error");
      }
      return;
    }
    if (!error) {
      error = document.createElement("p");
      error.id = id;
      error.className = "eform-error-message";
      input.parentNode.insertBefore(error, input);
    }
    error.textContent = "";
    var prefix = document.createElement("span");
    prefix.className = "visually-hidden";
    prefix.textContent = input.getAttribute("data-error-prefix") + " ";
    error.appendChild(prefix);
    error.appendChild(document.createTextNode(message));
    describe(input, id, true);
    input.setAttribute("aria-invalid", "true");
    field.classList.add("eform-field-error");
  }

  function isPhoto(file) {
    return file.type === "image/jpeg" || file.type === "image/png";
  }

  function canReduce() {
    return typeof window.createImageBitmap === "function" && typeof window.DataTransfer === "function"
      && typeof HTMLCanvasElement.prototype.toBlob === "function";
  }

  // Draws the photo smaller until it weighs under the limit; JPEG unless the field takes PNG only.
  function shrink(file, max, asJpeg) {
    var type = asJpeg ? "image/jpeg" : "image/png";
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, 2560 / Math.max(bitmap.width, bitmap.height));
      function attempt(tries) {
        var canvas = document.createElement("canvas");
        canvas.width = Math.max(1, Math.round(bitmap.width * scale));
        canvas.height = Math.max(1, Math.round(bitmap.height * scale));
        canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        return new Promise(function (resolve) { canvas.toBlob(resolve, type, 0.85); }).then(function (blob) {
          if (blob && blob.size <= max) {
            var name = asJpeg ? file.name.replace(/\.[^.]*$/, "") + ".jpg" : file.name;
            return new File([blob], name, { type: type, lastModified: Date.now() });
          }
          if (!blob || tries === 0) {
            throw new Error("too big");
          }
          scale *= 0.7;
          return attempt(tries - 1);
        });
      }
      return attempt(10);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-eform] input[type=file][data-max-bytes]"), function (input) {
    var max = Number(input.getAttribute("data-max-bytes"));
    var reduce = document.querySelector("[data-reduce-for='" + input.id + "']");
    var status = document.getElementById(input.id + "-status");
    var accept = (input.getAttribute("accept") || "").split(",");
    var asJpeg = accept.length === 0 || accept[0] === "" || accept.indexOf("image/jpeg") >= 0;

    function tooBig() {
      return Array.prototype.filter.call(input.files, function (file) { return file.size > max; });
    }

    function check() {
      var big = tooBig();
      sizeError(input, big.map(function (file) { return input.getAttribute("data-too-big").replace("{name}", file.name); }).join(" "));
      if (reduce) {
        reduce.hidden = !(big.length > 0 && canReduce() && big.every(isPhoto));
      }
      return big.length === 0;
    }

    input.addEventListener("change", function () {
      if (status) {
        status.textContent = "";
      }
      check();
    });

    // Nothing over the limit is sent: the error is already on screen, the focus goes to it.
    input.form.addEventListener("submit", function (event) {
      if (tooBig().length > 0) {
        event.preventDefault();
        check();
        input.focus();
      }
    });

    if (!reduce) {
      return;
    }
    reduce.querySelector("button").addEventListener("click", function () {
      var names = tooBig().map(function (file) { return file.name; });
      status.textContent = reduce.getAttribute("data-reducing");
      Promise.all(Array.prototype.map.call(input.files, function (file) {
        return file.size > max ? shrink(file, max, asJpeg || file.type === "image/jpeg") : Promise.resolve(file);
      })).then(function (files) {
        var transfer = new DataTransfer();
        files.forEach(function (file) { transfer.items.add(file); });
        input.files = transfer.files;
        check();
        input.focus();
        status.textContent = names.map(function (name) { return reduce.getAttribute("data-reduced").replace("{name}", name); }).join(" ");
      }).catch(function () {
        status.textContent = reduce.getAttribute("data-reduce-failed");
      });
    });
  });

  // A place's position, from the browser, only when the citizen asks (the browser then asks for consent).
  Array.prototype.forEach.call(document.querySelectorAll("[data-locate-for]"), function (block) {
    if (!navigator.geolocation) {
      return;
    }
    var id = block.getAttribute("data-locate-for");
    var status = document.getElementById(id + "-locate-status");
    var latitude = document.getElementById(id + "-latitude");
    var longitude = document.getElementById(id + "-longitude");
    block.hidden = false;
    block.querySelector("button").addEventListener("click", function () {
      status.textContent = block.getAttribute("data-locating");
      navigator.geolocation.getCurrentPosition(function (position) {
        latitude.value = position.coords.latitude.toFixed(5);
        longitude.value = position.coords.longitude.toFixed(5);
        status.textContent = block.getAttribute("data-located")
          .replace("{lat}", latitude.value)
          .replace("{lon}", longitude.value)
          .replace("{accuracy}", String(Math.round(position.coords.accuracy)));
      }, function (error) {
        status.textContent = block.getAttribute(error.code === 1 ? "data-denied" : "data-unavailable");
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
    });
  });
})();
