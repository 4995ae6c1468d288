// The schema of the editor: what StarterKit offers, less what the site's rich text does not use, plus links and
// images of the media library.
import StarterKit from "@tiptap/starter-kit";
import Link from "@tiptap/extension-link";
import Image from "@tiptap/extension-image";
import { ListItem, ListKeymap } from "@tiptap/extension-list";
import { isAllowedHref, isLibraryImage } from "./urls.js";

// Tab leaves the editor, even inside a list: a keyboard user must never be trapped. (Lists are built with the toolbar.)
const ListItemWithoutTab = ListItem.extend({
  addKeyboardShortcuts() {
    return { Enter: () => this.editor.commands.splitListItem(this.name) };
  },
});

const ListKeymapWithoutTab = ListKeymap.extend({
  addKeyboardShortcuts() {
    const shortcuts = { ...this.parent?.() };
    delete shortcuts.Tab;
    return shortcuts;
  },
});

// Images only from the media library: pasted images of other hosts or data: URLs are dropped when parsed.
const LibraryImage = Image.extend({
  parseHTML() {
    return [{ tag: "img[src]", getAttrs: (element) => (isLibraryImage(element.getAttribute("src")) ? null : false) }];
  },
});

export function editorExtensions() {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: false,
      listItem: false,
      listKeymap: false,
    }),
    ListItemWithoutTab,
    ListKeymapWithoutTab,
    Link.configure({
      openOnClick: false,
      enableClickSelection: true,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: "https",
      HTMLAttributes: { target: null, rel: null, class: null },
      isAllowedUri: (url) => isAllowedHref(url),
    }),
    LibraryImage.configure({ inline: false, allowBase64: false }),
  ];
}
