// Bundles bkci (cli/main.ts) into one ESM file that plain `node` runs with no node_modules beside it.
// Usage: node scripts/build-cli.mjs [outfile]   (default dist/bkci.mjs)
import { rename } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = process.argv[2] ?? `${root}dist/bkci.mjs`;
// Built beside the target and moved into place, so a run that starts meanwhile never loads half a file.
const partial = `${outfile}.${process.pid}.partial`;

await build({
  absWorkingDir: root,
  entryPoints: ["cli/main.ts"],
  outfile: partial,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // The @/ alias comes from tsconfig.json's paths, which esbuild reads itself.
  tsconfig: "tsconfig.json",
  // CommonJS dependencies (pino, undici) call require(); an ESM bundle must provide it.
  banner: {
    js: 'import { createRequire as __bkciRequire } from "node:module"; const require = __bkciRequire(import.meta.url);',
  },
  legalComments: "none",
  logLevel: "warning",
});
await rename(partial, outfile);
