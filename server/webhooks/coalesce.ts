import "server-only";

/**
 * Runs `task` at once when it is idle, else once more after the run in flight and no sooner than `gapMs`
 * after that run started; every call made meanwhile shares that one run. A burst of deliveries (a build
 * fanning out into hundreds of jobs) thus costs one refresh now and one when the burst has been seen,
 * never one each. Each call's promise settles after a run that started after the call.
 */
export function coalesce(
  task: () => Promise<void>,
  {
    gapMs,
    now = Date.now,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  }: { gapMs: number; now?: () => number; sleep?: (ms: number) => Promise<void> },
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let lastStart = -Infinity;

  function start(): Promise<void> {
    lastStart = now();
    const run = task().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  }

  return () => {
    if (queued) return queued;
    if (!running && now() - lastStart >= gapMs) return start();
    queued = (async () => {
      await running?.catch(() => undefined);
      const wait = lastStart + gapMs - now();
      if (wait > 0) await sleep(wait);
      queued = null;
      return start();
    })();
    return queued;
  };
}
