import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { expect, test } from "@playwright/test";
import { BUNDLE_DATA_DIR, BUNDLE_DIR } from "./bundle-dir";

const STACK = "stack-console";
const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

test("the bundle holds the server, its static files and the simulator, and none of the sources", () => {
  for (const file of ["server.js", "simulator.js", ".next/BUILD_ID", "public/robots.txt"])
    expect(existsSync(join(BUNDLE_DIR, file)), file).toBe(true);
  expect(readdirSync(join(BUNDLE_DIR, ".next/static/chunks")).length).toBeGreaterThan(0);
  for (const source of ["app", "components", "lib", "server", "tests", "scripts", "package-lock.json"])
    expect(existsSync(join(BUNDLE_DIR, source)), source).toBe(false);
});

test("GET /api/health answers ok with the version, uncached", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ok", version });
});

test("the pages render with their scripts and styles: the queues, then a stack's live jobs", async ({ page }) => {
  const failedAssets: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/_next/static/") && !response.ok()) failedAssets.push(response.url());
  });
  await page.goto("/");
  const card = page.getByRole("region", { name: `Queue _default on stack ${STACK}` });
  await expect(card.getByTestId("scheduled-count")).toHaveText(/^[1-9]\d*$/);

  await page.goto(`/stacks/${STACK}?queue=_default`);
  await expect(page.getByRole("heading", { name: "Queue _default" })).toBeVisible();
  await expect(page.getByTestId("job-row").first()).toBeVisible();
  expect(failedAssets).toEqual([]);
});

test("the API answers in the envelope, and a change is written to the embedded store in DATA_DIR", async ({
  request,
  baseURL,
}) => {
  const list = await request.get(`/api/v1/stacks/${STACK}/scheduled-jobs?queue=_default&limit=1`);
  expect(list.status()).toBe(200);
  const listed = (await list.json()) as { ok: boolean; command: string; data: { id: string }[] };
  expect(listed).toMatchObject({ ok: true, apiVersion: "v1", command: "jobs.scheduled.list" });
  const jobId = listed.data[0]?.id ?? "";

  const reserved = await request.post(`/api/v1/stacks/${STACK}/reservations`, {
    data: { jobIds: [jobId], expirySeconds: 60 },
    headers: { origin: baseURL ?? "" },
  });
  expect(reserved.status()).toBe(200);
  const audit = await request.get(`/api/v1/audit?jobId=${jobId}`);
  expect(audit.status()).toBe(200);
  expect(JSON.stringify(await audit.json())).toContain("jobs.reserve");
  expect(readdirSync(BUNDLE_DATA_DIR).length).toBeGreaterThan(0);
});

test("a path nothing serves is a 404: a page for browsers, an envelope for the API", async ({ page, request }) => {
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();

  const api = await request.get("/api/v1/no-such-command");
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ ok: false, error: { type: "not_found" } });
});

test("the bundled simulator runs on its own with the URL and tokens a container stack gives it", async () => {
  const child = spawn(
    process.execPath,
    [
      "simulator.js",
      "--port",
      "0",
      "--no-activity",
      "--public-url",
      "http://simulator.test:4010",
      "--cluster-token",
      "stack-cluster-token-for-tests",
    ],
    { cwd: BUNDLE_DIR, stdio: ["ignore", "pipe", "inherit"], env: { PATH: process.env.PATH, NODE_ENV: "production" } },
  );
  try {
    const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    expect(JSON.parse(line)).toMatchObject({
      agentApiUrl: "http://simulator.test:4010/v3",
      restApiUrl: "http://simulator.test:4010/v2",
      clusterToken: "stack-cluster-token-for-tests",
    });
  } finally {
    child.kill("SIGTERM");
  }
});
