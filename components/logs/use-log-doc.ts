"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/api/api-error";
import type { LogChunk } from "@/lib/schemas/logs";
import { fetchLogChunk, type ChunkRequest, type LogRef } from "@/lib/queries/logs";
import {
  charIndexAtByte,
  coveredBy,
  emptyDoc,
  evictFar,
  findLine,
  insertChunk,
  latestEnd,
  planInsert,
  updateFacts,
  type LogDoc,
} from "../../lib/log/log-chunks";
import { createChunkParser, type ChunkParser } from "../../lib/log/parse-log";

/** Bytes asked for when loading earlier lines: the same order as the server's tail, a few thousand lines. */
export const EARLIER_BYTES = 256 * 1024;
/** How often a running job's log is asked for new lines. */
export const FOLLOW_INTERVAL_MS = 2000;
/** While the server indexes the log the tail comes without line numbers; ask again after these waits. */
const NUMBERING_RETRY_MS = [300, 700, 1500, 3000, 5000];
const LINE_ATTEMPTS = 6;
/** Reads in a row while following a log that grows faster than a chunk per interval. */
const MAX_CATCH_UP_READS = 8;

interface Session {
  parser: ChunkParser;
  controller: AbortController;
  /** Loads run one at a time, so each plans its insert against what is really loaded. */
  queue: Promise<unknown>;
  inFlight: Set<string>;
}

const requestKey = (request: ChunkRequest) =>
  request.kind === "tail"
    ? "tail"
    : request.kind === "before"
      ? `before:${request.before}`
      : request.kind === "line"
        ? `line:${request.line}`
        : `after:${request.after}`;

const asApiError = (error: unknown) =>
  error instanceof ApiError
    ? error
    : new ApiError(
        {
          type: "internal_error",
          message: error instanceof Error ? error.message : String(error),
          httpStatus: null,
          code: "log_viewer",
          retryable: true,
          requestId: "",
          details: { source: "console" },
        },
        0,
      );

/**
 * Loads a job's log part by part: the tail first, earlier parts on demand, a chunk around a line for a jump,
 * and new lines every 2 s while the job runs. Parsed chunks go into a sparse LogDoc; the last failure is
 * kept beside the lines already shown rather than replacing them.
 */
export function useLogDoc(ref: LogRef, focusByte: () => number | null) {
  const [doc, setDoc] = useState<LogDoc>(emptyDoc);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState<ReadonlySet<string>>(() => new Set());
  const docRef = useRef(doc);
  const sessionRef = useRef<Session | null>(null);
  const { pipeline, number, jobId } = ref;

  const commit = useCallback((next: LogDoc) => {
    docRef.current = next;
    setDoc(next);
  }, []);

  const load = useCallback(
    (request: ChunkRequest, unlessLoaded?: () => boolean): Promise<LogChunk | null> => {
      const session = sessionRef.current;
      if (!session) return Promise.resolve(null);
      const key = requestKey(request);
      if (session.inFlight.has(key)) return Promise.resolve(null);
      session.inFlight.add(key);
      setLoading(new Set(session.inFlight));
      const task = async (): Promise<LogChunk | null> => {
        const { signal } = session.controller;
        try {
          if (unlessLoaded?.()) return null;
          const chunk = await fetchLogChunk({ pipeline, number, jobId }, request, signal);
          const facts = { totalBytes: chunk.totalBytes, lineCount: chunk.lineCount, final: chunk.final };
          const plan = planInsert(docRef.current.chunks, chunk.start, chunk.end);
          if (!plan) {
            if (!signal.aborted) commit(updateFacts(docRef.current, facts));
          } else {
            const from = charIndexAtByte(chunk.text, plan.start - chunk.start);
            const to = charIndexAtByte(chunk.text, plan.end - chunk.start);
            const text = chunk.text.slice(from, to);
            const lines = await session.parser.parse(text);
            let firstLine = chunk.firstLine;
            // The part already loaded was cut off the front: count its rows to number what is left.
            if (firstLine !== null && from > 0)
              firstLine += (await session.parser.parse(chunk.text.slice(0, from))).length;
            // Unnumbered chunks this one replaces (the first tail, now numbered): where their rows begin in it.
            const rowsBefore = new Map<number, number>();
            if (firstLine !== null) {
              for (const old of coveredBy(docRef.current, plan.start, plan.end)) {
                if (old.firstLine !== null || !docRef.current.groups.length) continue;
                const cut = charIndexAtByte(text, old.start - plan.start);
                rowsBefore.set(old.start, cut === 0 ? 0 : (await session.parser.parse(text.slice(0, cut))).length);
              }
            }
            if (signal.aborted) return null;
            const inserted = insertChunk(
              docRef.current,
              { start: plan.start, end: plan.end, firstLine, lines, text },
              facts,
              rowsBefore,
            );
            commit(evictFar(inserted, focusByte() ?? plan.start, plan.start));
          }
          setError(null);
          return chunk;
        } catch (caught) {
          if (!signal.aborted) setError(asApiError(caught));
          return null;
        } finally {
          session.inFlight.delete(key);
          if (!signal.aborted) setLoading(new Set(session.inFlight));
        }
      };
      const run = session.queue.then(task, task);
      session.queue = run;
      return run;
    },
    [commit, pipeline, number, jobId, focusByte],
  );

  // The tail first, shown as soon as it is parsed; then again until it comes numbered.
  useEffect(() => {
    const session: Session = {
      parser: createChunkParser(),
      controller: new AbortController(),
      queue: Promise.resolve(),
      inFlight: new Set(),
    };
    sessionRef.current = session;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loadTail = async (attempt: number) => {
      const chunk = await load({ kind: "tail" });
      if (session.controller.signal.aborted || !chunk || chunk.firstLine !== null) return;
      const wait = NUMBERING_RETRY_MS[Math.min(attempt, NUMBERING_RETRY_MS.length - 1)];
      timer = setTimeout(() => void loadTail(attempt + 1), wait);
    };
    void loadTail(0);
    return () => {
      clearTimeout(timer);
      session.controller.abort();
      session.parser.dispose();
      sessionRef.current = null;
    };
  }, [load]);

  // Follow a running job: ask for what came after the last loaded byte until the log is final.
  const loaded = doc.chunks.length > 0;
  const final = doc.final;
  useEffect(() => {
    if (!loaded || final) return;
    let stopped = false;
    // Each read returns at most a chunk: one behind a fast log reads again at once until it has caught up.
    const catchUp = async () => {
      for (let reads = 0; reads < MAX_CATCH_UP_READS && !stopped; reads++) {
        const end = latestEnd(docRef.current);
        if (end === null) return;
        const chunk = await load({ kind: "after", after: end });
        if (!chunk || chunk.end >= chunk.totalBytes) return;
      }
    };
    const timer = setInterval(() => {
      // A tab in the background need not follow; it catches up when shown again.
      if (!document.hidden) void catchUp();
    }, FOLLOW_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [loaded, final, load]);

  const loadBefore = useCallback((before: number) => load({ kind: "before", before, bytes: EARLIER_BYTES }), [load]);
  const loadAfter = useCallback((after: number) => load({ kind: "after", after, bytes: EARLIER_BYTES }), [load]);

  /**
   * Loads the chunk holding line `line` unless it is loaded: "loaded" once it is, "missing" when the
   * server's numbered answer shows the log has no such line, "failed" when no answer said (the error is
   * kept beside the lines). Asking by line needs the server's index, which a first visit may still be
   * building: then it asks again a few times.
   */
  const ensureLine = useCallback(
    async (line: number): Promise<"loaded" | "missing" | "failed"> => {
      const isLoaded = () => findLine(docRef.current, line) !== null;
      for (let attempt = 0; attempt < LINE_ATTEMPTS && sessionRef.current; attempt++) {
        if (attempt > 0)
          await new Promise((resolve) =>
            setTimeout(resolve, NUMBERING_RETRY_MS[Math.min(attempt, NUMBERING_RETRY_MS.length - 1)]),
          );
        const chunk = await load({ kind: "line", line }, isLoaded);
        if (isLoaded()) return "loaded";
        if (chunk && chunk.firstLine !== null) return "missing";
      }
      return isLoaded() ? "loaded" : "failed";
    },
    [load],
  );

  return { doc, setDoc: commit, docRef, error, loading, loadBefore, loadAfter, ensureLine };
}
