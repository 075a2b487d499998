import "server-only";
import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";

/** Where the durable store lives, or why this console must not start with the store it was given. */
export type StorePlacement =
  { kind: "postgres"; url: string } | { kind: "embedded"; dataDir: string } | { kind: "refused"; message: string };

export interface StoreSetting {
  mode: "demo" | "live";
  databaseUrl: string | undefined;
  dataDir: string;
  /** A serverless host (Vercel): each function instance has its own disk, gone when the instance is. */
  serverless: boolean;
  /** Whether DATA_DIR can be created and written here (see `dataDirWritable`). */
  dataDirWritable: boolean;
}

const IN_MEMORY = "memory://";

/**
 * PostgreSQL when DATABASE_URL is set. Otherwise the embedded PGlite store, which is only durable on a disk
 * that outlives the process: a live console on a serverless host or a read-only disk would lose its audit
 * log and reservation ledger (or fail its first write), so it refuses to start. The demo has nothing worth
 * keeping and its simulated cluster is per instance anyway, so there it keeps the store in memory.
 */
export function placeStore(setting: StoreSetting): StorePlacement {
  if (setting.databaseUrl) return { kind: "postgres", url: setting.databaseUrl };
  const ephemeral = setting.serverless || (setting.dataDir !== IN_MEMORY && !setting.dataDirWritable);
  if (!ephemeral) return { kind: "embedded", dataDir: setting.dataDir };
  if (setting.mode === "demo") return { kind: "embedded", dataDir: IN_MEMORY };
  const where = setting.serverless
    ? "on Vercel each function instance has a disk of its own that goes when the instance does"
    : `DATA_DIR (${setting.dataDir}) cannot be written here`;
  return {
    kind: "refused",
    message:
      `Invalid configuration: DATABASE_URL must be set: ${where}, so the embedded store would lose the ` +
      "audit log and the reservation ledger. Set DATABASE_URL to a PostgreSQL database (postgres://…), and " +
      "REDIS_URL as well to share Buildkite reads between instances.",
  };
}

/** Whether the embedded store could live in `dataDir`: creating it, or writing into it, must work. */
export async function dataDirWritable(dataDir: string): Promise<boolean> {
  if (dataDir === IN_MEMORY) return true;
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The placement for this configuration, probing the disk only when the answer depends on it. */
export async function storePlacementFor(
  cfg: Pick<StoreSetting, "mode" | "databaseUrl" | "dataDir" | "serverless">,
): Promise<StorePlacement> {
  const probe = !cfg.databaseUrl && !cfg.serverless;
  return placeStore({ ...cfg, dataDirWritable: probe ? await dataDirWritable(cfg.dataDir) : true });
}
