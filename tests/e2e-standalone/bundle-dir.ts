import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2E_PORT } from "../support/playwright-base";

// One fixed place per port, emptied at each start: a run stopped hard cannot leave bundles piling up, and
// two checkouts on different ports keep apart.
export const BUNDLE_ROOT = join(tmpdir(), `stack-console-standalone-${E2E_PORT}`);
/** The assembled bundle: what the container image's final stage holds. */
export const BUNDLE_DIR = join(BUNDLE_ROOT, "app");
/** The embedded store, outside the bundle as the image's DATA_DIR volume is. */
export const BUNDLE_DATA_DIR = join(BUNDLE_ROOT, "data");
