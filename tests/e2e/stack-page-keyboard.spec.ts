import { expect, test, type Locator, type Page } from "@playwright/test";
import { resetSimulator } from "./demo-simulator";
import { newJobs } from "./stack-page-helpers";

// j and k walk a virtualised table far longer than the screen: the focused row must stay in sight.

const STACK = "/stacks/stack-console";

test.beforeEach(async () => {
  await resetSimulator();
});

const focusedRow = (page: Page) => page.locator('[data-testid="job-row"][aria-current="true"]');

/** The focused row lies wholly inside the window and inside the table's scrolled box. */
async function expectFullyVisible(page: Page, table: Locator) {
  const focused = focusedRow(page);
  await expect(focused).toHaveCount(1);
  await expect(async () => {
    const rowBox = await focused.boundingBox();
    const tableBox = await table.boundingBox();
    const viewport = page.viewportSize();
    if (!rowBox || !tableBox || !viewport) throw new Error("the focused row is not laid out");
    // The table's own sticky header covers its first row's height of the box.
    const headerHeight = await table.locator('[role="row"][aria-rowindex="1"]').evaluate((h) => h.clientHeight);
    expect(rowBox.y).toBeGreaterThanOrEqual(Math.max(0, tableBox.y + headerHeight) - 0.5);
    expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(Math.min(viewport.height, tableBox.y + tableBox.height) + 0.5);
  }).toPass({ timeout: 2000 });
}

test("j and k keep the focused row on screen, scrolling the table down and back up", async ({ page }) => {
  await newJobs(120);
  await page.goto(STACK);
  const table = page.getByRole("table", { name: "Scheduled jobs" });
  // The page may first show a snapshot from before the jobs were added, with them waiting as "+N new".
  await expect(async () => {
    const announce = page.getByRole("button", { name: /^Show \d+ new jobs?$/ });
    if (await announce.isVisible()) await announce.click();
    expect(Number(await table.getAttribute("aria-rowcount", { timeout: 500 }))).toBeGreaterThan(120);
  }).toPass();
  // Start with the table's top in view, as an operator arriving on the page sees it.
  await table.scrollIntoViewIfNeeded();

  await page.keyboard.press("j");
  await expect(focusedRow(page)).toHaveAttribute("aria-rowindex", "2");
  for (let press = 1; press < 60; press += 1) {
    await page.keyboard.press("j");
    if (press % 10 === 0) await expectFullyVisible(page, table);
  }
  await expect(focusedRow(page)).toHaveAttribute("aria-rowindex", "61");
  await expectFullyVisible(page, table);
  await expect(focusedRow(page)).toBeFocused();

  for (let press = 0; press < 59; press += 1) {
    await page.keyboard.press("k");
    if (press % 10 === 0) await expectFullyVisible(page, table);
  }
  await expect(focusedRow(page)).toHaveAttribute("aria-rowindex", "2");
  await expectFullyVisible(page, table);
});
