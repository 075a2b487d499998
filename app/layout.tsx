import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { DemoBadge } from "@/components/ui/demo-badge";
import { QueryProvider } from "@/components/ui/query-provider";
import { config } from "@/server/config";
import "./globals.css";

// Rendered per request: the demo badge depends on the runtime configuration, not the build machine's.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Stack Console", template: "%s · Stack Console" },
  description: "On-call triage console for Buildkite stacks",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const demo = config().mode === "demo";
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mx-auto flex max-w-6xl items-center gap-4 px-6 py-3">
            <Link href="/" className="text-base font-semibold tracking-tight">
              Stack Console
            </Link>
            {demo && <DemoBadge />}
          </div>
        </header>
        <QueryProvider>
          <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
