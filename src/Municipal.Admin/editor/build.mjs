// Bundles the rich-text editor into ../wwwroot/editor.js and editor.css (generated, not committed; embedded into
// Municipal.Admin by its .csproj, which runs this script). One IIFE, no module loader: admin.js adds it with a
// <script> element only on pages that have a textarea[data-rich-text].
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

await build({
  absWorkingDir: here,
  entryPoints: ["src/editor.js", "src/editor.css"],
  outdir: "../wwwroot",
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  platform: "browser",
  charset: "utf8",
  legalComments: "eof",
  logLevel: "warning",
});
