import "server-only";
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConsoleError } from "../route-kit/console-error";
import type { JobRef, RestClient } from "../buildkite/rest";
import { createSharedRead } from "../live/shared-read";
import { LogMirror } from "./log-mirror";

/** A running job's log is re-read at most this often, however many viewers follow it. */
const FOLLOW_SYNC_MS = 3_000;
/** Whether a job has finished is re-read at most this often (one build read serves all its jobs). */
const BUILD_STATE_TTL_MS = 10_000;
const MAX_MIRRORS = 8;
/** Disk the mirrors may take together (raw bytes; the rows' text adds less than as much again). */
const MAX_MIRRORED_BYTES = 2 * 1024 ** 3;
const TERMINAL_JOB_STATES = new Set([
  "passed",
  "failed",
  "canceled",
  "timed_out",
  "skipped",
  "broken",
  "expired",
  "finished",
  "not_run",
  "waiting_failed",
  "blocked_failed",
  "unblocked_failed",
]);

interface Entry {
  mirror: LogMirror;
  syncing: Promise<void> | null;
  lastSyncAt: number;
  /** True once the whole log as it stood has been mirrored at least once. */
  fetched: boolean;
}

/**
 * Every mirrored log of the process, least recently used evicted (its files deleted) beyond a few. One
 * sync at a time per log, shared by every request that needs it.
 */
export function createLogMirrors({ client, now = Date.now }: { client: RestClient; now?: () => number }) {
  const entries = new Map<string, Entry>();
  const builds = createSharedRead<Map<string, boolean>>({ ttlMs: BUILD_STATE_TTL_MS, maxEntries: 64 });
  const key = (ref: JobRef) => [ref.org, ref.pipeline, ref.build, ref.job].join("\u0000");
  // One folder per process, removed when it exits, so a restart never leaves mirrors behind for good.
  let root: Promise<string> | null = null;
  const processRoot = () =>
    (root ??= mkdtemp(join(tmpdir(), "stack-console-logs-")).then((dir) => {
      process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
      return dir;
    }));

  /** Whether the job has finished (its log will not grow); a job the build does not have is not found. */
  async function jobFinished(ref: JobRef): Promise<boolean> {
    const buildKey = [ref.org, ref.pipeline, ref.build].join("\u0000");
    const { value: finished } = await builds.read(buildKey, async () => {
      const build = await client.getBuild(ref);
      return new Map(
        (build.data.jobs ?? []).map((job) => [
          job.id,
          job.finishedAt !== null || (job.state !== null && TERMINAL_JOB_STATES.has(job.state)),
        ]),
      );
    });
    const state = finished.get(ref.job);
    if (state === undefined)
      throw new ConsoleError(
        "not_found",
        `Build ${ref.build} of ${ref.pipeline} has no job ${ref.job}.`,
        "job_not_in_build",
        { source: "console" },
      );
    return state;
  }

  async function entryFor(ref: JobRef): Promise<Entry> {
    const id = key(ref);
    const existing = entries.get(id);
    if (existing !== undefined) {
      entries.delete(id);
      entries.set(id, existing);
      return existing;
    }
    const dir = await mkdtemp(join(await processRoot(), "log-"));
    const entry: Entry = { mirror: new LogMirror(ref, client, dir), syncing: null, lastSyncAt: 0, fetched: false };
    entries.set(id, entry);
    evict();
    return entry;
  }

  /** Least recently used first, beyond the count or the disk budget; never the one just used. */
  function evict(): void {
    let bytes = [...entries.values()].reduce((total, entry) => total + entry.mirror.size, 0);
    while (entries.size > 1 && (entries.size > MAX_MIRRORS || bytes > MAX_MIRRORED_BYTES)) {
      const [oldestId, oldest] = entries.entries().next().value ?? [];
      if (oldestId === undefined || oldest === undefined) break;
      entries.delete(oldestId);
      bytes -= oldest.mirror.size;
      void (oldest.syncing ?? Promise.resolve()).finally(() => oldest.mirror.close());
    }
  }

  /** Starts (or joins) a sync when one is due; resolves when it is done. */
  function refresh(entry: Entry): Promise<void> {
    if (entry.syncing !== null) return entry.syncing;
    if (entry.mirror.final || (entry.fetched && now() - entry.lastSyncAt < FOLLOW_SYNC_MS)) return Promise.resolve();
    entry.syncing = (async () => {
      const finished = await jobFinished(entry.mirror.ref);
      await entry.mirror.sync(finished);
      entry.fetched = true;
      entry.lastSyncAt = now();
    })().finally(() => {
      entry.syncing = null;
      evict();
    });
    return entry.syncing;
  }

  return { entryFor, refresh, jobFinished };
}

export type LogMirrors = ReturnType<typeof createLogMirrors>;
export type { Entry as LogMirrorEntry };
