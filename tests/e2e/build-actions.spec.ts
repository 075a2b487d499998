import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";
import { newJobs, short } from "./stack-page-helpers";

// Cancel, rebuild and unblock on the build page, the pipeline picker on the builds list, and the stack
// drawer's env read from the REST API once the Stacks API no longer has the job.

interface BuildRef {
  pipeline: string;
  buildNumber: number;
}
interface Fixtures {
  runningBuild: BuildRef;
  passedBuild: BuildRef;
  blockedBuild: BuildRef;
  manualJob: BuildRef & { jobId: string };
}

async function fixtures(): Promise<Fixtures> {
  return (await (await sim("fixtures")).json()) as Fixtures;
}

async function openBuild(page: Page, build: BuildRef) {
  await page.goto(`/builds/${encodeURIComponent(build.pipeline)}/${build.buildNumber}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${build.pipeline} #${build.buildNumber}`);
}

const buildState = (page: Page) => page.getByTitle(/^Build state: /);

test.beforeEach(async () => {
  await resetSimulator();
});
test.afterEach(async () => {
  await sim("faults", undefined, "DELETE");
});

test("canceling a running build asks first, then shows it canceled", async ({ page }) => {
  const { runningBuild } = await fixtures();
  await openBuild(page, runningBuild);
  await expect(buildState(page)).toHaveAttribute("title", "Build state: running");
  await page.getByRole("button", { name: "Cancel build" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Cancel build #${runningBuild.buildNumber}?` });
  await expect(dialog).toContainText("cannot be undone");
  // Cancel keeps the focus first: Enter right away does not cancel the build.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is canceled" })).toHaveText(
    `Build #${runningBuild.buildNumber} is canceled.`,
  );
  await expect(buildState(page)).toHaveAttribute("title", "Build state: canceled");
  await expect(page.getByRole("button", { name: "Cancel build" })).toHaveCount(0);
});

test("rebuilding links the new build, which opens scheduled", async ({ page }) => {
  const { passedBuild } = await fixtures();
  await openBuild(page, passedBuild);
  await page.getByRole("button", { name: "Rebuild" }).click();
  await page
    .getByRole("alertdialog", { name: `Rebuild build #${passedBuild.buildNumber}?` })
    .getByRole("button", { name: "Confirm" })
    .click();
  const link = page.getByTestId("rebuilt-build-link");
  await expect(link).toBeVisible();
  const number = Number((await link.textContent())?.replace("#", ""));
  expect(number).toBeGreaterThan(passedBuild.buildNumber);
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${passedBuild.pipeline} #${number}`);
  await expect(buildState(page)).toHaveAttribute("title", "Build state: scheduled");
});

test("unblocking a block step sends the operator's fields, and the build runs on", async ({ page }) => {
  const { blockedBuild, manualJob } = await fixtures();
  await openBuild(page, blockedBuild);
  const gate = page.locator(`[data-testid="build-job"][data-job-id="${manualJob.jobId}"]`);
  await expect(gate.getByTestId("state-badge")).toHaveText("blocked");
  await gate.getByRole("button", { name: /^Unblock / }).click();
  const dialog = page.getByRole("alertdialog", { name: /^Unblock .*Deploy to production\?$/ });
  // Cancel holds the focus, so a stray Enter unblocks nothing; the fields are a Shift+Tab away.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Add field" })).toBeFocused();
  await dialog.getByLabel("Field 1 key").fill("release-name");
  await dialog.getByLabel("Field 1 value").fill("Pumpkin");
  await dialog.getByRole("button", { name: "Add field" }).click();
  await dialog.getByLabel("Field 2 key").fill("bad key");
  await expect(dialog.getByRole("alert")).toContainText("Key must be a field key");
  await expect(dialog.getByRole("button", { name: "Confirm" })).toBeDisabled();
  await dialog.getByLabel("Field 2 key").fill("approver");
  await dialog.getByLabel("Field 2 value").fill("on-call");
  await dialog.getByRole("button", { name: "Confirm" }).click();

  await expect(page.getByRole("status").filter({ hasText: "unblocked" })).toContainText("the build continues");
  await expect(gate.getByTestId("state-badge")).toHaveText("unblocked");
  await expect(gate.getByRole("button")).toHaveCount(0);
  // Buildkite keeps the fields as the build's meta-data, as its raw JSON shows.
  const raw = await page.request.get(
    `/api/v1/pipelines/${blockedBuild.pipeline}/builds/${blockedBuild.buildNumber}?raw=1`,
  );
  const body = (await raw.json()) as { data: { meta_data: Record<string, string> } };
  expect(body.data.meta_data).toMatchObject({ "release-name": "Pumpkin", approver: "on-call" });
});

test("the pipeline picker filters the builds list by the pipeline picked", async ({ page }) => {
  await page.goto("/builds");
  const picker = page.getByLabel("Pick a pipeline");
  await expect(picker).toBeEnabled();
  await expect(picker.locator("option")).toContainText(["any pipeline", "API (api)"]);
  await picker.selectOption("api");
  await expect(page).toHaveURL(/\/builds\?pipeline=api$/);
  await expect(page.getByLabel("Pipeline", { exact: true })).toHaveValue("api");
  const rows = page.getByTestId("build-row");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText("api #");
});

test("the drawer shows the REST API's env, saying so, once the Stacks API no longer has the job", async ({ page }) => {
  const [id] = await newJobs(1, "api");
  if (!id) throw new Error("the simulator created no job");
  await sim("faults", { method: "GET", path: `/v3/stacks/*/jobs/${id}`, status: 404, count: 100 });
  await page.goto(`/stacks/stack-console?dir=asc&job=${id}`);
  const drawer = page.getByRole("dialog", { name: `Job ${short(id)}` });
  await expect(drawer).toBeVisible();
  await drawer.getByText("Environment", { exact: true }).click();
  const env = drawer.getByTestId("rest-env");
  await expect(env).toContainText(
    "The Stacks API no longer has this job: this environment comes from Buildkite's REST API.",
  );
  await expect(env.getByText(id, { exact: true })).toBeVisible();
});
