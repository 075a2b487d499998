import { expect, type Page } from "@playwright/test";
import { sim } from "./demo-simulator";

/** Schedules new jobs in the demo simulator and returns their ids. */
export async function newJobs(count: number, pipeline?: string): Promise<string[]> {
  const response = await sim("jobs", { count, ...(pipeline ? { pipeline } : {}) });
  return ((await response.json()) as { ids: string[] }).ids;
}

export const short = (id: string) => id.slice(0, 8);
export const row = (page: Page, id: string) => page.locator(`[data-testid="job-row"][data-job-id="${id}"]`);

/**
 * Waits until the jobs are on screen. The console serves a snapshot up to one poll interval old, so jobs
 * created just before navigating may first arrive as "+N new"; showing them is what an operator would do.
 */
export async function expectRows(page: Page, ids: readonly string[]) {
  await expect(async () => {
    const announce = page.getByRole("button", { name: /^Show \d+ new jobs?$/ });
    if (await announce.isVisible()) await announce.click();
    for (const id of ids) await expect(row(page, id)).toBeVisible({ timeout: 500 });
  }).toPass();
}
