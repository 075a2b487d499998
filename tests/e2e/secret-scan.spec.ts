import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, test } from "@playwright/test";
import { deriveTokens } from "../../server/simulator/tokens";
import { CANARY_API_TOKEN } from "./canary";
import { resetSimulator, sim } from "./demo-simulator";

// The console holds tokens that can fail any build: none may reach what a browser can load. The build
// under test got a canary REST token in its environment (playwright.config.ts), and the demo serves the
// simulator of seed 42, whose tokens are derived from the seed.

const demoTokens = deriveTokens(42);
const SECRETS: Record<string, string> = {
  "the canary BUILDKITE_API_TOKEN": CANARY_API_TOKEN,
  "the demo cluster token": demoTokens.cluster,
  "the demo REST token": demoTokens.api,
  "the demo read-only REST token": demoTokens.apiReadOnly,
};

const nextDir = join(process.cwd(), ".next");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() ? [path] : [];
  });
}

function leaks(text: string): string[] {
  return Object.entries(SECRETS).flatMap(([name, value]) => (text.includes(value) ? [name] : []));
}

test("no token appears in the build's client files, prerendered pages or server output", () => {
  // The build cache holds compiler state, not output; everything else a deployment ships is scanned.
  const files = walk(nextDir).filter((file) => !relative(nextDir, file).startsWith(`cache${sep}`));
  const clientFiles = files.filter((file) => relative(nextDir, file).startsWith(`static${sep}`));
  const prerendered = files.filter(
    (file) => /\.(html|rsc|body)$/.test(file) && relative(nextDir, file).startsWith(`server${sep}app`),
  );
  expect(clientFiles.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(5);
  expect(prerendered.length).toBeGreaterThan(0);

  const found: string[] = [];
  let bytes = 0;
  for (const file of files) {
    if (statSync(file).size > 50_000_000) continue;
    const text = readFileSync(file, "latin1");
    bytes += text.length;
    for (const name of leaks(text)) found.push(`${relative(nextDir, file)}: ${name}`);
  }
  expect(found).toEqual([]);
  expect(bytes).toBeGreaterThan(100_000);
});

test("no token appears in any response the browser receives on the main pages", async ({ page }) => {
  await resetSimulator();
  const fixtures = (await (await sim("fixtures")).json()) as {
    failedJob: { pipeline: string; buildNumber: number; jobId: string };
  };
  const job = fixtures.failedJob;

  const bodies: Promise<{ url: string; text: string }>[] = [];
  page.on("response", (response) => {
    const headers = JSON.stringify(response.headers());
    // A live stream never ends: its headers are still scanned, and its body as far as it got is not needed
    // (the same data comes through the polled API routes too).
    const body = Promise.race([
      response.body().then((bytes) => bytes.toString("latin1")),
      new Promise<string>((resolve) => setTimeout(() => resolve(""), 5_000)),
    ]).catch(() => "");
    bodies.push(body.then((text) => ({ url: response.url(), text: text + headers })));
  });

  const pages = [
    "/",
    "/stacks/stack-console",
    "/stacks/stack-console/states",
    "/reservations",
    "/agents",
    "/settings",
    "/builds",
    `/builds/${job.pipeline}/${job.buildNumber}`,
    `/builds/${job.pipeline}/${job.buildNumber}/jobs/${job.jobId}`,
  ];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    // Let the page's own queries (lists, logs, statuses) run after it renders.
    await page.waitForLoadState("load");
    await page.waitForTimeout(1_500);
  }
  // The API a page calls, including its error paths.
  for (const path of ["/api/v1/auth/status", "/api/v1/stacks/stack-console/jobs/not-a-uuid", "/api/v1/nothing-here"]) {
    await page.goto(path);
  }

  const received = await Promise.all(bodies);
  expect(received.length).toBeGreaterThan(pages.length);
  const found = received.flatMap(({ url, text }) => leaks(text).map((name) => `${url}: ${name}`));
  expect(found).toEqual([]);
});
