#!/usr/bin/env node
// Runs the TypeScript source through tsx in a checkout, so `npx bkci` always runs the code beside it; an
// install without dev dependencies (no tsx) runs the bundle `npm run build:cli` made instead.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const source = fileURLToPath(new URL("../cli/main.ts", import.meta.url));
const tsx = existsSync(source) ? await import("tsx/esm/api").catch(() => null) : null;
if (tsx) {
  // tsImport loads the source whatever module format Node would pick for it, with the tsconfig's @/ alias.
  await tsx.tsImport("../cli/main.ts", {
    parentURL: import.meta.url,
    tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)),
  });
} else {
  const bundle = fileURLToPath(new URL("../dist/bkci.mjs", import.meta.url));
  if (!existsSync(bundle)) {
    process.stderr.write("bkci: no tsx to run the source and no dist/bkci.mjs: run `npm run build:cli` first.\n");
    process.exit(1);
  }
  await import(pathToFileURL(bundle).href);
}
