// The editor's words. Like every word of the back office they live in CoreText.resx (keys Editor*): the server
// answers them as JSON (GET /admin/assets/editor-texts.json, RichTextEditorTexts.cs) and the editor reads them
// before it starts. "{0}" in a text is filled in with format().
export const texts = {};

export async function loadTexts(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) {
    throw new Error(`The editor's texts could not be loaded (HTTP ${response.status}).`);
  }

  Object.assign(texts, await response.json());
}

export function format(template, ...values) {
  return template.replace(/\{(\d+)\}/g, (placeholder, index) => (index < values.length ? String(values[index]) : placeholder));
}
