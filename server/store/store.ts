import "server-only";
import { config } from "../config";
import { ConsoleError } from "../route-kit/console-error";
import { createAuditLog, type AuditLog } from "./audit";
import { openDatabase, type Database } from "./database";
import { DataDirInUseError } from "./data-dir-lock";
import { storePlacementFor } from "./store-placement";

export interface Store {
  db: Database;
  audit: AuditLog;
}

export async function openStore(options: { url?: string; dataDir?: string }): Promise<Store> {
  const db = await openDatabase(options);
  return { db, audit: createAuditLog(db) };
}

const STORE_IN_USE_MESSAGE =
  "The console's embedded store is held by another console process, so no change can be recorded and none is made. Each console needs its own DATA_DIR, or all must share DATABASE_URL.";

const STORE_REFUSED_MESSAGE =
  "The console has no durable store on this host, so no change can be recorded and none is made. Its server log says what to set.";

// On globalThis so that Next's separately bundled route and page modules share one connection pool (and,
// for PGlite, one owner of the data directory, which allows only one).
const holder = globalThis as typeof globalThis & { __stackConsoleStore?: Promise<Store> };

/** The console's durable store, opened and migrated on first use. */
export function store(): Promise<Store> {
  holder.__stackConsoleStore ??= (async () => {
    const placement = await storePlacementFor(config());
    // Start-up stops a console whose store is refused; this keeps any other caller from opening it anyway.
    if (placement.kind === "refused")
      throw new ConsoleError("internal_error", STORE_REFUSED_MESSAGE, "store_refused", {});
    return openStore(placement.kind === "postgres" ? { url: placement.url } : { dataDir: placement.dataDir });
  })().catch((error: unknown) => {
    holder.__stackConsoleStore = undefined;
    if (error instanceof DataDirInUseError) {
      // Changes cannot be recorded, so none is made; the operator learns why instead of an opaque error.
      throw new ConsoleError("internal_error", STORE_IN_USE_MESSAGE, "store_in_use", {}, { cause: error });
    }
    throw error;
  });
  return holder.__stackConsoleStore;
}
