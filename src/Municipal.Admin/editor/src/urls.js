// Which addresses the editor lets into the text. The server sanitizes again on save (RichText.cs); these rules keep
// the editor from showing what would not survive it, and keep images to those of the tenant's own media library.

const schemePattern = /^([a-z][a-z0-9+.-]*):/i;
const allowedLinkSchemes = new Set(["http", "https", "mailto", "tel"]);

/** A link target: http(s), mailto and tel addresses, or a path of this site ("/..." but not "//host"). */
export function isAllowedHref(href) {
  const value = (href || "").trim();
  if (value === "") {
    return false;
  }

  const scheme = schemePattern.exec(value);
  if (scheme) {
    return allowedLinkSchemes.has(scheme[1].toLowerCase());
  }

  return (value.startsWith("/") && !value.startsWith("//")) || value.startsWith("#");
}

/** What an officer typed, completed as they meant it: "www.x.be" is a web address, "a@b.be" an e-mail address. */
export function completeHref(input) {
  const value = (input || "").trim();
  if (value === "" || schemePattern.test(value) || value.startsWith("/") || value.startsWith("#")) {
    return value;
  }

  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) {
    return "mailto:" + value;
  }

  if (/^[^\s/]+\.[^\s/]+/.test(value)) {
    return "https://" + value;
  }

  return value;
}

/** An image of this site (the media library serves them on the tenant's own origin); never data: or another host. */
export function isLibraryImage(src) {
  const value = (src || "").trim();
  if (value === "" || value.startsWith("//")) {
    return false;
  }

  try {
    const url = new URL(value, window.location.href);
    return url.origin === window.location.origin && (url.protocol === "http:" || url.protocol === "https:");
  } catch {
    return false;
  }
}
