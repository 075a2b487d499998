import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";

// The job log viewer against the demo simulator's showcase logs: a colour-heavy one (groups, 16/256/true
// colour, links) and a 100 MB one that must open from its tail without freezing the tab.

interface JobFixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
  bytes?: number;
}

interface Fixtures {
  largeLog: JobFixture;
  colourLog: JobFixture;
  growingLog: JobFixture;
  waiterJob: JobFixture;
}

let fixtures: Fixtures;

test.beforeEach(async () => {
  await resetSimulator();
  fixtures = (await (await sim("fixtures")).json()) as Fixtures;
});

const logPath = (job: JobFixture) => `/builds/${encodeURIComponent(job.pipeline)}/${job.buildNumber}/jobs/${job.jobId}`;
const logBox = (page: Page) => page.getByTestId("log-scroll");
const lineRow = (page: Page, number: number) => logBox(page).locator(`[data-line="${number}"]`);
/** The virtual list's full height: it grows by a row height for every row added. */
const listHeight = (page: Page) =>
  logBox(page).evaluate((element) => (element.firstElementChild as HTMLElement).getBoundingClientRect().height);

test("from the builds list to a build to its log: groups expand and collapse, search counts over the whole log", async ({
  page,
}) => {
  const job = fixtures.colourLog;
  await page.goto(`/builds?pipeline=${encodeURIComponent(job.pipeline)}`);
  await page.getByRole("link", { name: `${job.pipeline} #${job.buildNumber}`, exact: true }).click();
  await page.getByRole("link", { name: `Log of job ${job.jobId.slice(0, 8)}` }).click();
  await expect(page).toHaveURL(logPath(job));
  await expect(page.getByRole("link", { name: `Back to build #${job.buildNumber}` })).toHaveAttribute(
    "href",
    `/builds/${job.pipeline}/${job.buildNumber}`,
  );
  await expect(logBox(page).locator("[data-line]").first()).toBeVisible();

  // Terraform modules are `---` groups: all but the last start collapsed.
  const collapsed = logBox(page)
    .getByRole("button", { name: /module\.region_\d+/, expanded: false })
    .first();
  await expect(collapsed).toBeVisible();
  const headerLine = Number(await collapsed.locator("xpath=..").getAttribute("data-line"));
  const header = lineRow(page, headerLine).getByRole("button");
  await expect(lineRow(page, headerLine + 1)).toHaveCount(0);
  await header.click();
  await expect(header).toHaveAttribute("aria-expanded", "true");
  await expect(lineRow(page, headerLine + 1)).toBeVisible();
  await header.press("Enter");
  await expect(header).toHaveAttribute("aria-expanded", "false");
  await expect(lineRow(page, headerLine + 1)).toHaveCount(0);

  // Colours come through as styles, and the log's `javascript:` link is inert text.
  await expect(logBox(page).locator('span[style*="color"]').first()).toBeVisible();
  await page.getByRole("button", { name: "Expand all" }).click();
  await expect(logBox(page).locator('a[href^="javascript:"]')).toHaveCount(0);

  const search = page.getByRole("searchbox", { name: "Search the log" });
  await search.fill("Refreshing state");
  await expect(page.getByTestId("search-count")).toHaveText(/^\d[\d,]* match(es)?/);
  const count = Number(
    (await page.getByTestId("search-count").textContent())?.match(/^([\d,]+)/)?.[1]?.replaceAll(",", ""),
  );
  expect(count).toBeGreaterThan(0);
  await search.press("Enter");
  await expect(page.getByTestId("search-count")).toContainText(`1 of ${count.toLocaleString("en-US")}`);
  await expect(logBox(page).locator("[data-current-match]")).toBeInViewport();
  await expect(logBox(page).locator("[data-current-match] mark").first()).toHaveText(/refreshing state/i);
});

test("a #L120 anchor scrolls line 120 into view and marks it; a clicked line number becomes the anchor", async ({
  page,
}) => {
  await page.goto(`${logPath(fixtures.colourLog)}#L120`);
  const line = lineRow(page, 120);
  await expect(line).toBeInViewport();
  await expect(line).toHaveAttribute("aria-current", "location");

  await lineRow(page, 121).getByRole("link", { name: "Line 121" }).click();
  await expect(page).toHaveURL(/#L121$/);
  await expect(lineRow(page, 121)).toHaveAttribute("aria-current", "location");
  await expect(line).not.toHaveAttribute("aria-current", "location");
});

test("the 100 MB log opens from its tail without freezing the tab, and scrolling up loads earlier lines", async ({
  page,
}) => {
  const job = fixtures.largeLog;
  expect(job.bytes ?? 0).toBeGreaterThanOrEqual(100 * 1024 * 1024);
  // Chunks are parsed off the main thread.
  const worker = page.waitForEvent("worker");
  await page.goto(logPath(job));
  await worker;
  const rows = logBox(page).locator("[data-line], [data-group-header]");
  await expect(rows.first()).toBeVisible({ timeout: 20_000 });
  const firstLinesAt = await page.evaluate(
    () => performance.getEntriesByName("log-first-lines", "mark")[0]?.startTime ?? null,
  );
  expect(firstLinesAt).not.toBeNull();
  test
    .info()
    .annotations.push({ type: "time to first log lines (ms)", description: String(Math.round(firstLinesAt ?? 0)) });

  // Still responsive: a click is answered at once, not after a whole-log parse.
  const timestamps = page.getByRole("button", { name: "Timestamps" });
  await timestamps.click();
  await expect(timestamps).toHaveAttribute("aria-pressed", "true", { timeout: 1000 });

  const before = await listHeight(page);
  await logBox(page).evaluate((element) => {
    element.scrollTop = 0;
  });
  await expect.poll(() => listHeight(page), { timeout: 15_000 }).toBeGreaterThan(before);
  // The line numbers arrive once the server has indexed the log, and they are far past the first screenful.
  await expect(logBox(page).locator("[data-line]").first()).toBeVisible({ timeout: 20_000 });
  const shown = Number(await logBox(page).locator("[data-line]").first().getAttribute("data-line"));
  expect(shown).toBeGreaterThan(1000);
});

test("a running job's log follows new lines while at the bottom, and holds still while reading above", async ({
  page,
}) => {
  await page.goto(logPath(fixtures.growingLog));
  await expect(page.getByTestId("log-status")).toContainText("running");
  const follow = page.getByRole("button", { name: "Follow" });
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  // Most of it sits in collapsed groups; opened, it is taller than the view.
  await page.getByRole("button", { name: "Expand all" }).click();
  const start = await listHeight(page);
  await expect.poll(() => listHeight(page), { timeout: 15_000 }).toBeGreaterThan(start);
  const gapToBottom = () =>
    logBox(page).evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
  await expect.poll(gapToBottom).toBeLessThan(20);

  await logBox(page).evaluate((element) => {
    element.scrollTop = 0;
  });
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  const reading = await listHeight(page);
  await expect.poll(() => listHeight(page), { timeout: 15_000 }).toBeGreaterThan(reading);
  expect(await logBox(page).evaluate((element) => element.scrollTop)).toBe(0);

  await page.getByRole("button", { name: "Jump to bottom" }).click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect.poll(gapToBottom).toBeLessThan(20);
});

test("a job without a log says so instead of showing an empty viewer", async ({ page }) => {
  await page.goto(logPath(fixtures.waiterJob));
  await expect(page.getByTestId("log-unavailable")).toContainText("This job has no log");
});

for (const theme of ["light", "dark"] as const) {
  test(`the log page has no serious accessibility violations in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(logPath(fixtures.colourLog));
    await expect(logBox(page).locator("[data-line]").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    // The 16 named colours on the page's background follow the theme (CSS variables) and are checked. Text
    // on a background the program chose, or in a 256-colour or truecolour code, is shown as the program
    // chose it: that is the log's contrast, not the page's.
    const chosenByProgram = (html: string) => /style="[^"]*(background-color|color: rgb)/.test(html);
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        rule: violation.id,
        nodes: violation.nodes
          .filter((node) => violation.id !== "color-contrast" || !chosenByProgram(node.html))
          .map((node) => node.target.join(" ")),
      }))
      .filter((violation) => violation.nodes.length > 0);
    expect(serious).toEqual([]);
  });
}
