#!/usr/bin/env node
// Runs the bundled CLI (npm run build:cli) when it is there, else the TypeScript source through tsx, so
// `npx bkci` works in a checkout without a build.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const bundle = fileURLToPath(new URL("../dist/bkci.mjs", import.meta.url));
if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  // tsImport loads the source whatever module format Node would pick for it, with the tsconfig's @/ alias.
  const { tsImport } = await import("tsx/esm/api");
  await tsImport("../cli/main.ts", {
    parentURL: import.meta.url,
    tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)),
  });
}
