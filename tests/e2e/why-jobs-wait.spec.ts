import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";

// The stack page's "Why jobs wait" panel: the seeded os=windows and gpu=true jobs no agent matches are
// found, their button narrows the table to exactly them, and the chip's clear button brings the rest back.

const STACK = "/stacks/stack-console";

test.beforeEach(async () => {
  await resetSimulator();
});

const panel = (page: Page) => page.getByRole("region", { name: "Why jobs wait" });
// One finding per set of unmet rules: os=windows and gpu=true each have theirs.
const noAgentFinding = (page: Page) =>
  panel(page).locator('[data-testid="triage-finding"][data-kind="no_matching_agent"]').first();

test("the no-matching-agent finding's button shows exactly its jobs, and clearing restores the table", async ({
  page,
}) => {
  await page.goto(STACK);
  const finding = noAgentFinding(page);
  await expect(finding).toBeVisible();
  const title = (await finding.getByRole("heading").textContent()) ?? "";
  expect(title).toMatch(/^No agent matches (os=windows|gpu=true)$/);
  const rule = title.replace("No agent matches ", "");
  const show = finding.getByRole("button", { name: /^Show these \d+ jobs? \(/ });
  const count = Number((await show.textContent())?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(0);

  const rows = page.getByTestId("job-row");
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  expect(before).toBeGreaterThan(count);

  await show.click();
  const chip = page.getByTestId("finding-jobs-chip");
  await expect(chip).toHaveText(`Showing ${count} job${count === 1 ? "" : "s"} from finding: ${title}`);
  await expect(rows).toHaveCount(count);
  await expect(page).toHaveURL(/[?&]jobs=/);
  for (const row of await rows.all()) {
    const text = (await row.textContent()) ?? "";
    expect(text).toContain(rule);
  }

  await chip.getByRole("button", { name: "Clear the finding's job filter" }).click();
  await expect(chip).toHaveCount(0);
  await expect(rows).toHaveCount(before);
  await expect(page).not.toHaveURL(/[?&]jobs=/);
});

test("the paused-dispatch finding carries its remedy: resuming there clears it and the banner", async ({ page }) => {
  await sim("queue", { paused: true, note: "db migration", by: "Ada Lovelace" });
  await page.goto(`${STACK}?queue=_default`);
  const finding = panel(page).locator('[data-testid="triage-finding"][data-kind="dispatch_paused"]');
  await expect(finding).toContainText("Ada Lovelace");
  await expect(finding).toContainText("db migration");
  const banner = page.getByRole("alert").filter({ hasText: "Dispatch paused" });
  await expect(banner).toBeVisible();

  await finding.getByRole("button", { name: /^Resume dispatch of queue _default \(/ }).click();
  await page.getByRole("alertdialog", { name: "Resume dispatch?" }).getByRole("button", { name: "Confirm" }).click();
  await expect(finding).toHaveCount(0);
  await expect(banner).toBeHidden();
});

for (const theme of ["light", "dark"] as const) {
  test(`the panel has no serious accessibility violations in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(STACK);
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await expect(noAgentFinding(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).include('[data-testid="why-jobs-wait"]').analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({ rule: violation.id, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
    expect(serious).toEqual([]);
  });
}
