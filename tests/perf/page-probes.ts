import type { Page } from "@playwright/test";

// In-page instruments for the stack page benchmark, installed before any of the page's own scripts run.
// Plain JavaScript text: the browser runs it as is, without the transpiler's helpers.

export const COMMIT_MEASURE = "jobs-table-commit";
/** The stream's handling of one change set: parse, apply to the list, update the cache (use-queue-stream.ts). */
export const APPLY_MEASURE = "change-set-apply";

/**
 * Records when the first job row enters the DOM, each scheduled-jobs response, every long task, and layout
 * shift (the sum of Chromium's layout-shift scores not caused by input, as in CLS).
 */
export const PROBE_SCRIPT = `
(() => {
  const probe = { firstRowAt: null, responses: [], longTasks: [], layoutShift: 0 };
  window.__stackBench = probe;
  const observer = new MutationObserver(() => {
    if (probe.firstRowAt === null && document.querySelector('[data-testid="job-row"]')) {
      probe.firstRowAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ at: entry.startTime, ms: entry.duration });
  }).observe({ type: "longtask" });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) probe.layoutShift += entry.value;
  }).observe({ type: "layout-shift" });
  const originalFetch = window.fetch;
  window.fetch = async (...args) => {
    const response = await originalFetch(...args);
    const url = String(args[0] instanceof Request ? args[0].url : args[0]);
    if (url.includes("/scheduled-jobs")) {
      const headersAt = performance.now();
      const json = response.json.bind(response);
      response.json = async () => {
        const parseStart = performance.now();
        const body = await json();
        probe.responses.push({ headersAt, parseStart, parseEnd: performance.now() });
        return body;
      };
    }
    return response;
  };
})();
`;

export interface ProbeResponse {
  headersAt: number;
  parseStart: number;
  parseEnd: number;
}

export interface ProbeSnapshot {
  firstRowAt: number | null;
  responses: ProbeResponse[];
  longTasks: { at: number; ms: number }[];
  layoutShift: number;
  commits: { start: number; end: number; ms: number }[];
}

/** The probe's records plus the page's commit measures, read in one round trip. */
export function readProbe(page: Page): Promise<ProbeSnapshot> {
  return page.evaluate((name) => {
    const probe = (window as unknown as { __stackBench: Omit<ProbeSnapshot, "commits"> }).__stackBench;
    const commits = performance
      .getEntriesByName(name, "measure")
      .map((e) => ({ start: e.startTime, end: e.startTime + e.duration, ms: e.duration }));
    return { ...probe, commits };
  }, COMMIT_MEASURE);
}

/** Forgets what was recorded so far, so the next reading covers one refresh only. */
export function resetProbe(page: Page): Promise<void> {
  return page.evaluate((name) => {
    const probe = (window as unknown as { __stackBench: Omit<ProbeSnapshot, "commits" | "firstRowAt"> }).__stackBench;
    probe.responses = [];
    probe.longTasks = [];
    probe.layoutShift = 0;
    performance.clearMeasures(name);
  }, COMMIT_MEASURE);
}

export interface NavigationFigures {
  responseStart: number;
  responseEnd: number;
  domContentLoaded: number;
  load: number;
  firstContentfulPaint: number;
  documentBytes: number;
}

export function readNavigation(page: Page): Promise<NavigationFigures> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return {
      responseStart: nav.responseStart,
      responseEnd: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      firstContentfulPaint: fcp ? fcp.startTime : Number.NaN,
      documentBytes: nav.decodedBodySize,
    };
  });
}

/** Ids of the job rows in the DOM (the virtualized window), in screen order. */
export function renderedRowIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="job-row"]', (rows) =>
    rows
      .map((row) => ({ id: row.getAttribute("data-job-id") ?? "", top: row.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top)
      .map((row) => row.id),
  );
}
