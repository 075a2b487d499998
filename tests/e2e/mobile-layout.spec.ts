import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";
import { expectRows, newJobs } from "./stack-page-helpers";

// A phone held upright: nothing may make the page itself scroll sideways. A table too wide for the screen
// scrolls inside its own box.

const STACK = "/stacks/stack-console";

interface JobFixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
}

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test.beforeEach(async () => {
  await resetSimulator();
});

/** How many pixels the page is wider than the screen (0 when it fits). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function expectNoSidewaysScroll(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
  expect(await sidewaysOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};

test("no page scrolls sideways at 390 px", async ({ page }) => {
  const [id] = await newJobs(1);
  const reserved = await page.request.post(`/api/v1${STACK}/reservations`, {
    data: { jobIds: [id], expirySeconds: 900 },
  });
  expect(reserved.ok()).toBe(true);
  const { colourLog } = (await (await sim("fixtures")).json()) as { colourLog: JobFixture };
  const buildPath = `/builds/${encodeURIComponent(colourLog.pipeline)}/${colourLog.buildNumber}`;

  await expectNoSidewaysScroll(page, "/", async () => {
    await expect(page.getByRole("link", { name: "View jobs in queue _default" })).toBeVisible();
  });
  await expectNoSidewaysScroll(page, STACK, async () => {
    await expect(page.getByTestId("job-row").first()).toBeVisible();
  });
  await expectNoSidewaysScroll(page, `${STACK}?job=${id}`, async () => {
    await expect(page.getByRole("dialog")).toBeVisible();
  });
  await expectNoSidewaysScroll(page, "/builds", async () => {
    await expect(page.getByRole("table").first()).toBeVisible();
  });
  await expectNoSidewaysScroll(page, buildPath, async () => {
    await expect(page.getByRole("table").first()).toBeVisible();
  });
  await expectNoSidewaysScroll(page, `${buildPath}/jobs/${colourLog.jobId}`, async () => {
    await expect(page.getByTestId("log-scroll").locator("[data-line]").first()).toBeVisible();
  });
  await expectNoSidewaysScroll(page, "/audit", heading(/audit/i));
  await expectNoSidewaysScroll(page, "/reservations", async () => {
    await expect(page.getByTestId("expires-in").first()).toBeVisible();
  });
  await expectNoSidewaysScroll(page, "/settings", heading(/settings/i));
});

test("on a phone every job row shows its waiting time on screen", async ({ page }) => {
  const ids = await newJobs(3);
  await page.goto(`${STACK}?dir=asc`);
  await expectRows(page, ids);
  const table = page.getByRole("table", { name: "Scheduled jobs" });
  const box = await table.boundingBox();
  if (!box) throw new Error("the jobs table is not on screen");
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Nothing hides to the right inside the table either: the rows fit its width.
  expect(await table.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);

  // The queue's figures come first on a phone; scrolling down to the table must not also need a sideways scroll.
  const waitingHeader = page.getByRole("columnheader", { name: "Waiting" });
  await waitingHeader.scrollIntoViewIfNeeded();
  await expect(waitingHeader).toBeInViewport({ ratio: 1 });
  const rows = page.getByTestId("job-row");
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < Math.min(count, 8); index += 1) {
    const waiting = rows.nth(index).getByTestId("job-waiting");
    await expect(waiting).toHaveText(/^\d+[smhd]/);
    const cell = await waiting.boundingBox();
    if (!cell) throw new Error(`row ${index} has no waiting cell on screen`);
    expect(cell.x).toBeGreaterThanOrEqual(box.x);
    expect(cell.x + cell.width).toBeLessThanOrEqual(Math.min(390, box.x + box.width));
  }
});
