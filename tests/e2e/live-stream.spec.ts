import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";
import { expectRows, newJobs, row, short } from "./stack-page-helpers";

// Changes are pushed: with the page's own polling set to a minute, anything that shows up within seconds
// came over the event stream.

const PIPELINE = "mobile-ios";
const VIEW = `/stacks/stack-console?pipeline=${PIPELINE}`;

test.beforeEach(async () => {
  await resetSimulator();
});

/** Opens the view with polling slowed to a minute and waits for the stream to be live. */
async function openLive(page: Page, path = VIEW) {
  await page.goto(path);
  await page.getByLabel("Refresh interval").selectOption({ label: "1m" });
  await expect(page.getByTestId("live-status")).toHaveText(/^Live/);
}

/** Counts the page's reads of the whole list from now on. */
function listReads(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on("request", (request) => {
    if (request.url().includes("/scheduled-jobs")) seen.count++;
  });
  return seen;
}

test("a job scheduled in Buildkite appears without the page polling, pushed by its webhook", async ({ page }) => {
  await openLive(page);
  // The demo registers its own webhook receiver with its simulator, as an organisation would with Buildkite.
  await expect(page.getByTestId("live-status")).toHaveText("Live · webhooks");
  const reads = listReads(page);
  const [id] = await newJobs(1, PIPELINE);
  await expectRows(page, [id!]);
  expect(reads.count).toBe(0);
  await expect(page.getByTestId("updated-ago")).toHaveText(/^last change \d+s ago/);
  const receivers = (await (await sim("webhooks")).json()) as {
    webhooks: { url: string; deliveries: { event: string; outcome: string }[] }[];
  };
  const console_ = receivers.webhooks.find((receiver) => receiver.url.endsWith("/api/v1/webhooks/buildkite"));
  expect(console_?.deliveries).toContainEqual(
    expect.objectContaining({ event: "job.scheduled", outcome: "delivered" }),
  );
});

test("a dropped stream reconnects and catches up on what it missed", async ({ page }) => {
  // The first connection is cut at once, as by a proxy or a Wi-Fi hiccup; the next ones go through.
  let connections = 0;
  await page.route("**/api/v1/stacks/*/events?*", async (route) => {
    connections++;
    if (connections === 1) {
      await route.fulfill({ status: 200, contentType: "text/event-stream", body: "retry: 60000\n\n" });
    } else {
      await route.continue();
    }
  });
  await page.goto(VIEW);
  await page.getByLabel("Refresh interval").selectOption({ label: "1m" });
  // While it is down, the page says it polls; jobs scheduled meanwhile arrive once it is back.
  const missed = await newJobs(2, PIPELINE);
  await expect(page.getByTestId("live-status")).toHaveText(/^Live/);
  expect(connections).toBeGreaterThanOrEqual(2);
  await expectRows(page, missed);
});

test("the drawer and its finish confirmation stay open while changes are pushed", async ({ page }) => {
  const [id] = await newJobs(1, PIPELINE);
  await openLive(page, `${VIEW}&job=${id}`);
  const drawer = page.getByRole("dialog", { name: `Job ${short(id!)}` });
  await drawer.getByLabel("Reason").fill("stuck behind a dead agent");
  await drawer.getByRole("button", { name: "Finish job…" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Finish job ${short(id!)}?` });
  await expect(confirm).toBeVisible();

  const reads = listReads(page);
  await newJobs(3, PIPELINE);
  await expect(page.getByRole("button", { name: /^Show [3-9] new jobs$/ })).toBeVisible();
  expect(reads.count).toBe(0);
  await expect(confirm).toBeVisible();
  await expect(drawer).toBeVisible();
  await expect(drawer.getByLabel("Reason")).toHaveValue("stuck behind a dead agent");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(drawer.getByRole("status").filter({ hasText: "Finished with exit status -1." })).toBeVisible();
  await expect(row(page, id!)).toHaveCount(0);
});

test("the page's HTML carries the first screen of rows, and the rest follows at once", async ({ page }) => {
  const ids = await newJobs(100, PIPELINE);
  // The server's shared read may predate the jobs by an interval: wait until the API lists them all.
  await expect(async () => {
    const listed = await page.request.get("/api/v1/stacks/stack-console/scheduled-jobs?queue=_default&all=1");
    const body = (await listed.json()) as { data: { id: string }[] };
    const present = new Set(body.data.map((job) => job.id));
    expect(ids.every((id) => present.has(id))).toBe(true);
  }).toPass();
  const html = await (await page.request.get(VIEW)).text();
  const inHtml = ids.filter((id) => html.includes(id)).length;
  expect(inHtml).toBeGreaterThan(0);
  expect(inHtml).toBeLessThanOrEqual(60);

  await page.goto(VIEW);
  await expect(page.getByText(/^100 of \d+ jobs shown$/)).toBeVisible();
});
