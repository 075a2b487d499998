import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditView } from "@/components/audit/audit-view";
import { auditApiQuery, parseAuditFilters } from "@/lib/filters/audit";
import type { AuditEntry } from "@/lib/schemas/audit";
import type { SuccessEnvelope } from "@/lib/api/envelope";
import { auditQuery } from "@/lib/queries/audit";
import { auditList } from "@/server/commands/audit-list";
import { prefetchCommand } from "@/server/route-kit/prefetch";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const search = await searchParams;
  const filters = parseAuditFilters({ get: (name) => (typeof search[name] === "string" ? search[name] : null) });
  const queryClient = new QueryClient();
  const envelope = await prefetchCommand(auditList, { query: auditApiQuery(filters) });
  // Without format=csv the command answers rows, never a file.
  if (envelope) queryClient.setQueryData(auditQuery(filters).queryKey, envelope as SuccessEnvelope<AuditEntry[]>);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Every change made through the console: who, what, why and how it ended. &ldquo;unknown&rdquo; means the answer
        from Buildkite never arrived, so the change may or may not have happened.
      </p>
      <Suspense>
        <AuditView />
      </Suspense>
    </HydrationBoundary>
  );
}
