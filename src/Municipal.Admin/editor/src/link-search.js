// The link dialog's search of the site's own pages by title: GET searchUrl?q= answers a JSON array of
// { title, url, type, published } (ContentLinkSearch.cs). The results are a list of buttons (Tab reaches each, Enter
// or Space chooses); a choice fills the address (and the link's text when it is asked and empty) and moves there.
import { h, searchAsYouType } from "./dom.js";
import { format, texts } from "./texts.js";
import { isAllowedHref } from "./urls.js";

export function createLinkSearch({ id, searchUrl, onChoose }) {
  const searchId = `${id}-link-search`;
  const resultsId = `${id}-link-results`;
  let searchToken = 0;

  const input = h("input", { id: searchId, type: "search", autocomplete: "off", "aria-describedby": `${searchId}-hint`, "aria-controls": resultsId });
  const status = h("p", { class: "rich-text-picker-status", role: "status" });
  const list = h("ul", { id: resultsId, class: "rich-text-link-results", "aria-label": texts.linkSearchResults });
  const element = h("div", { class: "rich-text-link-search" }, [
    h("div", { class: "field" }, [
      h("label", { for: searchId, text: texts.linkSearch }),
      h("p", { id: `${searchId}-hint`, class: "hint", text: texts.linkSearchHint }),
      input,
    ]),
    status,
    list,
  ]);

  function render(choices) {
    list.replaceChildren(
      ...choices.map((choice) => {
        const details = choice.published ? `${choice.type} · ${choice.url}` : `${choice.type} · ${texts.linkSearchDraft} · ${choice.url}`;
        const button = h("button", { type: "button", class: "rich-text-link-choice" }, [
          h("span", { class: "rich-text-link-choice-title", text: choice.title }),
          h("span", { class: "rich-text-link-choice-details", text: details }),
        ]);
        button.addEventListener("click", () => {
          // Said inside the dialog: outside it, the modal dialog makes the page inert.
          status.textContent = format(texts.linkSearchChosen, choice.title);
          onChoose(choice);
        });
        return h("li", {}, [button]);
      }),
    );
    list.hidden = choices.length === 0;
  }

  async function load(query) {
    const token = ++searchToken;
    if (query === "") {
      render([]);
      status.textContent = "";
      return;
    }

    let found;
    try {
      const url = new URL(searchUrl);
      url.searchParams.set("q", query);
      if (url.origin !== window.location.origin) {
        throw new Error("The page search must be on this site.");
      }

      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }

      const body = await response.json();
      found = (Array.isArray(body) ? body : []).filter((item) => item && typeof item.title === "string" && isAllowedHref(item.url) && item.url.startsWith("/"));
    } catch {
      found = null;
    }

    if (token !== searchToken) {
      return;
    }

    render(found || []);
    status.textContent = found === null ? texts.linkSearchFailed
      : found.length === 0 ? texts.linkSearchNone
      : found.length === 1 ? texts.linkSearchCountOne
      : format(texts.linkSearchCount, found.length);
  }

  // Enter in the search field searches at once instead of inserting the link.
  const cancelSearch = searchAsYouType(input, load);

  return {
    element,
    reset() {
      cancelSearch();
      searchToken++;
      input.value = "";
      status.textContent = "";
      render([]);
    },
  };
}
