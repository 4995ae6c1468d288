// The Link button's dialog: a native modal <dialog> (focus kept inside, Escape closes), with the address and,
// when no text is selected, the text to show; above them, a search of the site's pages by title (link-search.js).
// Closing it in any way gives the focus back to the editor.
import { announce, h } from "./dom.js";
import { createLinkSearch } from "./link-search.js";
import { texts } from "./texts.js";
import { completeHref, isAllowedHref } from "./urls.js";

export function createLinkDialog(editor, { id, status, searchUrl }) {
  const titleId = `${id}-link-title`;
  const hrefId = `${id}-link-href`;
  const textId = `${id}-link-text`;

  const textInput = h("input", { id: textId, type: "text", autocomplete: "off", "aria-describedby": `${textId}-hint` });
  const textField = h("div", { class: "field" }, [
    h("label", { for: textId, text: texts.linkText }),
    h("p", { id: `${textId}-hint`, class: "hint", text: texts.linkTextHint }),
    textInput,
  ]);

  const hrefError = h("p", { id: `${hrefId}-error`, class: "error-message", hidden: true });
  const hrefInput = h("input", {
    id: hrefId,
    type: "text",
    inputmode: "url",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": `${hrefId}-hint`,
  });
  const hrefField = h("div", { class: "field" }, [
    h("label", { for: hrefId, text: texts.linkHref }),
    h("p", { id: `${hrefId}-hint`, class: "hint", text: texts.linkHrefHint }),
    hrefError,
    hrefInput,
  ]);

  const removeButton = h("button", { type: "button", class: "button button-warning", text: texts.removeLink });
  const cancelButton = h("button", { type: "button", class: "button button-secondary", text: texts.cancel });
  const search = createLinkSearch({
    id,
    searchUrl,
    onChoose: (choice) => {
      clearError();
      hrefInput.value = choice.url;
      if (!textField.hidden && textInput.value.trim() === "") {
        textInput.value = choice.title;
      }

      hrefInput.focus();
    },
  });
  const form = h("form", { novalidate: true }, [
    h("h2", { id: titleId, class: "rich-text-dialog-title", text: texts.linkDialogTitle }),
    search.element,
    textField,
    hrefField,
    h("div", { class: "button-row" }, [h("button", { type: "submit", class: "button", text: texts.insert }), removeButton, cancelButton]),
  ]);
  const dialog = h("dialog", { class: "rich-text-dialog", "aria-labelledby": titleId }, [form]);
  document.body.append(dialog);

  function showError(message) {
    hrefError.replaceChildren(h("span", { class: "visually-hidden", text: texts.errorPrefix + " " }), message);
    hrefError.hidden = false;
    hrefField.classList.add("field-error");
    hrefInput.setAttribute("aria-invalid", "true");
    hrefInput.setAttribute("aria-describedby", `${hrefId}-hint ${hrefId}-error`);
    hrefInput.focus();
  }

  function clearError() {
    hrefError.hidden = true;
    hrefField.classList.remove("field-error");
    hrefInput.removeAttribute("aria-invalid");
    hrefInput.setAttribute("aria-describedby", `${hrefId}-hint`);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const href = completeHref(hrefInput.value);
    if (href === "") {
      showError(texts.linkHrefMissing);
      return;
    }

    if (!isAllowedHref(href)) {
      showError(texts.linkHrefRefused);
      return;
    }

    const chain = editor.chain().focus();
    if (!textField.hidden) {
      const text = textInput.value.trim() || href;
      chain.insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] }).unsetMark("link");
    } else {
      chain.extendMarkRange("link").setLink({ href });
    }

    chain.run();
    dialog.close();
    announce(status, texts.linkInserted);
  });

  removeButton.addEventListener("click", () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    dialog.close();
    announce(status, texts.linkRemoved);
  });

  cancelButton.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => editor.commands.focus());

  return function open() {
    const inLink = editor.isActive("link");
    const current = inLink ? editor.getAttributes("link").href || "" : "";
    clearError();
    search.reset();
    hrefInput.value = current;
    textInput.value = "";
    // A selection (or a link under the cursor) already has its text; an empty cursor needs one.
    textField.hidden = inLink || !editor.state.selection.empty;
    removeButton.hidden = !inLink;
    dialog.showModal();
    hrefInput.focus();
  };
}
