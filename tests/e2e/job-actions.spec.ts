import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";
import { expectRows, newJobs, row, short } from "./stack-page-helpers";

const STACK = "/stacks/stack-console";
const drawerOf = (page: Page, id: string) => page.getByRole("dialog", { name: `Job ${short(id)}` });

test.beforeEach(async () => {
  await resetSimulator();
});

async function oneJob(): Promise<string> {
  const [id] = await newJobs(1);
  if (!id) throw new Error("the simulator created no job");
  return id;
}

/** Records every write the page sends, so a test can prove a refused form sent nothing. */
function watchWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && /\/(reservations|finish|notifications)$/.test(new URL(request.url()).pathname))
      writes.push(request.url());
  });
  return writes;
}

test("the drawer opens from a link and from a row, shows the live state, and loads env and command only on demand", async ({
  page,
}) => {
  const [linked, clicked] = await newJobs(2);
  if (!linked || !clicked) throw new Error("the simulator created no jobs");
  const detailReads: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "GET" && new URL(request.url()).pathname.endsWith(`/jobs/${linked}`))
      detailReads.push(request.url());
  });

  await page.goto(`${STACK}?dir=asc&job=${linked}`);
  const drawer = drawerOf(page, linked);
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("status", { name: "State" })).toHaveText("scheduled");
  await expect(drawer.getByTestId("drawer-waiting")).toHaveText(/\d+[smhd]/);
  await expect(drawer.getByText("No operator has acted on this job from the console.")).toBeVisible();
  expect(detailReads).toHaveLength(0);

  await drawer.getByText("Environment", { exact: true }).click();
  const filter = drawer.getByLabel("Filter environment");
  await expect(filter).toBeVisible();
  expect(detailReads).toHaveLength(1);
  await filter.fill("buildkite_job_id");
  await expect(drawer.getByText("1 of", { exact: false })).toBeVisible();
  await expect(drawer.getByText(linked, { exact: true }).last()).toBeVisible();
  await expect(drawer.getByRole("button", { name: "Copy value of BUILDKITE_JOB_ID" })).toBeVisible();
  await drawer.getByText("Command", { exact: true }).click();
  await expect(drawer.getByRole("button", { name: "Copy command" })).toBeVisible();

  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(drawer).toBeHidden();
  await expectRows(page, [clicked]);
  await page.getByRole("button", { name: `Open job ${short(clicked)}` }).click();
  await expect(drawerOf(page, clicked)).toBeVisible();
  await expect(drawerOf(page, clicked)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(drawerOf(page, clicked)).toBeHidden();
});

test("reserve refuses an out-of-range expiry inline, takes the job off the list, extends, and the job returns after expiry", async ({
  page,
}) => {
  const id = await oneJob();
  const writes = watchWrites(page);
  await page.goto(`${STACK}?dir=asc`);
  await expectRows(page, [id]);
  await page.getByRole("button", { name: `Open job ${short(id)}` }).click();
  const drawer = drawerOf(page, id);
  const expiry = drawer.getByLabel("Reservation expiry (seconds)");
  await expect(expiry).toHaveValue("900");

  await expiry.fill("0");
  await drawer.getByRole("button", { name: "Reserve" }).click();
  await expect(drawer.getByRole("alert")).toHaveText("Reservation expiry must be at least 1 second.");
  await expiry.fill("3601");
  await drawer.getByRole("button", { name: "Reserve" }).click();
  await expect(drawer.getByRole("alert")).toHaveText("Reservation expiry must be at most 3600 seconds.");
  await expect(expiry).toHaveAttribute("aria-invalid", "true");
  expect(writes).toEqual([]);

  await expiry.fill("60");
  await drawer.getByRole("button", { name: "Reserve" }).click();
  await expect(drawer.getByRole("status").filter({ hasText: "Reserved for" })).toBeVisible();
  await expect(drawer.getByRole("status", { name: "State" })).toHaveText("reserved");
  await expect(row(page, id)).toHaveCount(0);
  const countdown = drawer.getByTestId("reservation-countdown");
  await expect(countdown).toHaveText(/^(1:00|0:[0-5]\d)$/);

  await expiry.fill("1800");
  await drawer.getByRole("button", { name: "Extend" }).click();
  await expect(drawer.getByRole("status").filter({ hasText: "Reservation extended" })).toBeVisible();
  await expect(countdown).toHaveText(/^(30:00|29:[0-5]\d)$/);
  await expect(drawer.getByRole("list", { name: "Job history" }).getByText("Extended reservation")).toBeVisible();
  expect(writes).toHaveLength(2);

  await sim("clock", { advanceMs: 1801_000 });
  await expect(drawer.getByRole("status", { name: "State" })).toHaveText("scheduled");
  await expect(drawer.getByRole("button", { name: "Reserve" })).toBeVisible();
  await expect(countdown).toBeHidden();
  await expect(drawer).toBeVisible();
  await drawer.getByRole("button", { name: "Close" }).click();
  await expectRows(page, [id]);
});

test("finish refuses a bad reason inline, keeps its confirmation through refreshes, then removes the job", async ({
  page,
}) => {
  const id = await oneJob();
  const writes = watchWrites(page);
  await page.goto(`${STACK}?dir=asc&job=${id}`);
  const drawer = drawerOf(page, id);
  await expect(drawer.getByLabel("Exit status")).toHaveValue("-1");
  const reason = drawer.getByLabel("Reason");
  const finish = drawer.getByRole("button", { name: "Finish job…" });

  await finish.click();
  await expect(drawer.getByRole("alert")).toHaveText("Reason is required.");
  await reason.fill("é".repeat(2049));
  await expect(drawer.getByText("4098 / 4096 bytes")).toBeVisible();
  await finish.click();
  await expect(drawer.getByRole("alert")).toHaveText("Reason must be at most 4096 bytes.");
  await expect(page.getByRole("alertdialog")).toBeHidden();

  // Exit status 0 is a completion, and the confirmation says so; cancelling sends nothing.
  await drawer.getByLabel("Exit status").fill("0");
  await reason.fill("done by hand");
  await finish.click();
  const confirm = page.getByRole("alertdialog", { name: `Finish job ${short(id)}?` });
  await expect(confirm).toContainText("(completed)");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect(writes).toEqual([]);

  await drawer.getByLabel("Exit status").fill("-1");
  await reason.fill("stuck behind a dead agent");
  await expect(drawer.getByText("25 / 4096 bytes")).toBeVisible();
  await finish.click();
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText("operator name");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(confirm.getByRole("button", { name: "Confirm" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();

  // New jobs change the live list under the open confirmation; it must stay, with what was typed.
  await newJobs(2);
  // At least these two are announced (the job under test may be too, if the page's first read predates it).
  await expect(page.getByRole("button", { name: /^Show [2-9] new jobs$/ })).toBeVisible();
  await expect(confirm).toBeVisible();
  await expect(reason).toHaveValue("stuck behind a dead agent");

  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(drawer.getByRole("status").filter({ hasText: "Finished with exit status -1." })).toBeVisible();
  await expect(drawer.getByRole("status", { name: "State" })).toHaveText("finished");
  await expect(row(page, id)).toHaveCount(0);
  const history = drawer.getByRole("list", { name: "Job history" });
  await expect(history.getByText("Finished", { exact: true })).toBeVisible();
  await expect(history).toContainText("stuck behind a dead agent");
  expect(writes).toHaveLength(1);
});

test("notify sends a notification and counts it; an over-long one is refused inline", async ({ page }) => {
  const id = await oneJob();
  const writes = watchWrites(page);
  await page.goto(`${STACK}?job=${id}`);
  const drawer = drawerOf(page, id);
  const count = drawer.getByTestId("notification-count");
  await expect(count).toHaveText("0 of 100 notifications sent");

  const input = drawer.getByLabel("Notification");
  // The console appends " — Demo Operator" (16 characters), so 240 of Buildkite's 256 are the operator's.
  await input.fill("x".repeat(241));
  await expect(drawer.getByText("241 / 240 characters", { exact: false })).toBeVisible();
  await drawer.getByRole("button", { name: "Send notification" }).click();
  await expect(drawer.getByRole("alert")).toHaveText("Notification must be at most 240 characters so your name fits.");
  expect(writes).toEqual([]);

  await input.fill("Looking into the stuck agents");
  await drawer.getByRole("button", { name: "Send notification" }).click();
  await expect(drawer.getByRole("status").filter({ hasText: "Notification sent." })).toBeVisible();
  await expect(count).toHaveText("1 of 100 notifications sent");
  await expect(input).toHaveValue("");
  await expect(drawer.getByRole("list", { name: "Job history" })).toContainText("Looking into the stuck agents");
  expect(writes).toHaveLength(1);
});

test("Esc in the finish confirmation cancels it and leaves the drawer open; axe finds nothing serious in the drawer", async ({
  page,
}) => {
  const id = await oneJob();
  await page.goto(`${STACK}?job=${id}`);
  const drawer = drawerOf(page, id);
  await drawer.getByRole("button", { name: "Reserve" }).click();
  await expect(drawer.getByTestId("reservation-countdown")).toBeVisible();
  await drawer.getByText("Environment", { exact: true }).click();
  await expect(drawer.getByLabel("Filter environment")).toBeVisible();
  await drawer.getByText("Command", { exact: true }).click();
  await expect(drawer.getByRole("button", { name: "Copy command" })).toBeVisible();

  await drawer.getByLabel("Reason").fill("checking the confirmation");
  await drawer.getByRole("button", { name: "Finish job…" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Finish job ${short(id)}?` });
  await expect(confirm).toBeVisible();
  const results = await new AxeBuilder({ page }).include("[role=dialog]").analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);

  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("status", { name: "State" })).toHaveText("reserved");
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
});

test("a double-clicked finish confirmation sends one finish, and the drawer says finished, not failed", async ({
  page,
}) => {
  const id = await oneJob();
  const finishes: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.endsWith(`/jobs/${id}/finish`))
      finishes.push(request.url());
  });
  await page.goto(`${STACK}?job=${id}`);
  const drawer = drawerOf(page, id);
  await drawer.getByLabel("Reason").fill("stuck behind a dead agent");
  await drawer.getByRole("button", { name: "Finish job…" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Finish job ${short(id)}?` });
  await confirm.getByRole("button", { name: "Confirm" }).dblclick();

  await expect(drawer.getByRole("status").filter({ hasText: "Finished with exit status -1." })).toBeVisible();
  await expect(drawer.getByRole("status", { name: "State" })).toHaveText("finished");
  await expect(drawer.getByText(/^Failed/)).toHaveCount(0);
  expect(finishes).toHaveLength(1);
});
