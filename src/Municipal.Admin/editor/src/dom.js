// A small element builder: attributes and children, never innerHTML (so no markup is ever parsed from data).
export function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }

    if (name === "text") {
      element.textContent = value;
    } else if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }

  for (const child of [].concat(children)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }

  return element;
}

/** Says a short message through a live region: emptied first, so the same message twice is read twice. */
export function announce(region, message) {
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/**
 * A search field that searches as one types (after a short pause) and at once on Enter, which then submits nothing.
 * Returns what cancels a search still waiting.
 */
export function searchAsYouType(input, search) {
  let timer = 0;
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => search(input.value.trim()), 300);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      window.clearTimeout(timer);
      search(input.value.trim());
    }
  });
  return () => window.clearTimeout(timer);
}
