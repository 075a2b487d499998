import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JobLogView } from "@/components/logs/job-log-view";
import { buildNumberInput } from "@/lib/inputs/numbers";

type Params = PageProps<"/builds/[pipeline]/[number]/jobs/[jobId]">["params"];

async function readParams(params: Params) {
  const { pipeline, number, jobId } = await params;
  const buildNumber = buildNumberInput.safeParse(number);
  if (!buildNumber.success || jobId === "") notFound();
  return { pipeline, number: buildNumber.data, jobId };
}

export async function generateMetadata({
  params,
}: PageProps<"/builds/[pipeline]/[number]/jobs/[jobId]">): Promise<Metadata> {
  const { pipeline, number, jobId } = await readParams(params);
  return { title: `Log · job ${jobId.slice(0, 8)} · ${pipeline} #${number}` };
}

/**
 * The job's log. A shell only: the log is read by the browser part by part (tail first), because a whole
 * log rendered on the server would be exactly the 100 MB page this viewer exists to avoid.
 */
export default async function JobLogPage({ params }: PageProps<"/builds/[pipeline]/[number]/jobs/[jobId]">) {
  const { pipeline, number, jobId } = await readParams(params);
  return <JobLogView key={jobId} pipeline={pipeline} number={number} jobId={jobId} />;
}
