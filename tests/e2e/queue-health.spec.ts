import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";

// The demo's queues as seeded: _default has dozens of jobs waiting for many minutes (critical);
// linux-large has four jobs, none of them waiting five minutes yet (ok); macos has two old ones.
const STACK = "/stacks/stack-console";
const card = (page: Page, queueKey: string) =>
  page.getByRole("region", { name: `Queue ${queueKey} on stack stack-console` });

test.beforeEach(async () => {
  await resetSimulator();
});

test("the home page watches every queue of the demo's cluster, each with its level", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("region", { name: /^Queue .* on stack stack-console$/ })).toHaveCount(3);
  for (const queueKey of ["_default", "linux-large", "macos"]) {
    await expect(card(page, queueKey).getByTestId("scheduled-count")).toHaveText(/^\d+$/);
  }

  const busy = card(page, "_default");
  await expect(busy.getByTestId("queue-level")).toHaveText("critical");
  await expect(busy.getByLabel(/^critical: \d+ waiting over 5m$/)).toBeVisible();
  await expect(card(page, "linux-large").getByTestId("queue-level")).toHaveText("ok");
  await expect(page).toHaveTitle("▲ critical — Stack Console");

  // Each card leads to its queue's stack page, discovered queues included.
  await card(page, "macos").getByRole("link", { name: "View jobs in queue macos" }).click();
  await expect(page).toHaveURL(/\/stacks\/stack-console\?queue=macos$/);
  await expect(page.getByRole("heading", { name: "Queue macos" })).toBeVisible();
  await expect(page.getByTestId("scheduled-count")).toHaveText(/^\d+$/);
});

test("as jobs pile up the stack header turns warning, then critical, and the tab title follows", async ({ page }) => {
  await page.goto(`${STACK}?queue=linux-large`);
  const level = page.getByTestId("queue-level");
  await expect(level).toHaveText("ok");
  await expect(page).toHaveTitle("linux-large · stack-console · Stack Console");

  await sim("jobs", { count: 60, queueKey: "linux-large" });
  await expect(page.getByLabel("warning: 64 waiting")).toBeVisible();
  await expect(level).toHaveText("warning");
  await expect(page).toHaveTitle("△ warning — linux-large · stack-console · Stack Console");

  await sim("jobs", { count: 140, queueKey: "linux-large" });
  await expect(page.getByLabel("critical: 204 waiting")).toBeVisible();
  await expect(page.getByTestId("scheduled-count-stat")).toContainText("critical");
  await expect(level).toHaveText("critical");
  await expect(page).toHaveTitle("▲ critical — linux-large · stack-console · Stack Console");

  // Back on the home page the worst queue still sets the title; the stack page's title is gone.
  await page.getByRole("link", { name: "All queues" }).click();
  await expect(card(page, "linux-large").getByTestId("queue-level")).toHaveText("critical");
  await expect(page).toHaveTitle("▲ critical — Stack Console");
});

test.describe("in the operator's time zone", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("the paused banner says when, with the zone named, without a hydration error", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await sim("queue", { queueKey: "macos", paused: true, note: "xcode upgrade", by: "Ada Lovelace" });
    await page.goto(`${STACK}?queue=macos`);
    const banner = page.getByRole("alert").filter({ hasText: "Dispatch paused" });
    await expect(banner.getByTestId("pause-details")).toHaveText(
      /^Paused by Ada Lovelace \d+s ago \(at \d\d:\d\d:\d\d GMT\+9, \d{4}-\d\d-\d\d\) — “xcode upgrade”$/,
    );
    await expect(page.getByTestId("queue-level")).toHaveText("critical");
    expect(errors.filter((text) => /hydrat/i.test(text))).toEqual([]);
  });
});
