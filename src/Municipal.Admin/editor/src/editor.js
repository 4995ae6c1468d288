// The back office's rich-text editor (progressive enhancement). admin.js loads this bundle only on pages with a
// textarea[data-rich-text]; each such textarea is hidden (it stays in the form: it is what gets posted, kept in sync
// as HTML on every change) and replaced on screen by a toolbar and an editable area tied to the textarea's label,
// hint and error. The server sanitizes the HTML again on save (Municipal.Core/Content/RichText.cs).
import { Editor } from "@tiptap/core";
import { h } from "./dom.js";
import { editorExtensions } from "./extensions.js";
import { createImageDialog } from "./image-dialog.js";
import { createLinkDialog } from "./link-dialog.js";
import { loadTexts } from "./texts.js";
import { createToolbar } from "./toolbar.js";

// Read now: once the script has run, document.currentScript no longer points to it.
const scriptUrl = document.currentScript ? document.currentScript.src : window.location.href;

function labelOf(textarea) {
  const label = document.getElementById(`${textarea.id}-label`) || document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`);
  if (!label) {
    return { id: null, text: textarea.name || "" };
  }

  if (!label.id) {
    label.id = `${textarea.id}-label`;
  }

  // The label's own words, without "(facultatif)".
  const copy = label.cloneNode(true);
  copy.querySelectorAll(".optional").forEach((node) => node.remove());
  return { id: label.id, text: copy.textContent.trim(), element: label };
}

function enhance(textarea) {
  if (!textarea.id || textarea.dataset.richTextReady === "true") {
    return;
  }

  textarea.dataset.richTextReady = "true";
  const id = textarea.id;
  const editableId = `${id}-editor`;
  const label = labelOf(textarea);

  const status = h("div", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  const mount = h("div", { class: "rich-text-area" });
  const container = h("div", { class: "rich-text" });
  textarea.after(container);

  const attributes = {
    id: editableId,
    class: "rich-text-editable",
    role: "textbox",
    "aria-multiline": "true",
  };
  if (label.id) {
    attributes["aria-labelledby"] = label.id;
  } else {
    attributes["aria-label"] = label.text;
  }

  for (const name of ["aria-describedby", "aria-invalid", "aria-required"]) {
    if (textarea.hasAttribute(name)) {
      attributes[name] = textarea.getAttribute(name);
    }
  }

  // Hidden, a required textarea would block the submit with a message pointing at nothing: the server checks instead.
  if (textarea.required) {
    attributes["aria-required"] = "true";
    textarea.required = false;
  }

  textarea.hidden = true;

  let refreshToolbar = () => {};
  const editor = new Editor({
    element: mount,
    extensions: editorExtensions(),
    content: textarea.value,
    // TipTap would add a <style> element, which the Content-Security-Policy (style-src 'self') refuses: editor.css has it.
    injectCSS: false,
    editorProps: { attributes },
    onUpdate: ({ editor: changed }) => {
      // The empty paragraph kept after a final image (so that one can type after it) is not content.
      textarea.value = changed.isEmpty ? "" : changed.getHTML().replace(/(<p><\/p>)+$/, "");
      // As typing in the textarea itself would: the page knows the form has changes not saved yet (admin.js).
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onTransaction: () => refreshToolbar(),
  });

  // The back office's pages sit beside its assets: …/admin/assets/editor.js → …/admin/contenus/liens.
  const openLinkDialog = createLinkDialog(editor, { id, status, searchUrl: new URL("../contenus/liens", scriptUrl).href });
  const pickerUrl = textarea.getAttribute("data-media-picker-url");
  const openImageDialog = pickerUrl ? createImageDialog(editor, { id, status, pickerUrl, textarea }) : null;
  const toolbar = createToolbar(editor, { label: label.text, controls: editableId, actions: { openLinkDialog, openImageDialog } });
  refreshToolbar = toolbar.refresh;
  container.append(toolbar.element, mount, status);

  // The label points at the hidden textarea: a click on it goes to the editor instead.
  if (label.element) {
    label.element.addEventListener("click", (event) => {
      event.preventDefault();
      editor.commands.focus();
    });
  }
}

// Without its texts the editor does not start, and the textarea stays as it is: still a working field.
loadTexts(new URL("editor-texts.json", scriptUrl)).then(
  () => document.querySelectorAll("textarea[data-rich-text]").forEach(enhance),
  (error) => console.warn(error),
);
