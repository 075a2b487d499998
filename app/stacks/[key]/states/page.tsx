import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JobStatesPanel } from "@/components/states/job-states-panel";
import { queueKeyInput, stackKeyInput } from "@/lib/inputs/stacks";
import { config } from "@/server/config";

export const metadata: Metadata = { title: "Job states" };

export default async function JobStatesPage({ params, searchParams }: PageProps<"/stacks/[key]/states">) {
  const { key } = await params;
  const { queue } = await searchParams;
  const { queueKeys, pollIntervalMs } = config();
  if (!stackKeyInput.safeParse(key).success) notFound();
  const requested = typeof queue === "string" && queueKeyInput.safeParse(queue).success ? queue : undefined;
  const queueKey = requested ?? queueKeys[0] ?? "_default";

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Job states</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Watch what Buildkite says about particular jobs on stack <span className="font-mono">{key}</span>, live.
      </p>
      <JobStatesPanel stackKey={key} queueKey={queueKey} pollIntervalMs={pollIntervalMs} />
    </>
  );
}
