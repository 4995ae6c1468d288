// The image dialog's second form: send a new image to the media library without leaving the page. It posts to the
// library's own upload address (the picker's parent, /admin/medias) with the content form's antiforgery token, asking
// for JSON; the library then requires the alternative text (the image goes straight into the text) and answers the
// new image as the picker lists it ({ url, alt, ... }), or 400 with { file, alt } errors, or 413 for a file too large.
import { h } from "./dom.js";
import { texts } from "./texts.js";
import { isLibraryImage } from "./urls.js";

/** The library's upload address: the picker's (…/medias/choix) parent. */
export function uploadAddress(pickerUrl) {
  const url = new URL(pickerUrl, window.location.href);
  url.pathname = url.pathname.replace(/\/[^/]*\/?$/, "");
  url.search = "";
  return url;
}

function fieldWithError(id, label, hint, control) {
  const error = h("p", { id: `${id}-error`, class: "error-message", hidden: true });
  const field = h("div", { class: "field" }, [h("label", { for: id, text: label }), h("p", { id: `${id}-hint`, class: "hint", text: hint }), error, control]);
  return {
    field,
    show(message) {
      error.replaceChildren(h("span", { class: "visually-hidden", text: texts.errorPrefix + " " }), message);
      error.hidden = false;
      field.classList.add("field-error");
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", `${id}-hint ${id}-error`);
    },
    clear() {
      error.hidden = true;
      field.classList.remove("field-error");
      control.removeAttribute("aria-invalid");
      control.setAttribute("aria-describedby", `${id}-hint`);
    },
  };
}

/**
 * The upload form. <paramref name="onUploaded"/> receives the new image ({ url, alt }); the hidden inputs of the
 * textarea's own form (the antiforgery token among them) go with the file.
 */
export function createImageUpload({ id, pickerUrl, textarea, onUploaded }) {
  const fileId = `${id}-upload-file`;
  const altId = `${id}-upload-alt`;
  const titleId = `${id}-upload-title`;
  const fileInput = h("input", { id: fileId, type: "file", accept: "image/jpeg,image/png,image/gif,image/webp", "aria-describedby": `${fileId}-hint` });
  const altInput = h("textarea", { id: altId, rows: 2, "aria-describedby": `${altId}-hint` });
  const file = fieldWithError(fileId, texts.imageUploadFile, texts.imageUploadFileHint, fileInput);
  const alt = fieldWithError(altId, texts.imageUploadAlt, texts.imageUploadAltHint, altInput);
  const progress = h("p", { class: "rich-text-picker-status", role: "status" });
  const button = h("button", { type: "submit", class: "button button-secondary", text: texts.imageUploadButton });
  const form = h("form", { class: "rich-text-upload", novalidate: true, "aria-labelledby": titleId }, [
    h("h3", { id: titleId, class: "rich-text-upload-title", text: texts.imageUploadTitle }),
    file.field,
    alt.field,
    progress,
    h("div", { class: "button-row" }, [button]),
  ]);

  function reset() {
    form.reset();
    file.clear();
    alt.clear();
    progress.textContent = "";
  }

  async function send() {
    const body = new FormData();
    (textarea.form ? textarea.form.querySelectorAll("input[type=hidden][name]") : []).forEach((input) => body.append(input.name, input.value));
    body.append("file", fileInput.files[0]);
    body.append("alt", altInput.value.trim());
    const url = uploadAddress(pickerUrl);
    if (url.origin !== window.location.origin) {
      throw new Error("The media library must be on this site.");
    }

    const response = await fetch(url, { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (response.status === 413) {
      return { errors: { file: texts.imageUploadTooLarge } };
    }

    const answer = await response.json().catch(() => null);
    if (response.ok && answer && isLibraryImage(answer.url) && typeof answer.alt === "string") {
      return { image: answer };
    }

    if (response.status === 400 && answer && (answer.file || answer.alt)) {
      return { errors: answer };
    }

    throw new Error(`HTTP ${response.status}`);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    file.clear();
    alt.clear();
    const errors = {
      file: fileInput.files.length === 0 ? texts.imageUploadFileMissing : null,
      alt: altInput.value.trim() === "" ? texts.imageUploadAltMissing : null,
    };
    let result = { errors };
    if (!errors.file && !errors.alt) {
      button.disabled = true;
      progress.textContent = texts.imageUploading;
      try {
        result = await send();
      } catch {
        result = { failed: true };
      } finally {
        button.disabled = false;
      }
    }

    if (result.image) {
      progress.textContent = "";
      onUploaded(result.image);
      return;
    }

    progress.textContent = result.failed ? texts.imageUploadFailed : "";
    if (result.errors) {
      if (result.errors.alt) {
        alt.show(result.errors.alt);
        altInput.focus();
      }

      if (result.errors.file) {
        file.show(result.errors.file);
        fileInput.focus();
      }
    }
  });

  return { element: form, reset };
}
