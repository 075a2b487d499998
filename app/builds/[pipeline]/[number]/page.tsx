import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BuildView } from "@/components/builds/build-view";

/** Build numbers are positive integers; anything else in the URL is not a build. */
function parseBuildNumber(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

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
  const number = parseBuildNumber(rawNumber);
  if (number === null) notFound();
  const pipeline = decodeSegment(rawPipeline);
  return <BuildView pipeline={pipeline} number={number} />;
}
