import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { resetSimulator } from "./demo-simulator";
import { expectRows, newJobs, row, short } from "./stack-page-helpers";

const STACK = "/stacks/stack-console";
const drawerOf = (page: Page, id: string) => page.getByRole("dialog", { name: `Job ${short(id)}` });

/** The drawer's only controls are its header's: copy the id and close. */
async function expectNothingToDo(page: Page, id: string) {
  const drawer = drawerOf(page, id);
  await expect(drawer.getByRole("button", { name: "Close" })).toBeVisible();
  await expect(drawer.getByRole("button")).toHaveCount(2);
  await expect(drawer.getByRole("button", { name: "Copy job id" })).toBeVisible();
  await expect(drawer.getByRole("textbox")).toHaveCount(0);
}

test.beforeEach(async () => {
  await resetSimulator();
});

test("an id that is not a job id opens a drawer that says so and offers nothing to do", async ({ page }) => {
  await page.goto(`${STACK}?job=not-a-uuid`);
  const drawer = drawerOf(page, "not-a-uuid");
  const missing = drawer.getByTestId("no-such-job");
  await expect(missing.getByRole("heading", { name: "No such job" })).toBeVisible();
  await expect(missing).toContainText("not-a-uuid is not a job id");
  await expect(drawer.getByText("loading…")).toHaveCount(0);
  await expectNothingToDo(page, "not-a-uuid");
});

test("a job id Buildkite does not know opens a drawer that says no such job and offers nothing to do", async ({
  page,
}) => {
  const id = randomUUID();
  await page.goto(`${STACK}?job=${id}`);
  const drawer = drawerOf(page, id);
  await expect(drawer.getByTestId("no-such-job")).toContainText("Buildkite knows no job");
  await expect(drawer.getByRole("heading", { name: "No such job" })).toBeVisible();
  await expect(drawer.getByText("unknown", { exact: true })).toHaveCount(0);
  await expectNothingToDo(page, id);
});

test("the drawer keeps a job's context after it leaves the list, offers only what its state allows, and links to it", async ({
  page,
}) => {
  const [id] = await newJobs(1, "api");
  if (!id) throw new Error("the simulator created no job");
  await page.goto(`${STACK}?dir=asc`);
  await expectRows(page, [id]);
  await page.getByRole("button", { name: `Open job ${short(id)}` }).click();
  const drawer = drawerOf(page, id);
  const details = drawer.getByRole("region", { name: "Details" });
  await expect(details).toContainText("api");
  const build = await details.getByRole("link", { name: /^Build #\d+$/ }).textContent();
  const number = build?.replace("Build #", "");

  // Reserved: it leaves the scheduled list; the drawer keeps what it knew and can still extend or finish it.
  await drawer.getByRole("button", { name: "Reserve" }).click();
  await expect(drawer.getByRole("status", { name: "State" })).toHaveText("reserved");
  await expect(row(page, id)).toHaveCount(0);
  await expect(details.getByTestId("context-source")).toContainText("left the scheduled list");
  await expect(details.getByRole("link", { name: `Build #${number}` })).toBeVisible();
  await expect(drawer.getByRole("button", { name: "Extend" })).toBeVisible();

  await drawer.getByLabel("Reason").fill("no agent will ever take it");
  await drawer.getByRole("button", { name: "Finish job…" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Confirm" }).click();
  await expect(drawer.getByRole("status", { name: "State" })).toHaveText("finished");
  await expect(drawer.getByRole("status").filter({ hasText: "Finished with exit status -1." })).toBeVisible();
  await expect(drawer.getByRole("button", { name: /^(Reserve|Extend|Finish job…)$/ })).toHaveCount(0);
  await expect(drawer.getByTestId("action-unavailable")).toHaveText([
    "The job is finished: only a scheduled job can be reserved.",
    "The job is finished: only a scheduled or reserved job can be finished from here.",
  ]);
  // Buildkite takes notifications for 5 minutes after a job ends.
  await expect(drawer.getByRole("button", { name: "Send notification" })).toBeVisible();
  await expect(details.getByText("Waited")).toBeVisible();

  const links = drawer.getByRole("navigation", { name: "Job links" });
  await expect(links.getByRole("link", { name: "Job log" })).toHaveAttribute(
    "href",
    `/builds/api/${number}/jobs/${id}`,
  );
  await expect(links.getByRole("link", { name: "Open job in Buildkite" })).toHaveAttribute(
    "href",
    new RegExp(`/api/builds/${number}#${id}$`),
  );

  // Opened afresh, the job is no longer in any list: its context comes from Buildkite.
  await page.reload();
  await expect(drawer.getByRole("status", { name: "State" })).toHaveText("finished");
  await expect(details.getByTestId("context-source")).toContainText("from its environment");
  await expect(details.getByRole("link", { name: `Build #${number}` })).toBeVisible();
  await expect(links.getByRole("link", { name: "Job log" })).toHaveAttribute(
    "href",
    `/builds/api/${number}/jobs/${id}`,
  );

  // The console's log page for the job opens from the drawer.
  await links.getByRole("link", { name: "Job log" }).click();
  await expect(page).toHaveURL(new RegExp(`/builds/api/${number}/jobs/${id}$`));
});
