import { expect, test, type Page, type Response } from "@playwright/test";
import { resetSimulator, sim } from "./demo-simulator";

// Every page answers with a nonce Content-Security-Policy and the other security headers, and is used here
// with the policy in force: a violation recorded by the browser, or a page that never hydrates, fails it.

interface JobFixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
}

interface Fixtures {
  colourLog: JobFixture;
  hostileAnnotation: { pipeline: string; buildNumber: number };
}

interface Target {
  name: string;
  path: (fixtures: Fixtures) => string;
  /** Waits until the page shows what it fetched, and uses it where that exercises more of its code. */
  ready: (page: Page) => Promise<void>;
}

const logBox = (page: Page) => page.getByTestId("log-scroll");

const targets: Target[] = [
  {
    name: "queues",
    path: () => "/",
    ready: async (page) => {
      await expect(page.getByTestId("scheduled-count").first()).toHaveText(/\d+/);
    },
  },
  {
    name: "stack",
    path: () => "/stacks/stack-console",
    ready: async (page) => {
      await expect(page.getByTestId("job-row").first()).toBeVisible();
    },
  },
  {
    name: "builds",
    path: () => "/builds",
    ready: async (page) => {
      await expect(page.getByTestId("build-row").first()).toBeVisible();
    },
  },
  {
    // The build whose annotations carry hostile markup: what survives sanitising must also pass the policy.
    name: "build",
    path: ({ hostileAnnotation }) =>
      `/builds/${encodeURIComponent(hostileAnnotation.pipeline)}/${hostileAnnotation.buildNumber}`,
    ready: async (page) => {
      await expect(page.getByTestId("build-job").first()).toBeVisible();
      await expect(page.getByTestId("annotation").first()).toBeVisible();
      await expect.poll(() => page.evaluate(() => [...document.images].every((image) => image.complete))).toBe(true);
    },
  },
  {
    name: "job log",
    path: ({ colourLog }) =>
      `/builds/${encodeURIComponent(colourLog.pipeline)}/${colourLog.buildNumber}/jobs/${colourLog.jobId}`,
    ready: async (page) => {
      await expect(logBox(page).locator("[data-line]").first()).toBeVisible();
      await expect(logBox(page).locator('span[style*="color"]').first()).toBeVisible();
      // The lines were parsed by the Web Worker, not by the main-thread fallback a blocked worker falls to.
      expect(page.workers().length).toBeGreaterThan(0);
      for (const worker of page.workers()) expect(await worker.evaluate(() => typeof importScripts)).toBe("function");
    },
  },
  {
    name: "reservations",
    path: () => "/reservations",
    ready: async (page) => {
      const { ids } = (await (await sim("jobs", { count: 1 })).json()) as { ids: string[] };
      const response = await page.request.post("/api/v1/stacks/stack-console/reservations", {
        data: { jobIds: ids, expirySeconds: 600 },
        headers: { origin: new URL(page.url()).origin },
      });
      expect(response.ok()).toBe(true);
      await expect(page.locator(`tr[data-job-id="${ids[0]}"]`)).toBeVisible();
    },
  },
  {
    name: "settings",
    path: () => "/settings",
    ready: async (page) => {
      await page.getByLabel("Stack key", { exact: true }).fill("not valid!");
      await page.getByRole("button", { name: "Register stack" }).click();
      await expect(page.getByText(/letters, digits/i).first()).toBeVisible();
    },
  },
  {
    name: "job states",
    path: () => "/stacks/stack-console/states",
    ready: async (page) => {
      const { ids } = (await (await sim("jobs", { count: 2 })).json()) as { ids: string[] };
      await page.getByLabel("Job ids").fill(ids.join("\n"));
      await page.getByRole("button", { name: "Watch", exact: true }).click();
      await expect(page.getByRole("row").filter({ hasText: ids[0] })).toContainText("scheduled");
    },
  },
];

let fixtures: Fixtures;

test.beforeEach(async ({ page }) => {
  await resetSimulator();
  fixtures = (await (await sim("fixtures")).json()) as Fixtures;
  // Installed before any page script: every violation the browser reports lands here.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
});

/** Console messages about the policies: violations, and headers the browser could not understand. */
function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy|Refused to/i.test(message.text())) messages.push(message.text());
  });
  return messages;
}

function nonceOf(response: Response | null): string {
  const policy = response?.headers()["content-security-policy"] ?? "";
  const nonce = policy.match(/script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
  expect(nonce, `a script nonce in "${policy}"`).toBeTruthy();
  return nonce ?? "";
}

function expectPageHeaders(response: Response | null) {
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("'strict-dynamic'");
  // A production build: no eval.
  expect(policy).not.toContain("unsafe-eval");
  expect(headers).toMatchObject({
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "x-robots-tag": "noindex, nofollow",
  });
  expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\)/);
  // Plain http on 127.0.0.1: HSTS would pin the local demo to https.
  expect(headers).not.toHaveProperty("strict-transport-security");
}

for (const target of targets) {
  test(`${target.name}: security headers with a fresh nonce, and no policy violation while it is used`, async ({
    page,
  }) => {
    const messages = watchConsole(page);
    const path = target.path(fixtures);

    const first = await page.goto(path);
    expectPageHeaders(first);
    const nonce = nonceOf(first);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // The page hydrated: its scripts ran under the policy.
    await page.getByRole("button", { name: "Theme: system" }).click();
    await expect(page.getByRole("button", { name: "Theme: light" })).toBeVisible();
    await target.ready(page);

    // Every script the server sent carries this response's nonce, and the browser hides it from the DOM.
    const scripts = await page.locator("script:not([src])").evaluateAll((elements) =>
      elements.map((element) => ({
        nonce: (element as HTMLScriptElement).nonce,
        attribute: element.getAttribute("nonce"),
      })),
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toEqual({ nonce, attribute: "" });

    const second = await page.reload();
    expectPageHeaders(second);
    expect(nonceOf(second)).not.toBe(nonce);
    await expect(page.getByRole("button", { name: "Theme: light" })).toBeVisible();

    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(messages).toEqual([]);
  });
}

test("the theme's pre-paint script runs under the policy before any of Next's scripts", async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem("stack-console:theme", "dark"));
  // With every bundled script refused, only the nonced inline script in <head> can set the class.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.emulateMedia({ colorScheme: "light" });
  const response = await page.goto("/settings");
  nonceOf(response);
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});

test("injected markup cannot run script", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // What markup slipping past a sanitiser would try: an inline event handler.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image" onerror="window.__injected = true">');
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length))
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("API responses carry nosniff, no-store and a policy that loads nothing; nothing is framed", async ({
  request,
}) => {
  const response = await request.get("/api/v1/auth/status");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers).toMatchObject({
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cache-control": "no-store",
  });
  expect(headers["content-security-policy"]).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).not.toContain("nonce-");
  expect(headers).not.toHaveProperty("strict-transport-security");

  // The same for an API route that does not exist (answered by the catch-all), and for a page that does not.
  const missing = await request.get("/api/v1/no-such-route");
  expect(missing.headers()["x-content-type-options"]).toBe("nosniff");
  const notFound = await request.get("/no-such-page");
  expect(notFound.status()).toBe(404);
  expect(notFound.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("static scripts and styles are never sniffed as another type", async ({ request }) => {
  const html = await (await request.get("/settings")).text();
  const assets = [
    ...new Set(
      [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? ""),
    ),
  ];
  expect(assets.some((asset) => asset.endsWith(".js"))).toBe(true);
  expect(assets.some((asset) => asset.endsWith(".css"))).toBe(true);
  for (const asset of assets) {
    const response = await request.get(asset);
    expect(response.status(), asset).toBe(200);
    expect(response.headers()["x-content-type-options"], asset).toBe("nosniff");
  }
});

test("an internal console asks never to be indexed, and the tab has the console's icon", async ({ page, request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect((await robots.text()).split("\n")).toEqual(expect.arrayContaining(["User-agent: *", "Disallow: /"]));
  await page.goto("/settings");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  const icon = await request.get((await page.locator('link[rel="icon"]').getAttribute("href")) ?? "");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("HSTS is sent once a TLS proxy says the browser used https", async ({ request }) => {
  const response = await request.get("/settings", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});
