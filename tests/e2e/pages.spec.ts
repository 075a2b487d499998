import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";
import { newJobs } from "./stack-page-helpers";

const STACK = "stack-console";

test.beforeEach(async () => {
  await resetSimulator();
});

/** Reserves through the console's own API, as another operator's browser would. */
async function reserve(page: Page, baseURL: string | undefined, jobIds: string[], expirySeconds = 900) {
  const response = await page.request.post(`/api/v1/stacks/${STACK}/reservations`, {
    data: { jobIds, expirySeconds },
    headers: { origin: baseURL ?? "" },
  });
  expect(response.status()).toBe(200);
}

const jobRow = (page: Page, id: string) => page.getByRole("row").filter({ hasText: id });

test("the theme follows the system, the toggle switches it, and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const html = page.locator("html");
  const toggle = page.getByRole("button", { name: "Theme: system" });
  await expect(toggle).toBeVisible();
  await expect(html).toHaveClass(/\bdark\b/);
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await toggle.click();
  await expect(page.getByRole("button", { name: "Theme: light" })).toBeVisible();
  await expect(html).not.toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(darkBackground);

  await page.reload();
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.getByRole("button", { name: "Theme: light" }).click();
  await expect(page.getByRole("button", { name: "Theme: dark" })).toBeVisible();

  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  // Applied by the head script before anything paints, and kept against the system's light preference.
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Theme: dark" })).toBeVisible();
});

test("the navigation marks the current page and names the operator", async ({ page }) => {
  await page.goto("/reservations");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Reservations" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Queues" })).not.toHaveAttribute("aria-current", /.*/);
  await expect(page.getByRole("banner")).toContainText("Acting as Demo Operator admin");

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Reservations" })).not.toHaveAttribute("aria-current", /.*/);
});

test("the states panel watches pasted ids live, keeps them across a reload and names unknown ones", async ({
  page,
  baseURL,
}) => {
  const ids = await newJobs(3);
  const [first, second, third] = ids as [string, string, string];
  const stranger = "00000000-0000-4000-8000-00000000beef";
  await page.goto(`/stacks/${STACK}/states`);

  // A console link and upper case are as good as a bare id.
  await page
    .getByLabel("Job ids")
    .fill(`${first}, ${baseURL}/stacks/${STACK}?job=${second}\n${third.toUpperCase()} ${stranger}`);
  await page.getByRole("button", { name: "Watch", exact: true }).click();

  for (const id of ids) await expect(jobRow(page, id)).toContainText("scheduled");
  const unknown = page.getByRole("region", { name: "Unknown to Buildkite (1)" });
  await expect(unknown).toContainText(stranger);

  await reserve(page, baseURL, [first]);
  await expect(jobRow(page, first)).toContainText("reserved");
  await expect(jobRow(page, second)).toContainText("scheduled");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Watching 4 jobs" })).toBeVisible();
  await expect(jobRow(page, first)).toContainText("reserved");
  await expect(page.getByLabel("Job ids")).toHaveValue(new RegExp(third));
});

test("when state refreshes fail the last states stay, with a warning", async ({ page }) => {
  const [id] = (await newJobs(1)) as [string];
  await page.goto(`/stacks/${STACK}/states`);
  await page.getByLabel("Job ids").fill(id);
  await page.getByRole("button", { name: "Watch", exact: true }).click();
  await expect(jobRow(page, id)).toContainText("scheduled");

  // A 401 is not retried, so the failure shows at the next refresh rather than after the retry backoff.
  await sim("faults", { path: "/v3/stacks/*/jobs/get-states", status: 401, count: 1000 });
  const warning = page.getByRole("alert").filter({ hasText: "Refresh failed — showing the last good data." });
  await expect(warning).toContainText("auth_error");
  await expect(jobRow(page, id)).toContainText("scheduled");
  await sim("faults", undefined, "DELETE");
  await expect(warning).toBeHidden();
});

test("tokens that are not job ids are named inline", async ({ page }) => {
  const [id] = (await newJobs(1)) as [string];
  await page.goto(`/stacks/${STACK}/states`);
  const field = page.getByLabel("Job ids");

  await field.fill("nonsense, 12345");
  await page.getByRole("button", { name: "Watch", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No job ids found." })).toHaveText(
    "No job ids found. Not job ids: “nonsense”, “12345”.",
  );
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("No jobs watched yet.")).toBeVisible();

  await field.fill(`${id} typo-here`);
  await page.getByRole("button", { name: "Watch", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Skipped" })).toHaveText(
    "Skipped a token that is not a job id: “typo-here”.",
  );
  await expect(jobRow(page, id)).toContainText("scheduled");
});

test("collect from queue fills in the scheduled jobs and watches them", async ({ page }) => {
  const ids = await newJobs(2);
  await page.goto(`/stacks/${STACK}/states`);
  await page.getByRole("button", { name: "Collect from queue" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Collected" })).toHaveText(
    /Collected \d+ of \d+ scheduled jobs on queue _default/,
  );
  for (const id of ids) {
    await expect(page.getByLabel("Job ids")).toHaveValue(new RegExp(id));
    await expect(jobRow(page, id)).toContainText("scheduled");
  }
});

test("the reservations page lists the console's reservation with a ticking countdown", async ({ page, baseURL }) => {
  const [id] = (await newJobs(1)) as [string];
  await reserve(page, baseURL, [id], 600);
  await page.goto("/reservations");

  const row = page.locator(`tr[data-job-id="${id}"]`);
  await expect(row).toContainText(STACK);
  await expect(row).toContainText("Demo Operator");
  await expect(row.getByRole("link", { name: id.slice(0, 8), exact: true })).toHaveAttribute(
    "href",
    `/stacks/${STACK}?job=${id}`,
  );
  const expires = row.getByTestId("expires-in");
  await expect(expires).toHaveText(/^in (9m|10m) \d\ds$/);
  const first = await expires.textContent();
  await expect(expires).not.toHaveText(first ?? "");
});

test("register refuses bad input inline without sending anything", async ({ page }) => {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/stacks") && request.method() === "POST") sent.push(request.url());
  });
  await page.goto("/settings");
  await page.getByLabel("Stack key", { exact: true }).fill("has spaces");
  await page.getByRole("button", { name: "Add metadata row" }).click();
  await page.getByLabel("Metadata value 1").fill("orphan");
  await page.getByRole("button", { name: "Register stack" }).click();

  const key = page.getByLabel("Stack key", { exact: true });
  await expect(key).toHaveAttribute("aria-invalid", "true");
  await expect(key).toHaveAccessibleDescription(/Stack key must be 1–80 letters, digits, _ or -/);
  await expect(key).toBeFocused();
  await expect(page.getByLabel("Queue key")).toHaveAccessibleDescription(
    /Queue key must be 1–100 letters, digits, _, - or \./,
  );
  await expect(page.getByLabel("Metadata key 1")).toHaveAccessibleDescription("Metadata row 1: a key is required");
  expect(sent).toEqual([]);
});

test("a stack is registered, shown as Buildkite answered, and deregistered through a confirmation", async ({
  page,
}) => {
  const key = `e2e-${Date.now()}`;
  await page.goto("/settings");
  await expect(page.getByLabel("Type")).toHaveValue("custom");
  await page.getByLabel("Stack key", { exact: true }).fill(key);
  await page.getByLabel("Queue key").fill("e2e-queue");
  await page.getByRole("button", { name: "Add metadata row" }).click();
  await page.getByLabel("Metadata key 1").fill("region");
  await page.getByLabel("Metadata value 1").fill("eu-west");
  await page.getByRole("button", { name: "Register stack" }).click();

  const registered = page.getByRole("status", { name: `Registered stack ${key}` });
  await expect(registered).toContainText("e2e-queue");
  await expect(registered).toContainText("region=eu-west");
  await expect(registered).toContainText("custom");

  await page.getByLabel("Stack key to deregister").fill(key);
  await page.getByRole("button", { name: "Deregister" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Deregister stack ${key}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Stack ${key} deregistered.`)).toBeHidden();

  await page.getByRole("button", { name: "Deregister" }).click();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Stack ${key} deregistered.` })).toBeVisible();

  // Gone for Buildkite too: a second deregister is refused.
  await page.getByRole("button", { name: "Deregister" }).click();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not deregister" })).toContainText(
    `Could not deregister stack ${key}: not_found`,
  );
});
