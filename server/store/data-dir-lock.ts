import "server-only";
import { readFileSync, rmSync } from "node:fs";
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
    super(
      `DATA_DIR ${dataDir} is in use by another console (process ${pid}); give each console its own DATA_DIR, or share a PostgreSQL through DATABASE_URL.`,
    );
    this.name = "DataDirInUseError";
  }
}

/**
 * When a process started (clock ticks since boot, from Linux's /proc), or null where there is no /proc.
 * A process id alone can be reused, above all in a restarted container; with its start time it cannot.
 */
function startTimeOf(pid: number | "self"): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses; the fields after it are plain.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
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

/** Whether the process that wrote `claim` ("pid starttime") still runs, and is not this one. */
function heldByAnother(claim: string): number | null {
  const [pidText = "", started = ""] = claim.trim().split(" ");
  const pid = Number.parseInt(pidText, 10);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return null;
  const now = startTimeOf(pid);
  return started !== "" && now !== null && now !== started ? null : pid;
}

/**
 * Claims `dataDir` for this process, since PGlite lets only one process at a time own its files. A claim
 * whose process is gone (a crash, a kill, a container restart) is taken over. Returns the release, which
 * also runs if the process exits without closing the store.
 */
export async function claimDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  // Written aside and linked into place, so nobody ever reads a lock file without its process id.
  const draft = `${path}.${process.pid}`;
  await writeFile(draft, `${process.pid} ${startTimeOf("self") ?? ""}`.trim());
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(draft, path);
        const releaseAtExit = () => rmSync(path, { force: true });
        process.once("exit", releaseAtExit);
        return async () => {
          process.off("exit", releaseAtExit);
          await rm(path, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const owner = heldByAnother(await readFile(path, "utf8").catch(() => ""));
      if (owner !== null) throw new DataDirInUseError(dataDir, owner);
      await rm(path, { force: true });
    }
  } finally {
    await rm(draft, { force: true });
  }
  throw new Error(`could not claim DATA_DIR ${dataDir}: its lock file keeps changing`);
}
