import { expect, test } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";

test.beforeEach(async () => {
  await resetSimulator();
});

test("the agents page groups agents by queue and filters them by queue, state and text", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agents" }).click();
  await expect(page).toHaveURL(/\/agents$/);
  await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
  for (const queue of ["_default", "linux-large", "macos"])
    await expect(page.getByRole("table", { name: `Agents of queue ${queue}` })).toBeVisible();

  await page.getByLabel("Queue").selectOption("macos");
  await expect(page.getByRole("table", { name: "Agents of queue _default" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Agents of queue macos" }).getByTestId("agent-row")).toHaveCount(1);
  await page.getByLabel("Queue").selectOption("");

  await page.getByLabel("State").selectOption("lost");
  const lost = page.getByTestId("agent-row");
  await expect(lost).toHaveCount(1);
  await expect(lost).toContainText("lost");
  await page.getByLabel("State").selectOption("");

  await page.getByLabel("Name, host or tag").fill("xcode=16.2");
  await expect(page.getByTestId("agent-row")).toHaveCount(1);
  await expect(page.getByTestId("agent-row")).toContainText("mac-mini-04");
});

test("an agent that connects appears at the next refresh", async ({ page }) => {
  await page.goto("/agents");
  await page.getByLabel("Name, host or tag").fill("win-e2e");
  await expect(page.getByText("No agents match the filters")).toBeVisible();
  const connected = await sim("agents", { name: "win-e2e-1", tags: ["queue=_default", "os=windows"] });
  expect(connected.status).toBe(201);
  await expect(page.getByTestId("agent-row")).toContainText("os=windows", { timeout: 15_000 });
});
