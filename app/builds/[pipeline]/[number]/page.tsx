import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BuildView } from "@/components/builds/build-view";
import { buildNumberInput } from "@/lib/inputs/numbers";
import { authStatusQuery } from "@/lib/queries/auth";
import { annotationsQuery, artifactsQuery, buildQuery } from "@/lib/queries/builds";
import { annotationsList } from "@/server/commands/annotations-list";
import { artifactsList } from "@/server/commands/artifacts-list";
import { authStatus } from "@/server/commands/auth-status";
import { buildsGet } from "@/server/commands/builds-get";
import { prefetchCommand } from "@/server/route-kit/prefetch";

/** A pipeline slug is plain ASCII, so decoding is only a safety net; a stray `%` must not throw. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: PageProps<"/builds/[pipeline]/[number]">): Promise<Metadata> {
  const { pipeline, number } = await params;
  return { title: `${decodeSegment(pipeline)} #${number}` };
}

export default async function BuildPage({ params }: PageProps<"/builds/[pipeline]/[number]">) {
  const { pipeline: rawPipeline, number: rawNumber } = await params;
  const parsed = buildNumberInput.safeParse(rawNumber);
  if (!parsed.success) notFound();
  const number = parsed.data;
  const pipeline = decodeSegment(rawPipeline);

  // The build, its annotations and artifacts are independent reads, made side by side; whatever misses the
  // prefetch budget is read by the browser, which shows its own progress.
  const queryClient = new QueryClient();
  const input = { params: { pipeline, number: String(number) } };
  const [build, annotations, artifacts, auth] = await Promise.all([
    prefetchCommand(buildsGet, input),
    prefetchCommand(annotationsList, input),
    prefetchCommand(artifactsList, input),
    prefetchCommand(authStatus, {}),
  ]);
  if (build) queryClient.setQueryData(buildQuery(pipeline, number).queryKey, build);
  if (annotations) queryClient.setQueryData(annotationsQuery(pipeline, number).queryKey, annotations);
  if (artifacts) queryClient.setQueryData(artifactsQuery(pipeline, number).queryKey, artifacts);
  if (auth) queryClient.setQueryData(authStatusQuery().queryKey, auth);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <BuildView pipeline={pipeline} number={number} />
    </HydrationBoundary>
  );
}
