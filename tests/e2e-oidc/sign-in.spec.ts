import { expect, test, type Page } from "@playwright/test";

// A person opens the console, is sent to the organization's OpenID provider, signs in there, and comes
// back to the page they asked for, named in the header with their role.

async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The provider asks once for consent to share the email and profile with the console.
  const consent = page.getByRole("button", { name: /continue/i });
  if (await consent.isVisible({ timeout: 5000 }).catch(() => false)) await consent.click();
}

test("signed out, a page sends the visitor to the provider and back to where they were going, signed in", async ({
  page,
}) => {
  await page.goto("/settings");
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await signInAtProvider(page, "ada");
  await expect(page).toHaveURL(/\/settings$/);
  const operator = page.getByTestId("operator");
  await expect(operator).toContainText("Ada Admin");
  await expect(operator).toContainText("admin");
  await expect(page.getByRole("button", { name: "Register stack" })).toBeEnabled();

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === "console_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  const status = await page.request.get("/api/v1/auth/status");
  expect(status.status()).toBe(401);
});

test("a viewer sees the console, but actions they cannot take are disabled with the reason", async ({ page }) => {
  await page.goto("/settings");
  await signInAtProvider(page, "vic");
  await expect(page.getByTestId("operator")).toContainText("viewer");
  const register = page.getByRole("button", { name: "Register stack" });
  await expect(register).toBeDisabled();
  await expect(register).toHaveAttribute("title", "Your role (viewer) cannot do this: it needs the admin role.");
  const forged = await page.request.post("/api/v1/stacks", {
    data: { key: "forged", url: "https://example.com", queueKey: "q" },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.type).toBe("permission_error");
});

test("signed out, the liveness check still answers: the orchestrator that asks has no session", async ({ request }) => {
  expect((await request.get("/api/v1/auth/status")).status()).toBe(401);
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok" });
});
