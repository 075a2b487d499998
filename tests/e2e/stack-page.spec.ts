import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";
import { expectRows, newJobs, row, short } from "./stack-page-helpers";

const STACK = "/stacks/stack-console";

test.beforeEach(async () => {
  await resetSimulator();
});

test("the paused banner appears when dispatch is paused and clears when it resumes", async ({ page }) => {
  await page.goto(`${STACK}?queue=_default`);
  await expect(page.getByRole("heading", { name: "Queue _default" })).toBeVisible();
  const banner = page.getByRole("alert").filter({ hasText: "Dispatch paused" });
  await expect(banner).toBeHidden();

  await sim("queue", { paused: true, note: "db migration", by: "Ada Lovelace" });
  await expect(banner).toBeVisible();
  await expect(banner.getByTestId("pause-details")).toHaveText(
    /^Paused by Ada Lovelace \d+s ago \(at \d\d:\d\d:\d\d [^,]+, \d{4}-\d\d-\d\d\) — “db migration”$/,
  );
  await sim("queue", { paused: false });
  await expect(banner).toBeHidden();
});

test("an operator pauses dispatch with a reason, confirmed, and resumes it", async ({ page }) => {
  await page.goto(`${STACK}?queue=_default`);
  const banner = page.getByRole("alert").filter({ hasText: "Dispatch paused" });
  await page.getByRole("button", { name: "Pause dispatch…" }).click();
  await page.getByRole("button", { name: "Pause dispatch", exact: true }).click();
  await expect(page.getByText("Say why dispatch is paused: everyone sees this note.")).toBeVisible();

  await page.getByLabel("Why pause dispatch of _default?").fill("db failover");
  await page.getByRole("button", { name: "Pause dispatch", exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: "Pause dispatch?" });
  await expect(dialog).toContainText("“db failover”");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(banner).toBeVisible();
  await expect(banner.getByTestId("pause-details")).toContainText(
    /Paused by Demo Operator .*via Stack Console: db failover/,
  );

  await page.getByRole("button", { name: "Resume dispatch", exact: true }).click();
  await page.getByRole("alertdialog", { name: "Resume dispatch?" }).getByRole("button", { name: "Confirm" }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId("dispatch-state")).toHaveText("Dispatching");
});

test("when the REST token cannot read cluster queues the paused banner says what it needs", async ({ page }) => {
  await sim("faults", { path: "/v2/organizations/*", status: 403, count: 1000 });
  await sim("queue", { paused: true, note: "db migration", by: "Ada Lovelace" });
  await page.goto(`${STACK}?queue=_default`);
  const banner = page.getByRole("alert").filter({ hasText: "Dispatch paused" });
  await expect(banner).toBeVisible();
  await expect(banner.getByTestId("pause-details-unavailable")).toHaveText(
    "Who paused it and why needs a REST API token with read_clusters.",
  );
  await expect(banner.getByTestId("pause-details")).toBeHidden();
});

test("the header shows the backlog and the refresh interval can be changed and paused", async ({ page }) => {
  await page.goto(STACK);
  await expect(page.getByTestId("scheduled-count")).toHaveText(/^\d+\+?$/);
  await expect(page.getByTestId("oldest-wait")).toHaveText(/\d+[smhd]/);
  // Changes are pushed once the stream is open; the header says so, and when the last one arrived.
  await expect(page.getByTestId("live-status")).toHaveText(/^Live/);
  await expect(page.getByTestId("updated-ago")).toContainText(/last change \d+s ago/);

  await page.getByLabel("Refresh interval").selectOption({ label: "5s" });
  await page.reload();
  await expect(page.getByLabel("Refresh interval")).toHaveValue("5000");
  await page.getByLabel("Refresh interval").selectOption({ label: "1s" });

  await page.getByRole("button", { name: "Pause refresh" }).click();
  await expect(page.getByText("Refresh paused")).toBeVisible();
  await page.getByRole("button", { name: "Resume refresh" }).click();
  await expect(page.getByText("Refresh paused")).toBeHidden();
  await expect(page.getByRole("link", { name: "Job states" })).toHaveAttribute(
    "href",
    "/stacks/stack-console/states?queue=_default",
  );
});

test("filters and sort live in the URL and survive a reload", async ({ page }) => {
  const ids = await newJobs(2, "docs");
  await page.goto(STACK);
  await page.getByLabel("Pipeline").fill("docs");
  await page.getByRole("button", { name: "Waiting" }).click();
  await expect(page).toHaveURL(/pipeline=docs/);
  await expect(page).toHaveURL(/dir=asc/);

  await page.reload();
  await expect(page.getByLabel("Pipeline")).toHaveValue("docs");
  await expect(page.getByRole("columnheader", { name: "Waiting" })).toHaveAttribute("aria-sort", "ascending");
  // Newest first, so the jobs just created lead the table; every row shown is from the filtered pipeline.
  await expectRows(page, ids);
  const pipelines = await page.getByTestId("job-row").locator('[role="cell"]:nth-child(3)').allTextContents();
  expect(pipelines.length).toBeGreaterThan(0);
  expect(pipelines.every((slug) => slug === "docs")).toBe(true);

  await page.getByLabel("Step key").fill("no-such-step-anywhere");
  await expect(page.getByText("No jobs match the filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByLabel("Pipeline")).toHaveValue("");
  await expect(page).not.toHaveURL(/pipeline=/);
});

test("new jobs are announced instead of reshuffling the rows, and merge on request", async ({ page }) => {
  // Once this job shows, the page reads the current simulator state, so the next three are all that is new.
  const marker = await newJobs(1);
  await page.goto(`${STACK}?dir=asc`);
  await expectRows(page, marker);
  const ids = await newJobs(3);

  const announce = page.getByRole("button", { name: "Show 3 new jobs" });
  await expect(announce).toBeVisible();
  await expect(announce).toHaveText("+3 new");
  for (const id of ids) await expect(row(page, id)).toHaveCount(0);

  await announce.click();
  await expect(announce).toBeHidden();
  for (const id of ids) await expect(row(page, id)).toBeVisible();
});

test("keyboard: / focuses the filters, j/k move, x selects, Enter opens the drawer, Esc closes it", async ({
  page,
}) => {
  const ids = await newJobs(2);
  await page.goto(`${STACK}?dir=asc`);
  await expectRows(page, ids);

  await page.keyboard.press("/");
  await expect(page.getByLabel("Pipeline")).toBeFocused();
  // Keys typed into a field stay in the field.
  await page.keyboard.type("j");
  await expect(page.getByLabel("Pipeline")).toHaveValue("j");
  await page.getByLabel("Pipeline").fill("");
  await page.getByLabel("Pipeline").blur();

  await page.keyboard.press("j");
  const focused = page.locator('[data-testid="job-row"][aria-current="true"]');
  await expect(focused).toHaveCount(1);
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  // The row itself takes focus, so a screen reader reads the row the operator moved to.
  await expect(focused).toBeFocused();
  const focusedId = await focused.getAttribute("data-job-id");
  expect(ids).toContain(focusedId);
  const id = focusedId ?? "";

  await page.keyboard.press("x");
  await expect(page.getByRole("checkbox", { name: `Select job ${short(id)}` })).toBeChecked();
  await expect(page.getByText("1 selected")).toBeVisible();

  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: `Job ${short(id)}` });
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`job=${id}`));
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/job=/);
});

test("a refresh keeps the drawer open and the selection, even after the open job left the list", async ({ page }) => {
  const [open, picked, other] = await newJobs(3);
  if (!open || !picked || !other) throw new Error("the simulator created no jobs");
  await page.goto(`${STACK}?dir=asc&job=${open}`);
  const drawer = page.getByRole("dialog", { name: `Job ${short(open)}` });
  await expect(drawer).toBeVisible();
  await expectRows(page, [picked, other]);

  // Jobs created together wait equally long, so their order (and what lies between them) follows their ids.
  const order = await page
    .locator('[data-testid="job-row"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-job-id")));
  const [from, to] = [order.indexOf(picked), order.indexOf(other)].sort((a, b) => a - b);
  const range = order.slice(from, (to ?? 0) + 1);
  await page.getByRole("checkbox", { name: `Select job ${short(picked)}` }).click();
  await page.getByRole("checkbox", { name: `Select job ${short(other)}` }).click({ modifiers: ["Shift"] });
  const selected = page.getByText(`${range.length} selected`);
  await expect(selected).toBeVisible();
  // The open job is about to leave the list; it no longer counts once it has gone.
  const remaining = range.includes(open) ? range.length - 1 : range.length;

  // Reserving the open job takes it out of the scheduled list on the next refresh.
  const reserved = await page.request.post("/api/v1/stacks/stack-console/reservations", {
    data: { jobIds: [open], expirySeconds: 600 },
  });
  expect(reserved.ok()).toBe(true);
  await expect(row(page, open)).toHaveCount(0);
  await newJobs(1);
  await expect(page.getByRole("button", { name: "Show 1 new job" })).toBeVisible();

  await expect(drawer).toBeVisible();
  await expect(page.getByText(`${remaining} selected`)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: `Select job ${short(picked)}` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select job ${short(other)}` })).toBeChecked();
});

test("when refreshes fail the rows stay, with a warning naming the error", async ({ page }) => {
  const [id] = await newJobs(1);
  await page.goto(`${STACK}?dir=asc`);
  await expectRows(page, [id ?? ""]);

  await sim("faults", { path: "/v3/stacks/*/scheduled-jobs", status: 503, count: 1000 });
  const warning = page.getByRole("alert").filter({ hasText: "Refresh failed" });
  await expect(warning).toContainText("Refresh failed — showing the last good data.");
  await expect(warning).toContainText("server_error");
  await expect(row(page, id ?? "")).toBeVisible();

  await sim("faults", undefined, "DELETE");
  await expect(warning).toBeHidden();
});

test("jump to job scrolls to it and 5000 jobs keep the DOM row count bounded", async ({ page }) => {
  const ids = await newJobs(4900);
  const target = ids[2000] ?? "";
  await page.goto(STACK);
  await expect(page.getByTestId("job-row").first()).toBeVisible();
  await expect(page.getByTestId("scheduled-count")).toHaveText(/^\d{4}\+?$/);
  expect(await page.getByTestId("job-row").count()).toBeLessThan(100);

  await page.getByLabel("Jump to job").fill(short(target));
  await page.getByLabel("Jump to job").press("Enter");
  await expect(row(page, target)).toBeVisible();
  await expect(row(page, target)).toHaveAttribute("aria-current", "true");
  expect(await page.getByTestId("job-row").count()).toBeLessThan(100);

  await page
    .getByRole("table", { name: "Scheduled jobs" })
    .evaluate((table) => table.scrollTo({ top: table.scrollHeight }));
  expect(await page.getByTestId("job-row").count()).toBeLessThan(100);
});

test("the row under the pointer stays put when jobs above it leave", async ({ page }) => {
  const ids = await newJobs(60);
  await page.goto(`${STACK}?dir=asc`);
  const table = page.getByRole("table", { name: "Scheduled jobs" });
  // Newest first: the sixty jobs just created lead the table once the page shows current data.
  await expect(async () => {
    const announce = page.getByRole("button", { name: /^Show \d+ new jobs?$/ });
    if (await announce.isVisible()) await announce.click();
    expect(ids).toContain(
      await page.locator('[data-testid="job-row"][aria-rowindex="2"]').getAttribute("data-job-id", { timeout: 500 }),
    );
  }).toPass();

  // The findings above the table can push it below the fold; bring it on screen as an operator would.
  await table.scrollIntoViewIfNeeded();
  await table.evaluate((element) => element.scrollTo({ top: 20 * 40 }));
  await expect(page.locator('[data-testid="job-row"][aria-rowindex="26"]')).toBeInViewport();
  const tableTop = (await table.boundingBox())?.y ?? 0;
  // Point at a row a few rows into the viewport; the five rows above it include some scrolled out of view.
  const rows = await page
    .getByTestId("job-row")
    .evaluateAll((elements) =>
      elements
        .map((element) => ({ id: element.getAttribute("data-job-id") ?? "", top: element.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top),
    );
  const pointedIndex = rows.findIndex((entry) => entry.top > tableTop + 40 + 3 * 40);
  const pointed = rows[pointedIndex]?.id ?? "";
  const above = rows.slice(pointedIndex - 5, pointedIndex).map((entry) => entry.id);
  expect([pointed, ...above].every((id) => ids.includes(id))).toBe(true);
  await row(page, pointed).hover();
  // Measured within the table: the anchoring keeps the row still in the table's viewport, while the findings
  // panel above may change height with the reservation and move the whole table.
  const offsetInTable = async () => {
    const [rowBox, tableBox] = [await row(page, pointed).boundingBox(), await table.boundingBox()];
    return (rowBox?.y ?? Number.NaN) - (tableBox?.y ?? Number.NaN);
  };
  const before = await offsetInTable();

  const reserved = await page.request.post("/api/v1/stacks/stack-console/reservations", {
    data: { jobIds: above, expirySeconds: 600 },
  });
  expect(reserved.ok()).toBe(true);
  for (const id of above) await expect(row(page, id)).toHaveCount(0);
  expect(Math.abs((await offsetInTable()) - before)).toBeLessThanOrEqual(1);
});

test("axe finds no serious accessibility violations on the stack page", async ({ page }) => {
  const [id] = await newJobs(1);
  await page.goto(`${STACK}?dir=asc&job=${id}`);
  await expectRows(page, [id ?? ""]);
  await page.getByRole("checkbox", { name: `Select job ${short(id ?? "")}` }).click();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
});

test("an unknown stack is a 404, and each home queue card links to its stack page", async ({ page }) => {
  const response = await page.goto("/stacks/not-this-stack");
  expect(response?.status()).toBe(404);

  await page.goto("/");
  await page.getByRole("link", { name: "View jobs in queue _default" }).click();
  await expect(page).toHaveURL(/\/stacks\/stack-console\?queue=_default/);
  await expect(page.getByRole("table", { name: "Scheduled jobs" })).toBeVisible();
});
