import "server-only";
import { config } from "../config";
import { createAuditLog, type AuditLog } from "./audit";
import { openDatabase, type Database } from "./database";

export interface Store {
  db: Database;
  audit: AuditLog;
}

export async function openStore(options: { url?: string; dataDir?: string }): Promise<Store> {
  const db = await openDatabase(options);
  return { db, audit: createAuditLog(db) };
}

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
    throw error;
  });
  return holder.__stackConsoleStore;
}
