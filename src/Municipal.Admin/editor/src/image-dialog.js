// The Image button's dialog: the media library's images (GET data-media-picker-url?q=, a JSON array of
// { id, name, url, thumbnailUrl, alt, width, height, folder }) as radio buttons with their thumbnail and
// alternative text; the chosen one goes in as <img src=url alt=alt>. Only same-origin addresses are accepted.
// Below them, a form sends a new image to the library and inserts it (image-upload.js); an empty library says so.
import { announce, h, searchAsYouType } from "./dom.js";
import { createImageUpload } from "./image-upload.js";
import { format, texts } from "./texts.js";
import { isLibraryImage } from "./urls.js";

function countText(count, query) {
  if (count === 0) {
    // Nothing at all is no failed search: say so, the upload form below is the way on.
    return query === "" ? texts.imageLibraryEmpty : texts.imageNone;
  }

  return count === 1 ? texts.imageCountOne : format(texts.imageCount, count);
}

export function createImageDialog(editor, { id, status, pickerUrl, textarea }) {
  const titleId = `${id}-image-title`;
  const searchId = `${id}-image-search`;
  const errorId = `${id}-image-error`;
  let choices = [];
  let searchToken = 0;

  const searchInput = h("input", { id: searchId, type: "search", autocomplete: "off", "aria-describedby": `${searchId}-hint` });
  const resultStatus = h("p", { class: "rich-text-picker-status", role: "status" });
  const error = h("p", { id: errorId, class: "error-message", hidden: true });
  const list = h("ul", { class: "rich-text-picker-list" });
  const fieldset = h("fieldset", { class: "rich-text-picker" }, [h("legend", { class: "visually-hidden", text: texts.imageList }), error, list]);
  const cancelButton = h("button", { type: "button", class: "button button-secondary", text: texts.cancel });
  const form = h("form", { novalidate: true }, [
    h("h2", { id: titleId, class: "rich-text-dialog-title", text: texts.imageDialogTitle }),
    h("div", { class: "field" }, [
      h("label", { for: searchId, text: texts.imageSearch }),
      h("p", { id: `${searchId}-hint`, class: "hint", text: texts.imageSearchHint }),
      searchInput,
    ]),
    resultStatus,
    fieldset,
    h("div", { class: "button-row" }, [h("button", { type: "submit", class: "button", text: texts.insert }), cancelButton]),
  ]);
  const upload = createImageUpload({
    id,
    pickerUrl,
    textarea,
    onUploaded: (image) => {
      editor.chain().focus().setImage({ src: image.url, alt: image.alt.trim() }).run();
      dialog.close();
      announce(status, texts.imageUploaded);
    },
  });
  const dialog = h("dialog", { class: "rich-text-dialog rich-text-image-dialog", "aria-labelledby": titleId }, [form, upload.element]);
  document.body.append(dialog);

  function pickerAddress(query) {
    const url = new URL(pickerUrl, window.location.href);
    url.searchParams.set("q", query);
    return url;
  }

  function render() {
    list.replaceChildren(
      ...choices.map((choice, index) => {
        const radioId = `${id}-image-${index}`;
        return h("li", {}, [
          h("input", { type: "radio", id: radioId, name: `${id}-image`, value: String(index) }),
          h("label", { for: radioId }, [
            h("img", { src: choice.thumbnailUrl, alt: "", width: 96, height: 72, loading: "lazy" }),
            h("span", { class: "rich-text-picker-alt", text: choice.alt }),
            h("span", { class: "rich-text-picker-name", text: choice.folder ? `${choice.folder} / ${choice.name}` : choice.name }),
          ]),
        ]);
      }),
    );
    fieldset.hidden = choices.length === 0;
  }

  async function load(query) {
    const token = ++searchToken;
    resultStatus.textContent = texts.imageLoading;
    let found = [];
    try {
      const url = pickerAddress(query);
      if (url.origin !== window.location.origin) {
        throw new Error("The media picker must be on this site.");
      }

      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }

      const body = await response.json();
      found = (Array.isArray(body) ? body : []).filter(
        (item) => item && typeof item.alt === "string" && item.alt.trim() !== "" && isLibraryImage(item.url) && isLibraryImage(item.thumbnailUrl),
      );
    } catch {
      if (token === searchToken) {
        choices = [];
        render();
        resultStatus.textContent = texts.imageLoadFailed;
      }

      return;
    }

    if (token !== searchToken) {
      return;
    }

    choices = found;
    render();
    resultStatus.textContent = countText(choices.length, query);
  }

  function showError(message) {
    error.replaceChildren(h("span", { class: "visually-hidden", text: texts.errorPrefix + " " }), message);
    error.hidden = false;
    fieldset.classList.add("field-error");
    fieldset.setAttribute("aria-describedby", errorId);
  }

  function clearError() {
    error.hidden = true;
    fieldset.classList.remove("field-error");
    fieldset.removeAttribute("aria-describedby");
  }

  // Enter in the search field searches at once instead of inserting.
  const cancelSearch = searchAsYouType(searchInput, load);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const checked = list.querySelector("input[type=radio]:checked");
    const choice = checked ? choices[Number(checked.value)] : null;
    if (!choice) {
      showError(texts.imageMissing);
      (list.querySelector("input[type=radio]") || searchInput).focus();
      return;
    }

    editor.chain().focus().setImage({ src: choice.url, alt: choice.alt.trim() }).run();
    dialog.close();
    announce(status, texts.imageInserted);
  });

  cancelButton.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    cancelSearch();
    editor.commands.focus();
  });

  return function open() {
    clearError();
    upload.reset();
    searchInput.value = "";
    choices = [];
    render();
    dialog.showModal();
    searchInput.focus();
    load("");
  };
}
