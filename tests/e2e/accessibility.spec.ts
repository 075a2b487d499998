import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";

// Every page the console serves, checked in both themes. Each target gets three fresh scheduled jobs
// (`jobIds`); `path` may name them and `ready` may act on them before the scan.
interface Target {
  name: string;
  path: string | ((jobIds: string[]) => string);
  ready?: (page: Page, jobIds: string[]) => Promise<void>;
}

const targets: Target[] = [
  {
    name: "queues",
    path: "/",
    ready: async (page) => {
      await expect(page.getByTestId("scheduled-count").first()).toHaveText(/\d+/);
    },
  },
  {
    name: "reservations",
    path: "/reservations",
    ready: async (page, [id]) => {
      const response = await page.request.post("/api/v1/stacks/stack-console/reservations", {
        data: { jobIds: [id], expirySeconds: 600 },
        headers: { origin: new URL(page.url()).origin },
      });
      expect(response.ok()).toBe(true);
      await expect(page.locator(`tr[data-job-id="${id}"]`)).toBeVisible();
    },
  },
  {
    name: "agents",
    path: "/agents",
    ready: async (page) => {
      await expect(page.getByRole("table", { name: "Agents of queue _default" })).toBeVisible();
    },
  },
  {
    name: "settings",
    path: "/settings",
  },
  {
    name: "settings with validation errors and the deregister dialog",
    path: "/settings",
    ready: async (page) => {
      await page.getByLabel("Stack key", { exact: true }).fill("not valid!");
      await page.getByRole("button", { name: "Add metadata row" }).click();
      await page.getByRole("button", { name: "Register stack" }).click();
      await page.getByLabel("Stack key to deregister").fill("some-stack");
      await page.getByRole("button", { name: "Deregister" }).click();
      await expect(page.getByRole("alertdialog")).toBeVisible();
    },
  },
  {
    name: "audit log with a failed and a finished job",
    path: (jobIds) => `/audit?jobId=${jobIds[0]}`,
    ready: async (page, [id]) => {
      const origin = new URL(page.url()).origin;
      for (const detail of ["first", "second"]) {
        await page.request.post(`/api/v1/stacks/stack-console/jobs/${id}/finish`, {
          data: { detail },
          headers: { origin },
        });
      }
      await page.reload();
      await expect(page.getByTestId("audit-row")).toHaveCount(2);
    },
  },
  {
    name: "job states with watched jobs",
    path: "/stacks/stack-console/states",
    ready: async (page, jobIds) => {
      await page.getByLabel("Job ids").fill([...jobIds, "00000000-0000-4000-8000-000000000000", "bogus"].join("\n"));
      await page.getByRole("button", { name: "Watch", exact: true }).click();
      await expect(page.getByRole("row").filter({ hasText: jobIds[0] })).toContainText("scheduled");
    },
  },
];

test.beforeEach(async () => {
  await resetSimulator();
});

for (const theme of ["light", "dark"] as const) {
  for (const target of targets) {
    test(`${target.name} has no serious accessibility violations in the ${theme} theme`, async ({ page }) => {
      const { ids } = (await (await sim("jobs", { count: 3 })).json()) as { ids: string[] };
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(typeof target.path === "string" ? target.path : target.path(ids));
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      await target.ready?.(page, ids);

      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => ({
          rule: violation.id,
          help: violation.help,
          nodes: violation.nodes.map((node) => node.target.join(" ")),
        }));
      expect(serious).toEqual([]);
    });
  }
}
