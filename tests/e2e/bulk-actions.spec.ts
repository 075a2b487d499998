import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";
import { expectRows, newJobs, row, short } from "./stack-page-helpers";

// Jobs for these tests come from a pipeline that does not serve the default queue, so filtering by it
// shows exactly the jobs each test created and nothing from the seed data.
const PIPELINE = "mobile-ios";
const STACK = "/stacks/stack-console";
const VIEW = `${STACK}?pipeline=${PIPELINE}`;

test.beforeEach(async () => {
  await resetSimulator();
});

const bar = (page: Page) => page.getByRole("region", { name: "Bulk actions" });
const result = (page: Page, id: string) =>
  page
    .getByRole("list", { name: "Per-job results" })
    .getByRole("listitem")
    .filter({ hasText: short(id) });

async function select(page: Page, ids: readonly string[]) {
  for (const id of ids) await page.getByRole("checkbox", { name: `Select job ${short(id)}`, exact: true }).check();
  await expect(bar(page).getByText(`${ids.length} selected`)).toBeVisible();
}

async function jobStates(page: Page, ids: readonly string[]): Promise<Record<string, string>> {
  const response = await page.request.post(`/api/v1/stacks/stack-console/job-states`, { data: { jobIds: ids } });
  return ((await response.json()) as { data: { states: Record<string, string> } }).data.states;
}

test("bulk reserve reports each job's result, and the reserved jobs leave the list", async ({ page }) => {
  const ids = await newJobs(3, PIPELINE);
  const [taken, ...free] = ids as [string, ...string[]];
  await page.goto(VIEW);
  await expectRows(page, ids);
  // Hold the list still so the job finished behind the bar's back stays selected and is sent.
  await page.getByRole("button", { name: "Pause refresh" }).click();
  await select(page, ids);
  const elsewhere = await page.request.post(`/api/v1/stacks/stack-console/jobs/${taken}/finish`, {
    data: { exitStatus: -1, detail: "finished elsewhere" },
  });
  expect(elsewhere.ok()).toBe(true);

  await bar(page).getByLabel("Expiry (seconds)").fill("600");
  await bar(page).getByRole("button", { name: "Reserve 3", exact: true }).click();

  await expect(bar(page).getByRole("status")).toHaveText("Done: 2 reserved, 1 not reserved.");
  await expect(result(page, taken)).toContainText("not reserved");
  await expect(result(page, taken)).toContainText("Buildkite did not reserve it");
  for (const id of free) {
    await expect(result(page, id)).toContainText("reserved");
    await expect(result(page, id)).not.toContainText("not reserved");
  }
  for (const id of ids) await expect(row(page, id)).toBeHidden();
  const states = await jobStates(page, ids);
  expect(states[taken]).toBe("finished");
  for (const id of free) expect(states[id]).toBe("reserved");

  // The results stay until dismissed, even though nothing is selected any more.
  await expect(bar(page).getByText(/\d+ selected/)).toBeHidden();
  await bar(page).getByRole("button", { name: "Dismiss results" }).click();
  await expect(bar(page)).toBeHidden();
});

test("bulk finish asks for confirmation, shows progress and per-job results, and the jobs leave the list", async ({
  page,
}) => {
  const ids = await newJobs(4, PIPELINE);
  await page.goto(VIEW);
  await expectRows(page, ids);
  await select(page, ids);

  await bar(page).getByRole("button", { name: "Finish 4…", exact: true }).click();
  await expect(bar(page).getByLabel("Exit status")).toHaveValue("-1");
  await bar(page).getByLabel("Reason").fill("Runaway jobs during the incident");
  await bar(page).getByRole("button", { name: "Finish 4 jobs…", exact: true }).click();

  const dialog = page.getByRole("alertdialog", { name: "Finish 4 jobs?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Runaway jobs during the incident");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();

  const progress = bar(page).getByRole("progressbar", { name: "Bulk finish progress" });
  await expect(progress).toHaveAttribute("aria-valuemax", "4");
  await expect(progress).toHaveAttribute("aria-valuenow", "4");
  await expect(bar(page).getByRole("status")).toHaveText("Done: 4 finished.");
  for (const id of ids) await expect(result(page, id)).toContainText("finished");
  for (const id of ids) await expect(row(page, id)).toBeHidden();
  expect(new Set(Object.values(await jobStates(page, ids)))).toEqual(new Set(["finished"]));
});

test("a refresh while the finish confirmation is open leaves it open and keeps the reason", async ({ page }) => {
  const ids = await newJobs(2, PIPELINE);
  await page.goto(VIEW);
  await expectRows(page, ids);
  await select(page, ids);
  await bar(page).getByRole("button", { name: "Finish 2…", exact: true }).click();
  await bar(page).getByLabel("Reason").fill("Hold on");
  await bar(page).getByRole("button", { name: "Finish 2 jobs…", exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: "Finish 2 jobs?" });
  await expect(dialog).toBeVisible();

  // New jobs arriving prove a refresh has landed behind the dialog.
  await newJobs(3, PIPELINE);
  await expect(page.getByRole("button", { name: "Show 3 new jobs" })).toBeVisible();
  await expect(dialog).toBeVisible();

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(bar(page).getByLabel("Reason")).toHaveValue("Hold on");
  await expect(bar(page).getByText("2 selected")).toBeVisible();
  for (const id of ids) await expect(row(page, id)).toBeVisible();
});

test("select all matching the filter, then reserve them all in one call", async ({ page }) => {
  const ids = await newJobs(6, PIPELINE);
  await page.goto(VIEW);
  await expectRows(page, ids);
  await expect(page.getByText(`${ids.length} of `)).toBeVisible();

  await page.getByRole("checkbox", { name: `Select all ${ids.length} matching` }).check();
  await expect(bar(page).getByText(`${ids.length} selected`)).toBeVisible();
  const reserveCalls: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/reservations")) reserveCalls.push(request.url());
  });
  await bar(page)
    .getByRole("button", { name: `Reserve ${ids.length}`, exact: true })
    .click();

  await expect(bar(page).getByRole("status")).toHaveText(`Done: ${ids.length} reserved.`);
  for (const id of ids) await expect(result(page, id)).toContainText("reserved");
  await expect(page.getByTestId("job-row")).toHaveCount(0);
  expect(reserveCalls).toHaveLength(1);
});

test("an invalid reason or expiry is refused next to its field and nothing is sent", async ({ page }) => {
  const ids = await newJobs(2, PIPELINE);
  await page.goto(VIEW);
  await expectRows(page, ids);
  await select(page, ids);
  const writes: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") writes.push(request.url());
  });

  const expiry = bar(page).getByLabel("Expiry (seconds)");
  await expiry.fill("3601");
  await expect(expiry).toHaveAttribute("aria-invalid", "true");
  await expect(bar(page).getByText("Expiry must be at most 3600 seconds")).toBeVisible();
  await expect(bar(page).getByRole("button", { name: "Reserve 2", exact: true })).toBeDisabled();
  await expiry.press("Enter");

  await bar(page).getByRole("button", { name: "Finish 2…", exact: true }).click();
  const reason = bar(page).getByLabel("Reason");
  await expect(bar(page).getByText("0 / 4096 bytes")).toBeVisible();
  await bar(page).getByRole("button", { name: "Finish 2 jobs…", exact: true }).click();
  await expect(bar(page).getByText("Reason is required")).toBeVisible();
  await expect(reason).toBeFocused();

  await reason.fill("é".repeat(2049));
  await expect(bar(page).getByText("4098 / 4096 bytes")).toBeVisible();
  await expect(bar(page).getByText("Reason must be at most 4096 bytes")).toBeVisible();
  await bar(page).getByRole("button", { name: "Finish 2 jobs…", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();

  await reason.fill("é".repeat(2048));
  await expect(bar(page).getByText("4096 / 4096 bytes")).toBeVisible();
  await expect(bar(page).getByText("Reason must be at most 4096 bytes")).toBeHidden();
  expect(writes).toEqual([]);
  for (const id of ids) await expect(row(page, id)).toBeVisible();
});

test("when Buildkite refuses a bulk reserve the error shows in the bar and the jobs stay selected", async ({
  page,
}) => {
  const ids = await newJobs(2, PIPELINE);
  await page.goto(VIEW);
  await expectRows(page, ids);
  await select(page, ids);
  await sim("faults", { method: "PUT", path: "/v3/stacks/*/scheduled-jobs/batch-reserve", status: 403, count: 1 });

  await bar(page).getByRole("button", { name: "Reserve 2", exact: true }).click();
  const alert = bar(page).getByRole("alert");
  await expect(alert).toContainText("permission_error");
  await expect(bar(page).getByRole("status")).toHaveText("Nothing was reserved.");
  await expect(bar(page).getByText("2 selected")).toBeVisible();
  for (const id of ids) await expect(row(page, id)).toBeVisible();
  expect(Object.values(await jobStates(page, ids))).toEqual(["scheduled", "scheduled"]);
});

test("axe finds no serious violations in the bar's form, confirmation and results", async ({ page }) => {
  const ids = await newJobs(2, PIPELINE);
  await page.goto(VIEW);
  await expectRows(page, ids);
  await select(page, ids);
  const serious = async () => {
    const results = await new AxeBuilder({ page }).include('[aria-label="Bulk actions"]').analyze();
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  };

  await bar(page).getByRole("button", { name: "Finish 2…", exact: true }).click();
  await bar(page).getByRole("button", { name: "Finish 2 jobs…", exact: true }).click();
  await expect(bar(page).getByText("Reason is required")).toBeVisible();
  expect(await serious()).toEqual([]);

  await bar(page).getByLabel("Reason").fill("Scan");
  await bar(page).getByRole("button", { name: "Finish 2 jobs…", exact: true }).click();
  await expect(page.getByRole("alertdialog", { name: "Finish 2 jobs?" })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.getByRole("alertdialog").getByRole("button", { name: "Confirm" }).click();
  await expect(bar(page).getByRole("status")).toHaveText("Done: 2 finished.");
  expect(await serious()).toEqual([]);
});

/** Reserves jobs behind the bar's back, as another console would: they leave the scheduled list. */
async function takeElsewhere(page: Page, ids: readonly string[]) {
  const response = await page.request.post(`/api/v1/stacks/stack-console/reservations`, {
    data: { jobIds: ids, expirySeconds: 600 },
  });
  expect(response.ok()).toBe(true);
}

function bulkFinishBodies(page: Page): { jobIds: string[] }[] {
  const bodies: { jobIds: string[] }[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/bulk-finish"))
      bodies.push(request.postDataJSON() as { jobIds: string[] });
  });
  return bodies;
}

test("jobs that leave the queue while the finish form is open are named, and only the rest are finished", async ({
  page,
}) => {
  const ids = await newJobs(5, PIPELINE);
  const [goneA, goneB, ...staying] = ids as [string, string, ...string[]];
  await page.goto(VIEW);
  await expectRows(page, ids);
  await select(page, ids);
  const bodies = bulkFinishBodies(page);

  await bar(page).getByRole("button", { name: "Finish 5…", exact: true }).click();
  const form = bar(page).getByRole("form", { name: "Finish selected jobs" });
  await form.getByLabel("Reason").fill("Stuck behind a dead agent");
  await takeElsewhere(page, [goneA, goneB]);

  const notice = form.getByRole("status");
  await expect(notice).toContainText("2 of the 5 selected jobs left the queue:");
  for (const id of [goneA, goneB]) await expect(notice).toContainText(`${short(id)} (${PIPELINE})`);
  await expect(form.getByLabel("Reason")).toHaveValue("Stuck behind a dead agent");
  await form.getByRole("button", { name: "Finish 3 jobs…", exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: "Finish 3 jobs?" });
  await dialog.getByRole("button", { name: "Confirm" }).click();

  await expect(bar(page).getByRole("status")).toHaveText("Done: 3 finished.");
  expect(bodies.map((body) => [...body.jobIds].sort())).toEqual([[...staying].sort()]);
  const states = await jobStates(page, ids);
  expect([states[goneA], states[goneB]]).toEqual(["reserved", "reserved"]);
  for (const id of staying) expect(states[id]).toBe("finished");
});

test("when every selected job leaves the queue the form says so, closes on request and keeps the reason", async ({
  page,
}) => {
  const ids = await newJobs(2, PIPELINE);
  await page.goto(VIEW);
  await expectRows(page, ids);
  await select(page, ids);
  await bar(page).getByRole("button", { name: "Finish 2…", exact: true }).click();
  const form = bar(page).getByRole("form", { name: "Finish selected jobs" });
  await form.getByLabel("Reason").fill("Kept for later");
  await takeElsewhere(page, ids);

  await expect(form.getByRole("status")).toContainText("All 2 selected jobs left the queue:");
  await expect(form.getByLabel("Reason")).toHaveValue("Kept for later");
  await expect(form.getByRole("button", { name: /^Finish/ })).toBeDisabled();
  await form.getByRole("button", { name: "Close", exact: true }).click();
  await expect(bar(page)).toBeHidden();

  const [next] = await newJobs(1, PIPELINE);
  await expectRows(page, [next!]);
  await select(page, [next!]);
  await bar(page).getByRole("button", { name: "Finish 1…", exact: true }).click();
  await expect(bar(page).getByLabel("Reason")).toHaveValue("Kept for later");
  await expect(bar(page).getByText(/left the queue/)).toBeHidden();
});

test("finishing more than 50 jobs shows them by pipeline and waits for the count to be typed", async ({ page }) => {
  await newJobs(55, PIPELINE);
  await page.goto(VIEW);
  // The table only renders the rows in view, so wait for the count of rows shown instead.
  await expect(async () => {
    const announce = page.getByRole("button", { name: /^Show \d+ new jobs?$/ });
    if (await announce.isVisible()) await announce.click();
    await expect(page.getByText(/^55 of \d+ jobs shown$/)).toBeVisible({ timeout: 500 });
  }).toPass();
  await page.getByRole("checkbox", { name: "Select all 55 matching" }).check();
  await expect(bar(page).getByText("55 selected")).toBeVisible();
  await bar(page).getByRole("button", { name: "Finish 55…", exact: true }).click();
  await bar(page).getByLabel("Reason").fill("Incident cleanup");
  await bar(page).getByRole("button", { name: "Finish 55 jobs…", exact: true }).click();

  const dialog = page.getByRole("alertdialog", { name: "Finish 55 jobs?" });
  await expect(dialog.getByRole("list", { name: "Jobs by pipeline" })).toHaveText(`${PIPELINE}: 55`);
  const confirm = dialog.getByRole("button", { name: "Confirm" });
  await expect(confirm).toBeDisabled();
  const typed = dialog.getByLabel("Type 55 to confirm");
  await typed.fill("54");
  await expect(confirm).toBeDisabled();
  await typed.fill("55");
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(bar(page).getByRole("status")).toHaveText("Done: 55 finished.");
});

test("a double-click on Confirm starts one bulk finish, and Confirm stays disabled until it ends", async ({ page }) => {
  const ids = await newJobs(3, PIPELINE);
  await page.goto(VIEW);
  await expectRows(page, ids);
  await select(page, ids);
  const bodies = bulkFinishBodies(page);
  // Slow every finish down so the run is still going when the second click lands.
  await sim("faults", { method: "POST", path: "/v3/stacks/*/jobs/*/finish", delayMs: 1500, count: ids.length });

  await bar(page).getByRole("button", { name: "Finish 3…", exact: true }).click();
  await bar(page).getByLabel("Reason").fill("Double trouble");
  await bar(page).getByRole("button", { name: "Finish 3 jobs…", exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: "Finish 3 jobs?" });
  await dialog.getByRole("button", { name: "Confirm" }).dblclick();

  await expect(dialog.getByRole("button", { name: "Finishing…" })).toBeDisabled();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(bar(page).getByRole("status")).toHaveText("Done: 3 finished.");
  expect(bodies).toHaveLength(1);
});
