import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { DemoBadge } from "@/components/ui/demo-badge";
import { OperatorProvider } from "@/components/ui/operator-context";
import { QueryProvider } from "@/components/ui/query-provider";
import { RenderTimeProvider } from "@/components/ui/render-time";
import { SignInPrompt, SignOutButton } from "@/components/ui/sign-in";
import { SiteNav } from "@/components/ui/site-nav";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { themeInitScript } from "@/lib/theme";
import { config } from "@/server/config";
import { resolveOperator } from "@/server/auth/operator";
import { requestTime } from "@/server/request-time";
import { NONCE_HEADER } from "@/server/security-headers";
import "./globals.css";

// Rendered per request: the demo badge and the operator depend on the runtime configuration and the
// request, not the build machine's.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Stack Console", template: "%s · Stack Console" },
  description: "On-call triage console for Buildkite stacks",
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
  // An internal console: never indexed (robots.txt and the X-Robots-Tag header say so too).
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const cfg = config();
  const demo = cfg.mode === "demo";
  // Resolved here rather than fetched from auth.status: same answer, no round trip, and only the name and
  // role reach the page.
  const requestHeaders = await headers();
  const operator = await resolveOperator(requestHeaders, cfg);
  // The page's CSP runs inline scripts only with this request's nonce (proxy.ts).
  const nonce = requestHeaders.get(NONCE_HEADER) ?? undefined;
  return (
    // The head script sets the theme class before React hydrates, so <html> legitimately differs.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
            <Link href="/" className="text-base font-semibold tracking-tight">
              Stack Console
            </Link>
            {demo && <DemoBadge />}
            <SiteNav />
            <div className="ml-auto flex items-center gap-3">
              {operator && (
                <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="operator">
                  Acting as <span className="font-medium text-zinc-900 dark:text-zinc-100">{operator.name}</span>{" "}
                  <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                    {operator.role}
                  </span>
                </p>
              )}
              {operator && cfg.auth.mode === "oidc" && <SignOutButton />}
              <ThemeToggle />
            </div>
          </div>
        </header>
        <QueryProvider>
          {/* Ages on the page are computed from this while the browser hydrates them: see RenderTimeContext. */}
          <RenderTimeProvider renderedAt={requestTime()}>
            <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
              {operator ? (
                <OperatorProvider operator={{ name: operator.name, role: operator.role }}>{children}</OperatorProvider>
              ) : (
                <SignInPrompt mode={cfg.auth.mode} />
              )}
            </main>
          </RenderTimeProvider>
        </QueryProvider>
      </body>
    </html>
  );
}
