import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";
import { newJobs, short } from "./stack-page-helpers";

// The builds pages against the demo's simulator: list → build, the hostile annotation rendered inert, an
// artifact's bytes checked against its sha1, a retry that schedules a new job, and the links between the
// stack page's scheduled jobs and their builds. The simulator names the builds each test needs.

interface BuildRef {
  pipeline: string;
  buildNumber: number;
}

interface Fixtures {
  failedJob: { pipeline: string; buildNumber: number; jobId: string };
  hostileAnnotation: BuildRef;
  passedBuild: BuildRef;
  blockedBuild: BuildRef;
  namelessCreatorBuild: BuildRef;
  manualJob: BuildRef & { jobId: string };
  smallArtifact: {
    pipeline: string;
    buildNumber: number;
    jobId: string;
    artifactId: string;
    bytes: number;
    sha1: string;
  };
}

async function fixtures(): Promise<Fixtures> {
  const response = await sim("fixtures");
  expect(response.ok, "the simulator serves GET /__sim/fixtures").toBe(true);
  return (await response.json()) as Fixtures;
}

const buildPath = (pipeline: string, number: number) => `/builds/${encodeURIComponent(pipeline)}/${number}`;
const jobRow = (page: Page, id: string) => page.locator(`[data-testid="build-job"][data-job-id="${id}"]`);

async function openBuild(page: Page, pipeline: string, number: number) {
  await page.goto(buildPath(pipeline, number));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${pipeline} #${number}`);
  await expect(page.getByTestId("build-job").first()).toBeVisible();
}

test.beforeEach(async () => {
  await resetSimulator();
});

test("the builds list filters by pipeline in the URL, and a build opens with its failed jobs first", async ({
  page,
}) => {
  const { failedJob } = await fixtures();
  await page.goto("/builds");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Builds" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByTestId("build-row").first()).toBeVisible();

  await page.getByLabel("Pipeline", { exact: true }).fill(failedJob.pipeline);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/builds\\?pipeline=${encodeURIComponent(failedJob.pipeline)}$`));
  // The previous rows stay on screen (marked busy) until the filtered page arrives.
  await expect(page.getByRole("table")).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("build-row").first()).toContainText(`${failedJob.pipeline} #`);
  for (const row of await page.getByTestId("build-row").all())
    await expect(row).toContainText(`${failedJob.pipeline} #`);

  // The build may be past the first page; the pager keeps the filter.
  const link = page.getByRole("link", { name: `${failedJob.pipeline} #${failedJob.buildNumber}`, exact: true });
  for (let pages = 0; pages < 10 && !(await link.isVisible()); pages += 1) {
    const next = page.getByRole("link", { name: "Next page" });
    await expect(next, `build #${failedJob.buildNumber} is on one of the pages`).toBeVisible();
    await next.click();
    await expect(page).toHaveURL(/[?&]page=\d+/);
    await expect(page.getByRole("table")).toHaveAttribute("aria-busy", "false");
  }
  await link.click();

  await expect(page).toHaveURL(buildPath(failedJob.pipeline, failedJob.buildNumber));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${failedJob.pipeline} #${failedJob.buildNumber}`);
  await expect(page.getByRole("list", { name: "Jobs by state" })).toContainText("failed");
  const rows = page.getByTestId("build-job");
  await expect(rows.first()).toHaveAttribute("data-failed", "true");
  await expect(jobRow(page, failedJob.jobId)).toHaveAttribute("data-failed", "true");
  // Every failed row comes before every other row.
  const failedFlags = await rows.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute("data-failed") === "true"),
  );
  expect(failedFlags).toEqual([...failedFlags].sort((a, b) => Number(b) - Number(a)));

  // Back returns to the filtered list the operator came from.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/builds\\?pipeline=${encodeURIComponent(failedJob.pipeline)}`));
  await expect(page.getByLabel("Pipeline", { exact: true })).toHaveValue(failedJob.pipeline);
});

test("the hostile annotation renders inert: no script runs, no handlers, no javascript: links", async ({ page }) => {
  const { hostileAnnotation } = await fixtures();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Traps for whatever the payload tries: a global it sets, or a dialog it opens.
  await page.addInitScript(() => {
    const trap = window as unknown as { __xss?: unknown };
    trap.__xss = undefined;
    for (const name of ["alert", "confirm", "prompt"] as const) {
      window[name] = (() => {
        trap.__xss = name;
        return null;
      }) as never;
    }
  });

  await openBuild(page, hostileAnnotation.pipeline, hostileAnnotation.buildNumber);
  const annotations = page.getByTestId("annotation");
  await expect(annotations.first()).toBeVisible();
  // Give any deferred payload (an image's onerror or onload) the chance to fire: every image has settled.
  await expect.poll(() => page.evaluate(() => [...document.images].every((image) => image.complete))).toBe(true);

  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const found = await annotations.evaluateAll((cards) => {
    // Handlers and script URLs are looked for in the whole page; active elements only in the annotations
    // (the page's own scripts are Next's).
    const elements = [...document.querySelectorAll("*")];
    const inAnnotations = cards.flatMap((card) => [...card.querySelectorAll("*")]);
    return {
      handlers: elements.flatMap((element) =>
        element
          .getAttributeNames()
          .filter((name) => name.toLowerCase().startsWith("on"))
          .map((name) => `${element.tagName}[${name}]`),
      ),
      scriptUrls: elements.flatMap((element) =>
        ["href", "src", "action", "formaction", "xlink:href"].flatMap((name) => {
          const value =
            element
              .getAttribute(name)
              ?.replace(/[\s\u0000-\u001f]/g, "")
              .toLowerCase() ?? "";
          return value.startsWith("javascript:") || value.startsWith("data:text/html") || value.startsWith("vbscript:")
            ? [`${element.tagName}[${name}]`]
            : [];
        }),
      ),
      active: inAnnotations
        .filter((element) =>
          ["SCRIPT", "IFRAME", "OBJECT", "EMBED", "FORM", "BASE", "META", "LINK", "STYLE"].includes(element.tagName),
        )
        .map((element) => element.tagName),
    };
  });
  expect(found).toEqual({ handlers: [], scriptUrls: [], active: [] });
  // And the page around it is intact.
  await expect(page.getByRole("heading", { name: "Artifacts" })).toBeVisible();
});

test("an artifact downloads through the console with the bytes its sha1 names", async ({ page }) => {
  const { smallArtifact } = await fixtures();
  await openBuild(page, smallArtifact.pipeline, smallArtifact.buildNumber);
  const row = page.locator(`[data-testid="artifact"][data-artifact-id="${smallArtifact.artifactId}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("artifact-size")).toHaveAttribute(
    "title",
    `${smallArtifact.bytes.toLocaleString("en-US")} bytes`,
  );
  await expect(row.getByTitle(smallArtifact.sha1)).toBeVisible();

  const link = row.getByRole("link", { name: /^Download / });
  expect(await link.getAttribute("href")).toMatch(/^\/api\/v1\//);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await download.path();
  const bytes = await readFile(path);
  expect(bytes.byteLength).toBe(smallArtifact.bytes);
  expect(createHash("sha1").update(bytes).digest("hex")).toBe(smallArtifact.sha1);
});

test("retrying a failed job schedules a new job, shown in the build", async ({ page }) => {
  const { failedJob } = await fixtures();
  await openBuild(page, failedJob.pipeline, failedJob.buildNumber);
  const retry = page.getByRole("button", { name: `Retry job ${short(failedJob.jobId)}` });
  await expect(retry).toBeEnabled();
  await retry.click();
  const dialog = page.getByRole("alertdialog", { name: `Retry job ${short(failedJob.jobId)}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Confirm" }).click();

  const status = page.getByRole("status").filter({ hasText: "retried as new job" });
  await expect(status).toContainText("(scheduled)");
  const href = await page.getByTestId("retried-job-link").getAttribute("href");
  const newJobId = href?.replace(/^#job-/, "") ?? "";
  expect(newJobId).toMatch(/^[0-9a-f-]{36}$/);
  expect(newJobId).not.toBe(failedJob.jobId);

  const newRow = jobRow(page, newJobId);
  await expect(newRow).toBeVisible();
  await expect(newRow.getByTestId("state-badge")).toHaveText("scheduled");
  // The failed attempt stays, as the dialog promised: failed, marked retried, and never retried again.
  const oldRow = jobRow(page, failedJob.jobId);
  await expect(oldRow).toBeVisible();
  await expect(oldRow.getByTestId("state-badge")).toHaveText("failed");
  await expect(oldRow.getByTestId("job-attempts")).toHaveText("retried — see attempt 2");
  await expect(newRow.getByTestId("job-attempts")).toHaveText(`attempt 2, retry of ${short(failedJob.jobId)}`);
  await expect(page.getByRole("button", { name: `Retry job ${short(failedJob.jobId)}` })).toHaveCount(0);
  // Each attempt leads to the other.
  await oldRow.getByRole("link", { name: "attempt 2" }).click();
  await expect(page).toHaveURL(new RegExp(`#job-${newJobId}$`));
  await newRow.getByRole("link", { name: short(failedJob.jobId) }).click();
  await expect(page).toHaveURL(new RegExp(`#job-${failedJob.jobId}$`));
  // A scheduled job leads back to the stack page's drawer.
  await expect(newRow.getByRole("link", { name: `Open job ${short(newJobId)} in the stack's queue` })).toHaveAttribute(
    "href",
    `/stacks/stack-console?job=${newJobId}`,
  );

  // The failed attempt's log page still names the job and its state, and leads to the retry's log.
  const name = await oldRow.locator("td").nth(1).locator(".font-medium").innerText();
  expect(name).not.toBe("");
  await oldRow.getByRole("link", { name: `Log of job ${short(failedJob.jobId)}` }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${failedJob.jobId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("job-state")).toHaveText(/^failed · exit /);
  await page.getByRole("link", { name: "attempt 2" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${newJobId}$`));
  await expect(page.getByTestId("job-state")).toHaveText(/^scheduled/);
  await page.getByRole("link", { name: short(failedJob.jobId) }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${failedJob.jobId}$`));
});

test("waiters, block steps and unnamed creators read as Buildkite sends them", async ({ page }) => {
  const { passedBuild, blockedBuild, namelessCreatorBuild, manualJob } = await fixtures();
  // A passed build's waiter is a wait step between its jobs, and no job waits.
  await openBuild(page, passedBuild.pipeline, passedBuild.buildNumber);
  await expect(page.getByTestId("build-wait-step")).toHaveCount(1);
  await expect(page.getByTestId("build-wait-step")).toContainText("Wait");
  await expect(page.getByRole("list", { name: "Jobs by state" })).toHaveText("passed4");

  // A block step is named by its label and offers nothing to open or retry, only its unblock.
  await openBuild(page, blockedBuild.pipeline, blockedBuild.buildNumber);
  const gate = jobRow(page, manualJob.jobId);
  await expect(gate).toContainText(":rocket: Deploy to production?");
  await expect(gate.getByTestId("state-badge")).toHaveText("blocked");
  await expect(gate.getByRole("link")).toHaveCount(0);
  await expect(gate.getByRole("button")).toHaveText(["Unblock"]);

  await openBuild(page, namelessCreatorBuild.pipeline, namelessCreatorBuild.buildNumber);
  await expect(page.getByText("Creator", { exact: true }).locator("xpath=following-sibling::dd")).toHaveText(
    "unnamed user",
  );
});

test("a scheduled job's drawer on the stack page links to its build", async ({ page }) => {
  const [id] = await newJobs(1);
  if (!id) throw new Error("the simulator created no job");
  await page.goto(`/stacks/stack-console?dir=asc&job=${id}`);
  const drawer = page.getByRole("dialog", { name: `Job ${short(id)}` });
  await expect(drawer).toBeVisible();
  const link = drawer.getByRole("link", { name: /^Build #\d+$/ });
  await expect(link).toBeVisible();
  const number = (await link.textContent())?.replace("Build #", "") ?? "";
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/builds/[^/]+/${number}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${number}`);
  // The job is scheduled in its build too, and leads back to the stack page.
  const back = jobRow(page, id).getByRole("link", { name: `Open job ${short(id)} in the stack's queue` });
  await back.click();
  await expect(page).toHaveURL(new RegExp(`/stacks/stack-console\\?(.*&)?job=${id}`));
  await expect(page.getByRole("dialog", { name: `Job ${short(id)}` })).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  test(`the builds list and a build page have no serious accessibility violations in the ${theme} theme`, async ({
    page,
  }) => {
    // Three whole-page scans, one of a build with many jobs and annotations: on a two-core machine they take
    // most of the default 30 s by themselves.
    test.slow();
    const { failedJob, blockedBuild } = await fixtures();
    await page.emulateMedia({ colorScheme: theme });
    const scan = async () => {
      // Images in annotations are the build's authors' (the seeded hostile one has no alt text); the
      // console's own markup around and inside annotations is still checked.
      const results = await new AxeBuilder({ page }).exclude(".annotation-body img").analyze();
      return results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => ({
          rule: violation.id,
          help: violation.help,
          nodes: violation.nodes.map((node) => node.target.join(" ")),
        }));
    };
    await page.goto("/builds");
    await expect(page.getByTestId("build-row").first()).toBeVisible();
    expect(await scan()).toEqual([]);
    await openBuild(page, failedJob.pipeline, failedJob.buildNumber);
    await expect(page.getByRole("heading", { name: "Artifacts" })).toBeVisible();
    await expect(page.getByText(/Loading (annotations|artifacts)/)).toHaveCount(0);
    expect(await scan()).toEqual([]);
    // A build with a wait step and a block step.
    await openBuild(page, blockedBuild.pipeline, blockedBuild.buildNumber);
    await expect(page.getByTestId("build-wait-step")).toBeVisible();
    await expect(page.getByText(/Loading (annotations|artifacts)/)).toHaveCount(0);
    expect(await scan()).toEqual([]);
  });
}
