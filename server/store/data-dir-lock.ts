import "server-only";
import { link, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

const LOCK_FILE = "console.pid";

// Branded like ConsoleError so `instanceof` holds across Next's separately bundled copies of a module.
const brand = Symbol.for("stack-console.DataDirInUseError");

/** Another live console owns the embedded database: opening it too would corrupt it. */
export class DataDirInUseError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && brand in value;
  }

  readonly [brand] = true;

  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`DATA_DIR ${dataDir} is in use by another console (process ${pid}); give each console its own DATA_DIR, or share a PostgreSQL through DATABASE_URL.`);
    this.name = "DataDirInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims `dataDir` for this process, since PGlite lets only one process at a time own its files. A claim
 * left by a process that is gone (a crash, a kill) is taken over; so is one carrying this process's own
 * id, which in a container restarted as pid 1 can only be a leftover. Returns the release.
 */
export async function claimDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  // Written aside and linked into place, so nobody ever reads a lock file without its process id.
  const draft = `${path}.${process.pid}`;
  await writeFile(draft, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(draft, path);
        return () => rm(path, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const owner = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) throw new DataDirInUseError(dataDir, owner);
      await rm(path, { force: true });
    }
  } finally {
    await rm(draft, { force: true });
  }
  throw new Error(`could not claim DATA_DIR ${dataDir}: its lock file keeps changing`);
}
