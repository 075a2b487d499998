import "server-only";
import { config } from "../config";
import { ConsoleError } from "../route-kit/console-error";
import { createAuditLog, type AuditLog } from "./audit";
import { openDatabase, type Database } from "./database";
import { DataDirInUseError } from "./data-dir-lock";

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

// On globalThis so that Next's separately bundled route and page modules share one connection pool (and,
// for PGlite, one owner of the data directory, which allows only one).
const holder = globalThis as typeof globalThis & { __stackConsoleStore?: Promise<Store> };

/** The console's durable store, opened and migrated on first use. */
export function store(): Promise<Store> {
  holder.__stackConsoleStore ??= (async () => {
    const cfg = config();
    return openStore({ url: cfg.databaseUrl, dataDir: cfg.dataDir });
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
