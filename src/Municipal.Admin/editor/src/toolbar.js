// The toolbar above the editable area (WAI-ARIA toolbar pattern): one tab stop, arrow keys, Home and End move
// between its buttons; toggles say their state with aria-pressed; Undo and Redo are aria-disabled when they can do
// nothing (still focusable, so the arrow keys do not skip them).
import { h } from "./dom.js";
import { format, texts } from "./texts.js";

function commands(editor, actions) {
  const chain = () => editor.chain().focus();
  const heading = (level) => ({
    name: format(texts.heading, level),
    className: "rich-text-heading",
    shortcut: `Control+Alt+${level}`,
    run: () => chain().toggleHeading({ level }).run(),
    isActive: () => editor.isActive("heading", { level }),
  });

  return [
    { name: texts.bold, className: "rich-text-bold", shortcut: "Control+B", run: () => chain().toggleBold().run(), isActive: () => editor.isActive("bold") },
    { name: texts.italic, className: "rich-text-italic", shortcut: "Control+I", run: () => chain().toggleItalic().run(), isActive: () => editor.isActive("italic") },
    heading(2),
    heading(3),
    heading(4),
    { name: texts.bulletList, shortcut: "Control+Shift+8", run: () => chain().toggleBulletList().run(), isActive: () => editor.isActive("bulletList") },
    { name: texts.orderedList, shortcut: "Control+Shift+7", run: () => chain().toggleOrderedList().run(), isActive: () => editor.isActive("orderedList") },
    { name: texts.blockquote, shortcut: "Control+Shift+B", run: () => chain().toggleBlockquote().run(), isActive: () => editor.isActive("blockquote") },
    { name: texts.link, dialog: true, run: actions.openLinkDialog },
    actions.openImageDialog ? { name: texts.image, dialog: true, run: actions.openImageDialog } : null,
    { name: texts.undo, shortcut: "Control+Z", run: () => chain().undo().run(), isEnabled: () => editor.can().undo() },
    { name: texts.redo, shortcut: "Control+Shift+Z", run: () => chain().redo().run(), isEnabled: () => editor.can().redo() },
  ].filter(Boolean);
}

/**
 * Builds the toolbar for an editor. <paramref>actions</paramref> opens the dialogs (openImageDialog may be null:
 * no media picker, no Image button). Returns the element and a refresh function to call after each transaction.
 */
export function createToolbar(editor, { label, controls, actions }) {
  const items = commands(editor, actions);
  const toolbar = h("div", { class: "rich-text-toolbar", role: "toolbar", "aria-label": format(texts.toolbarLabel, label), "aria-controls": controls });
  let current = 0;

  const buttons = items.map((item, index) => {
    const button = h("button", {
      type: "button",
      class: ["rich-text-button", item.className].filter(Boolean).join(" "),
      tabindex: index === 0 ? "0" : "-1",
      "aria-pressed": item.isActive ? "false" : null,
      "aria-haspopup": item.dialog ? "dialog" : null,
      "aria-keyshortcuts": item.shortcut || null,
      text: item.name,
    });
    button.addEventListener("click", () => {
      moveTo(index, false);
      if (button.getAttribute("aria-disabled") === "true") {
        return;
      }

      item.run();
    });
    toolbar.append(button);
    return button;
  });

  function moveTo(index, focus = true) {
    current = (index + buttons.length) % buttons.length;
    buttons.forEach((button, i) => button.setAttribute("tabindex", i === current ? "0" : "-1"));
    if (focus) {
      buttons[current].focus();
    }
  }

  toolbar.addEventListener("keydown", (event) => {
    const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.length - 1 };
    if (event.key in moves && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      moveTo(moves[event.key]);
    }
  });

  function refresh() {
    items.forEach((item, index) => {
      if (item.isActive) {
        buttons[index].setAttribute("aria-pressed", item.isActive() ? "true" : "false");
      }

      if (item.isEnabled) {
        if (item.isEnabled()) {
          buttons[index].removeAttribute("aria-disabled");
        } else {
          buttons[index].setAttribute("aria-disabled", "true");
        }
      }
    });
  }

  refresh();
  return { element: toolbar, refresh };
}
