import { expect, test } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";
import { newJobs } from "./stack-page-helpers";

const STACK = "stack-console";

test.beforeEach(async () => {
  await resetSimulator();
});

test("the audit log shows who finished a job and why, filters in the URL, and exports the rows as CSV", async ({
  page,
  baseURL,
}) => {
  const [finished = "", refused = ""] = await newJobs(2);
  const origin = baseURL ?? "";
  const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin } });
  // Buildkite refuses the first finish; the second goes through.
  await sim("faults", { method: "POST", path: "/v3/stacks/*/jobs/*/finish", status: 422 });
  expect((await post(`/api/v1/stacks/${STACK}/jobs/${finished}/finish`, { detail: "node lost" })).ok()).toBe(false);
  expect((await post(`/api/v1/stacks/${STACK}/jobs/${finished}/finish`, { detail: "again" })).ok()).toBe(true);
  await post(`/api/v1/stacks/${STACK}/reservations`, { jobIds: [refused], expirySeconds: 60 });

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  await page.getByLabel("Job ID").fill(finished);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?jobId=${finished}$`));
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("again");
  await expect(rows.nth(0)).toContainText("ok");
  await expect(rows.nth(1)).toContainText("Demo Operator");
  await expect(rows.nth(1)).toContainText("jobs.finish");
  await expect(rows.nth(1)).toContainText("node lost");
  await expect(rows.nth(1)).toContainText("failed");

  await page.getByLabel("Outcome").selectOption("failed");
  await expect(page).toHaveURL(/outcome=failed/);
  await expect(rows).toHaveCount(1);
  await page.goBack();
  await expect(rows).toHaveCount(2);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
  const csv = await (await file.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString("utf8").trim().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines[2]).toContain("node lost");
});

test("a queue pause shows its note as the reason, and a job is found by the short id the console shows", async ({
  page,
  baseURL,
}) => {
  const [job = ""] = await newJobs(1);
  const origin = baseURL ?? "";
  const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin } });
  expect((await post(`/api/v1/stacks/${STACK}/queue/pause?queue=_default`, { note: "db migration" })).ok()).toBe(true);
  expect((await post(`/api/v1/stacks/${STACK}/queue/resume?queue=_default`, {})).ok()).toBe(true);
  expect((await post(`/api/v1/stacks/${STACK}/jobs/${job}/finish`, { detail: "found by prefix" })).ok()).toBe(true);

  await page.goto("/audit");
  await page.getByLabel("Action").selectOption("queue.pause");
  await expect(page).toHaveURL(/action=queue\.pause/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toContainText("queue.pause");
  await expect(rows.first()).toContainText("db migration");
  await expect(page.getByLabel("Action").locator("option", { hasText: "queue.resume" })).toHaveCount(1);

  await page.getByLabel("Action").selectOption("");
  await page.getByLabel("Job ID").fill(job.slice(0, 8));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?jobId=${job.slice(0, 8)}$`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("found by prefix");
});
