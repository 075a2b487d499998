import { expect, test } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";

test.beforeEach(async () => {
  await resetSimulator();
});

test("the home page shows the demo queue live: count, oldest wait, pause and resume", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("Demo — simulated cluster")).toBeVisible();

  const card = page.getByRole("region", { name: "Queue _default on stack stack-console" });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("dispatch-state")).toHaveText("Dispatching");
  const count = Number(await card.getByTestId("scheduled-count").textContent());
  expect(count).toBeGreaterThan(0);
  await expect(card.getByTestId("oldest-wait")).toHaveText(/\d+[smhd]/);

  // New jobs arrive without a reload.
  await sim("jobs", { count: 5 });
  await expect(card.getByTestId("scheduled-count")).toHaveText(String(count + 5));

  await sim("queue", { paused: true, note: "e2e" });
  await expect(card.getByTestId("dispatch-state")).toHaveText("Dispatch paused");
  await sim("queue", { paused: false });
  await expect(card.getByTestId("dispatch-state")).toHaveText("Dispatching");
});

test("when refreshes fail the last good numbers stay, with a warning naming the error", async ({ page }) => {
  await page.goto("/");
  const card = page.getByRole("region", { name: "Queue _default on stack stack-console" });
  // The page's first numbers may come from a read made before the reset: take them once they are current.
  await expect(async () => {
    const queue = await page.request.get("/api/v1/stacks/stack-console/queue?queue=_default");
    const { data } = (await queue.json()) as { data: { scheduledCount: number } };
    await expect(card.getByTestId("scheduled-count")).toHaveText(String(data.scheduledCount), { timeout: 1000 });
  }).toPass();
  const count = await card.getByTestId("scheduled-count").textContent();

  await sim("faults", { path: "/v3/stacks/*/scheduled-jobs", status: 503, count: 1000 });
  const warning = card.getByRole("alert");
  await expect(warning).toContainText("Refresh failed — showing the last good data.");
  await expect(warning).toContainText("server_error");
  await expect(card.getByTestId("scheduled-count")).toHaveText(count ?? "");

  await sim("faults", undefined, "DELETE");
  await expect(warning).toBeHidden();
});
