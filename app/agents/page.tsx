import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AgentsView } from "@/components/agents/agents-view";
import { agentsQuery } from "@/lib/queries/agents";
import { agentsList } from "@/server/commands/agents-list";
import { config } from "@/server/config";
import { prefetchCommand } from "@/server/route-kit/prefetch";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  const { pollIntervalMs } = config();
  const queryClient = new QueryClient();
  const envelope = await prefetchCommand(agentsList, {});
  if (envelope) queryClient.setQueryData(agentsQuery().queryKey, envelope);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <h1 className="text-2xl font-semibold tracking-tight">Agents</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        The organization&apos;s agents by queue: which are busy and with what, which are idle, and which were lost. A
        job waits when no idle agent has the tags its rules ask for.
      </p>
      <AgentsView pollIntervalMs={pollIntervalMs} />
    </HydrationBoundary>
  );
}
