import { expect, test } from "@playwright/test";
import { resetSimulator } from "./demo-simulator";
import { expectRows, newJobs, short } from "./stack-page-helpers";

// Opening a job and changing the filters are places the operator can go Back from.

const STACK = "/stacks/stack-console";

test.beforeEach(async () => {
  await resetSimulator();
});

test("Back closes the drawer a click opened, and Forward reopens it", async ({ page }) => {
  const [id = ""] = await newJobs(1);
  await page.goto(`${STACK}?dir=asc`);
  await expectRows(page, [id]);

  await page.getByRole("button", { name: `Open job ${short(id)}` }).click();
  const drawer = page.getByRole("dialog", { name: `Job ${short(id)}` });
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`job=${id}`));

  await page.goBack();
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/job=/);
  await expect(page).toHaveURL(/dir=asc/);

  await page.goForward();
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`job=${id}`));
});

test("Back undoes a filter change, a typed word at once, and a sort change", async ({ page }) => {
  await newJobs(2, "docs");
  await page.goto(STACK);
  await expect(page.getByTestId("job-row").first()).toBeVisible();
  const pipeline = page.getByLabel("Pipeline");

  // Typed key by key: one history entry for the word, not one per letter.
  await pipeline.pressSequentially("docs", { delay: 50 });
  await expect(page).toHaveURL(/pipeline=docs/);
  await page.getByRole("button", { name: "Waiting" }).click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(page.getByRole("columnheader", { name: "Waiting" })).toHaveAttribute("aria-sort", "ascending");

  await page.goBack();
  await expect(page).not.toHaveURL(/dir=asc/);
  await expect(page.getByRole("columnheader", { name: "Waiting" })).toHaveAttribute("aria-sort", "descending");
  await expect(pipeline).toHaveValue("docs");

  await page.goBack();
  await expect(pipeline).toHaveValue("");
  await expect(page).not.toHaveURL(/pipeline=/);
  await expect(page).toHaveURL(new RegExp(`${STACK}$`));

  await page.goForward();
  await expect(pipeline).toHaveValue("docs");
  await expect(page).toHaveURL(/pipeline=docs/);
});
