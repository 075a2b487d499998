import { expect, test, type Page } from "@playwright/test";
import { resetSimulator } from "./demo-simulator";
import { expectRows, newJobs, row, short } from "./stack-page-helpers";

// Jobs from a pipeline that does not serve the default queue's seed data, so the stack page filtered by
// it shows exactly the jobs a test created. The console's ledger outlives a simulator reset, so the
// reservations page may list other tests' reservations: every step names its own jobs.
const PIPELINE = "mobile-ios";
const STACK = "stack-console";
const VIEW = `/stacks/${STACK}?pipeline=${PIPELINE}`;

test.beforeEach(async () => {
  await resetSimulator();
});

const actions = (page: Page) => page.getByRole("region", { name: "Reservation actions" });
const reservationRow = (page: Page, id: string) => page.locator(`tr[data-job-id="${id}"]`);
const result = (page: Page, id: string) =>
  page
    .getByRole("list", { name: "Per-job results" })
    .getByRole("listitem")
    .filter({ hasText: short(id) });
const pick = (page: Page, id: string) =>
  page.getByRole("checkbox", { name: `Select job ${short(id)}`, exact: true }).check();
const confirm = (page: Page) => page.getByRole("alertdialog").getByRole("button", { name: "Confirm" }).click();

async function jobState(page: Page, id: string): Promise<string | undefined> {
  const response = await page.request.post(`/api/v1/stacks/${STACK}/job-states`, { data: { jobIds: [id] } });
  return ((await response.json()) as { data: { states: Record<string, string> } }).data.states[id];
}

test("a job reserved on the stack page is extended, then released, from the reservations page", async ({ page }) => {
  const [id] = (await newJobs(1, PIPELINE)) as [string];
  await page.goto(VIEW);
  await expectRows(page, [id]);
  await pick(page, id);
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByLabel("Expiry (seconds)").fill("600");
  await bulk.getByRole("button", { name: "Reserve 1", exact: true }).click();
  await expect(bulk.getByRole("status")).toHaveText("Done: 1 reserved.");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reservations" }).click();
  const listed = reservationRow(page, id);
  await expect(listed).toContainText(PIPELINE);
  await expect(listed.getByRole("link", { name: short(id), exact: true })).toHaveAttribute("title", id);
  await expect(listed.getByRole("link", { name: new RegExp(`^Build \\d+ of ${PIPELINE}$`) })).toHaveAttribute(
    "href",
    new RegExp(`^/builds/${PIPELINE}/\\d+$`),
  );
  await expect(listed).toContainText("_default");
  await expect(listed.getByTestId("expires-in")).toHaveText(/^in (9m|10m) \d\ds$/);

  await pick(page, id);
  await actions(page).getByLabel("New expiry (seconds)").fill("1800");
  await actions(page).getByRole("button", { name: "Extend 1…" }).click();
  await confirm(page);
  await expect(actions(page).getByRole("status")).toHaveText("Done: 1 of 1 extended.");
  await expect(result(page, id)).toContainText(/reserved until \d/);
  await expect(listed.getByTestId("expires-in")).toHaveText(/^in (29m|30m) \d\ds$/);
  await actions(page).getByRole("button", { name: "Dismiss results" }).click();

  await pick(page, id);
  await expect(actions(page)).toContainText("Buildkite has no unreserve call");
  await actions(page).getByRole("button", { name: "Release 1…" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("again for 1 second");
  await confirm(page);
  await expect(actions(page).getByRole("status")).toHaveText("Done: 1 of 1 released.");
  await expect(result(page, id)).toContainText("released");
  await expect(listed).toHaveCount(0);
  await expect.poll(() => jobState(page, id)).toBe("scheduled");

  await page.goto(VIEW);
  await expectRows(page, [id]);
});

test("two reserved jobs are finished together with a reason", async ({ page }) => {
  const ids = await newJobs(3, PIPELINE);
  const [first, second, untouched] = ids as [string, string, string];
  const reserved = await page.request.post(`/api/v1/stacks/${STACK}/reservations`, {
    data: { jobIds: ids, expirySeconds: 900 },
  });
  expect(reserved.ok()).toBe(true);
  await page.goto("/reservations");
  for (const id of ids) await expect(reservationRow(page, id)).toBeVisible();

  // The actions appear below the rows: picking one leaves the next where the pointer is.
  const top = () => reservationRow(page, second).evaluate((row) => row.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await pick(page, first);
  await expect(actions(page).getByText("1 selected")).toBeVisible();
  expect(await top()).toBe(before);
  await pick(page, second);
  await expect(actions(page).getByText("2 selected")).toBeVisible();
  await actions(page).getByRole("button", { name: "Finish 2…" }).click();
  await actions(page).getByLabel("Reason").fill("the release was cancelled");
  await actions(page).getByRole("button", { name: "Finish 2 jobs…" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("the release was cancelled");
  await confirm(page);

  await expect(actions(page).getByRole("status")).toHaveText("Done: 2 of 2 finished.");
  for (const id of [first, second]) {
    await expect(result(page, id)).toContainText("finished");
    await expect(reservationRow(page, id)).toHaveCount(0);
    expect(await jobState(page, id)).toBe("finished");
  }
  await expect(reservationRow(page, untouched)).toBeVisible();
  expect(await jobState(page, untouched)).toBe("reserved");
});

test("jump to job opens a job the console has reserved in the drawer", async ({ page }) => {
  const [listed, held] = (await newJobs(2, PIPELINE)) as [string, string];
  await page.goto(VIEW);
  await expectRows(page, [listed, held]);
  const reserved = await page.request.post(`/api/v1/stacks/${STACK}/reservations`, {
    data: { jobIds: [held], expirySeconds: 900 },
  });
  expect(reserved.ok()).toBe(true);
  await expect(row(page, held)).toHaveCount(0);

  await page.getByLabel("Jump to job").fill(short(held));
  await page.getByLabel("Jump to job").press("Enter");
  const drawer = page.getByRole("dialog", { name: `Job ${short(held)}` });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("status", { name: "State" })).toHaveText("reserved");
  await expect(page).toHaveURL(new RegExp(`job=${held}`));
  await drawer.getByRole("button", { name: "Close" }).click();

  // A job the console does not hold is found by its full id, through Buildkite's job states.
  const finished = await page.request.post(`/api/v1/stacks/${STACK}/jobs/${listed}/finish`, {
    data: { exitStatus: -1, detail: "not needed" },
  });
  expect(finished.ok()).toBe(true);
  await expect(row(page, listed)).toHaveCount(0);
  await page.getByLabel("Jump to job").fill(listed);
  await page.getByLabel("Jump to job").press("Enter");
  const other = page.getByRole("dialog", { name: `Job ${short(listed)}` });
  await expect(other.getByRole("status", { name: "State" })).toHaveText("finished");
});
