import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";
import { expectRows, newJobs, short } from "./stack-page-helpers";

const STACK = "/stacks/stack-console";

test.beforeEach(async () => {
  await resetSimulator();
});

/**
 * Every console error and uncaught page error from the moment the page starts loading. React reports a
 * hydration mismatch in a production build as a minified error #418 (text) or #423/#425.
 */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`${error.message}\n${error.stack ?? ""}`));
  return errors;
}

const hydrationErrors = (errors: readonly string[]) =>
  errors.filter((error) => /hydrat|#418|#423|#425|server rendered/i.test(error));

/**
 * Holds the page's scripts back, as a slow phone or network would, so hydration runs seconds after the
 * server rendered the HTML: any text that depends on the time of rendering then differs for certain.
 */
async function hydrateLate(page: Page) {
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.continue();
  });
}

/** Waits until React has hydrated `selector`'s element (it then carries React's fiber). */
async function expectHydrated(page: Page, selector: string) {
  await page.waitForFunction(
    (target) => {
      const element = document.querySelector(target);
      return element !== null && Object.keys(element).some((key) => key.startsWith("__reactFiber"));
    },
    selector,
    { timeout: 20_000 },
  );
  // Recoverable errors are reported just after the commit that found them.
  await page.waitForTimeout(500);
}

test("the reservations page hydrates without a mismatch", async ({ page }) => {
  const [id = ""] = await newJobs(1);
  const reserved = await page.request.post(`/api/v1${STACK}/reservations`, {
    data: { jobIds: [id], expirySeconds: 900 },
  });
  expect(reserved.ok()).toBe(true);
  const errors = collectErrors(page);
  await hydrateLate(page);

  await page.goto("/reservations");
  // Other tests' reservations may be listed too, some about to expire: look at this one's.
  // Rows show a short id, so find this one by the full id it carries.
  await expect(page.locator(`tr[data-job-id="${id}"]`).getByTestId("expires-in")).toContainText(/in \d+m/);
  await expectHydrated(page, '[data-testid="expires-in"]');
  expect(hydrationErrors(errors)).toEqual([]);
});

test("a paused stack page hydrates without a mismatch", async ({ page }) => {
  await sim("queue", { paused: true, note: "db migration", by: "Ada Lovelace" });
  const errors = collectErrors(page);
  await hydrateLate(page);

  await page.goto(`${STACK}?queue=_default`);
  await expect(page.getByTestId("pause-details")).toContainText(/Paused by Ada Lovelace \d+s ago/);
  await expectHydrated(page, '[data-testid="pause-details"]');
  expect(hydrationErrors(errors)).toEqual([]);
});

test("a reload with the drawer open hydrates without a mismatch", async ({ page }) => {
  const [id = ""] = await newJobs(1);
  await page.goto(`${STACK}?dir=asc`);
  await expectRows(page, [id]);
  const errors = collectErrors(page);
  await hydrateLate(page);

  await page.goto(`${STACK}?dir=asc&job=${id}`);
  const drawer = page.getByRole("dialog", { name: `Job ${short(id)}` });
  await expect(drawer).toBeVisible();
  await expectHydrated(page, '[data-testid="drawer-waiting"]');
  expect(hydrationErrors(errors)).toEqual([]);
});

test.describe("in a time zone other than the server's", () => {
  // The server renders in UTC; a browser in Kolkata (UTC+05:30) writes every local time differently.
  test.use({ timezoneId: "Asia/Kolkata" });

  test("a reload with the drawer open hydrates without a mismatch and shows local time", async ({ page }) => {
    const [id = ""] = await newJobs(1);
    const errors = collectErrors(page);

    await page.goto(`${STACK}?dir=asc&job=${id}`);
    const drawer = page.getByRole("dialog", { name: `Job ${short(id)}` });
    await expect(drawer).toBeVisible();
    await expectHydrated(page, '[data-testid="drawer-waiting"]');
    expect(hydrationErrors(errors)).toEqual([]);

    const scheduledAt = drawer.locator("time").first();
    const iso = (await scheduledAt.getAttribute("datetime")) ?? "";
    const local = await page.evaluate((value) => new Date(value).toLocaleString(), iso);
    await expect(scheduledAt).toHaveText(local);
  });
});
