import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type { QueueSample } from "@/lib/schemas/queue-history";
import { successBody } from "../support/envelopes";
import { resetSimulator } from "./demo-simulator";

// The queue in pictures (issue 15): the stack page's history charts and current-wait histogram, and the home
// card's sparkline and top finding.

const STACK = "/stacks/stack-console";
const isHistoryRead = (url: URL) => url.pathname === "/api/v1/stacks/stack-console/queue/history";

test.beforeEach(async () => {
  await resetSimulator();
});

const section = (page: Page) => page.getByRole("region", { name: "Queue history" });
const backlogFigure = (page: Page) => section(page).locator('[data-testid="history-chart"][data-metric="Backlog"]');

/** `count` samples `stepMs` apart ending now; the backlog peaks at 48 once, and dispatch pauses for ten. */
function samplesEnding(count: number, stepMs: number): QueueSample[] {
  const end = Math.floor(Date.now() / stepMs) * stepMs;
  const peak = Math.floor(count * 0.7);
  return Array.from({ length: count }, (_, index) => {
    const backlog = index === peak ? 48 : 10 + (index % 12);
    return {
      at: new Date(end - (count - 1 - index) * stepMs).toISOString(),
      backlog,
      oldestWaitSeconds: backlog * 20,
      p50WaitSeconds: backlog * 5,
      p95WaitSeconds: backlog * 15,
      paused: index >= count - 48 && index < count - 38,
      busyAgents: 3,
      idleAgents: 0,
      complete: true,
    };
  });
}

/** 288 five-minute buckets, as queue.history answers for 24h. */
const dayOfSamples = () => samplesEnding(288, 300_000);

/**
 * The console records one sample a minute, so a freshly started server has a sample or two: enough to see
 * the route answer (the first test), not to see a chart drawn. To draw one, these tests answer the history
 * read with a day of samples; the route itself is covered by the integration tests.
 */
async function serveADay(page: Page, samples = dayOfSamples()) {
  await page.route(isHistoryRead, (route) =>
    route.fulfill({ json: successBody("queue.history", { samples }), headers: { "cache-control": "no-store" } }),
  );
  return samples;
}

test("the stack page shows the queue's real history as it fills in, and the current waits", async ({ page }) => {
  const history = page.waitForResponse((response) => response.url().includes("/queue/history?"));
  await page.goto(STACK);
  const answer = await history;
  expect(answer.status()).toBe(200);
  const { data } = (await answer.json()) as { data: { samples: QueueSample[] } };

  const backlog = backlogFigure(page);
  await expect(backlog.getByTestId("chart-caption")).toHaveText(/^Backlog over the last 24 hours: /);
  if (data.samples.length < 2) {
    // A fresh server: said in words, not drawn as an empty chart.
    await expect(backlog).toContainText(
      `History fills in as the console samples the queue once a minute; ${data.samples.length} sample`,
    );
    await expect(backlog.locator("canvas")).toHaveCount(0);
  } else {
    await expect(backlog.locator("canvas").first()).toBeVisible();
  }

  const waits = section(page).getByTestId("wait-histogram");
  await expect(waits.getByTestId("chart-caption")).toHaveText(/^Current waits of \d+ jobs?: most \(\d+\) waited /);
});

test("the history charts draw a day of samples, say it in words, and list it as a table", async ({ page }) => {
  const samples = await serveADay(page);
  await page.goto(STACK);
  const backlog = backlogFigure(page);
  await expect(backlog.locator("canvas").first()).toBeVisible();
  await expect(section(page).locator('[data-metric="Oldest wait"] canvas').first()).toBeVisible();
  await expect(
    page.getByRole("figure", { name: /^Backlog over the last 24 hours: peak 48 at \d\d:\d\d, low 10, now \d+/ }),
  ).toBeVisible();
  await expect(backlog.getByTestId("chart-caption")).toContainText("Dispatch was paused in 10 of 288 samples");

  await backlog.getByRole("button", { name: "Show table view of Backlog over the last 24 hours" }).click();
  const table = backlog.getByRole("table", { name: "Backlog samples over the last 24 hours, oldest first" });
  await expect(table.locator("tbody tr")).toHaveCount(samples.length);
  await expect(table.locator("tbody tr").nth(201).locator("td").nth(1)).toHaveText("48");
  await expect(table.locator("tbody tr").nth(240).locator("td").nth(2)).toHaveText("paused");
});

test("the range picker keeps the range in the URL and reads that range", async ({ page }) => {
  await page.goto(STACK);
  const picker = page.getByRole("group", { name: "History range" });
  await expect(picker.getByRole("button", { name: "24h" })).toHaveAttribute("aria-pressed", "true");

  const week = page.waitForRequest(
    (request) => request.url().includes("/queue/history?") && request.url().includes("range=7d"),
  );
  await picker.getByRole("button", { name: "7d" }).click();
  await week;
  await expect(page).toHaveURL(/[?&]range=7d/);
  await expect(picker.getByRole("button", { name: "7d" })).toHaveAttribute("aria-pressed", "true");
  await expect(backlogFigure(page).getByTestId("chart-caption")).toHaveText(/^Backlog over the last 7 days/);

  await page.reload();
  await expect(picker.getByRole("button", { name: "7d" })).toHaveAttribute("aria-pressed", "true");
  await picker.getByRole("button", { name: "1h" }).click();
  await expect(page).toHaveURL(/[?&]range=1h/);
  await page.goBack();
  await expect(page).toHaveURL(/[?&]range=7d/);
  await expect(picker.getByRole("button", { name: "7d" })).toHaveAttribute("aria-pressed", "true");
});

test("the charts redraw in the other theme's colours when the theme changes", async ({ page }) => {
  await serveADay(page);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(STACK);
  const canvas = backlogFigure(page).locator("canvas").first();
  await expect(canvas).toBeVisible();
  const picture = () => canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());
  const light = await picture();

  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect.poll(picture).not.toBe(light);
});

for (const theme of ["light", "dark"] as const) {
  test(`the charts and their tables have no serious accessibility violations in the ${theme} theme`, async ({
    page,
  }) => {
    // An hour of minute samples: three open tables of a day's buckets make axe slow on a loaded machine.
    await serveADay(page, samplesEnding(60, 60_000));
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${STACK}?range=1h`);
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await expect(backlogFigure(page).locator("canvas").first()).toBeVisible();
    // Each button is renamed "Hide …" once clicked, so the first "Show …" left is the next one.
    const show = section(page).getByRole("button", { name: /^Show table view/ });
    for (let opened = 0; opened < 3; opened += 1) await show.first().click();
    await expect(section(page).getByRole("table")).toHaveCount(3);

    const results = await new AxeBuilder({ page }).include('[data-testid="queue-history"]').analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({ rule: violation.id, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
    expect(serious).toEqual([]);
  });
}

test("the home page's queue card shows a backlog sparkline and the queue's top finding", async ({ page }) => {
  await serveADay(page);
  await page.goto("/");
  const card = page.getByRole("region", { name: "Queue _default on stack stack-console" });
  const sparkline = card.getByTestId("backlog-sparkline");
  await expect(sparkline.locator("canvas").first()).toBeVisible();
  await expect(sparkline).toContainText(/^Backlog, last 24 hours: peak 48 at \d\d:\d\d, now \d+\.$/);

  // The demo seeds os=windows and gpu=true jobs no agent matches: the most pressing finding on _default.
  const finding = card.getByTestId("top-finding");
  const link = finding.getByRole("link", { name: /^No agent matches (os=windows|gpu=true)$/ });
  await expect(link).toBeVisible();
  await expect(finding.locator("[data-severity]")).toHaveText("critical");
  await link.click();
  await expect(page).toHaveURL(/\/stacks\/stack-console\?queue=_default$/);
  await expect(page.getByRole("region", { name: "Why jobs wait" })).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  test(`the home card's pictures have no serious accessibility violations in the ${theme} theme`, async ({ page }) => {
    await serveADay(page);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/");
    const card = page.getByRole("region", { name: "Queue _default on stack stack-console" });
    await expect(card.getByTestId("backlog-sparkline").locator("canvas").first()).toBeVisible();
    await expect(card.getByTestId("top-finding").getByRole("link")).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include('[data-testid="backlog-sparkline"]')
      .include('[data-testid="top-finding"]')
      .analyze();
    const serious = results.violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    );
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });
}
