import "server-only";
import type { Store } from "../store/store";
import { TIMED_OUT, withDeadline } from "./deadline";

export type StoreReadiness = "ok" | "unreachable" | "timed out" | "not migrated";

/**
 * Reachable: the store opens and answers a query within `timeoutMs` ("timed out" otherwise: still opening,
 * or a database that never answers). Migrated: every migration this build knows is recorded, so no request
 * will meet a table that is not there yet.
 */
export async function storeReadiness(
  openStore: () => Promise<Store>,
  expectedMigrations: readonly string[],
  timeoutMs: number,
): Promise<StoreReadiness> {
  const applied = await withDeadline(
    openStore().then(({ db }) => db.query<{ id: string }>("SELECT id FROM schema_migrations")),
    timeoutMs,
  ).catch(() => null);
  if (applied === null) return "unreachable";
  if (applied === TIMED_OUT) return "timed out";
  const ids = new Set(applied.map((row) => row.id));
  return expectedMigrations.every((id) => ids.has(id)) ? "ok" : "not migrated";
}
