import { HttpError, jsonResponse } from "./http-errors";
import { jobLog, type LogSource } from "./job-logs";
import type { Build, Job } from "./model";
import { buildPath } from "./rest-build-json";
import { requireBuildJob, requireOrgJob } from "./rest-lookup";
import type { RestRoute, RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";

const TEXT = "text/plain; charset=utf-8";

/** `Range: bytes=-N` is the only form the log endpoint takes (a tail); null when no Range was sent. */
function suffixLength(range: string | null): number | null {
  if (range === null) return null;
  const match = /^bytes=-(\d+)$/.exec(range.trim());
  if (match === null) throw new HttpError(400, "Only suffix byte ranges (Range: bytes=-N) are supported for job logs");
  return Number(match[1]);
}

/**
 * JSON `{url, content, size, header_times}` without holding the whole log as one string: the content is
 * JSON-escaped chunk by chunk as the log streams (a streaming decoder keeps multi-byte characters whole).
 */
function jsonLogStream(url: string, log: LogSource): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder("utf-8");
  const reader = log.stream(0, log.size).getReader();
  let phase: "head" | "body" | "done" = "head";
  return new ReadableStream(
    {
      async pull(controller) {
        if (phase === "head") {
          controller.enqueue(encoder.encode(`{"url":${JSON.stringify(url)},"content":"`));
          phase = "body";
          return;
        }
        if (phase === "done") return;
        const next = await reader.read();
        if (next.done === true) {
          const rest = decoder.decode();
          controller.enqueue(
            encoder.encode(`${JSON.stringify(rest).slice(1, -1)}","size":${log.size},"header_times":[]}`),
          );
          phase = "done";
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(JSON.stringify(decoder.decode(next.value, { stream: true })).slice(1, -1)));
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

export function restLogRoutes(runtime: SimRuntime): RestRoute[] {
  const serve = (request: RouteRequest, build: Build, job: Job, forceText: boolean): Response => {
    const log = jobLog(runtime.state, job, runtime.now());
    if (log === null) throw new HttpError(404, "Only command jobs have logs");
    const accept = request.headers.get("accept") ?? "";
    // A HEAD describes the raw log (its Content-Length is the raw size), whatever it asked to accept.
    const text =
      forceText || request.head === true || (accept.includes("text/plain") && !accept.includes("application/json"));
    const common = { "Accept-Ranges": "bytes" };
    if (!text) {
      const url = `${buildPath(`${request.url.origin}/v2`, runtime.state, build)}/jobs/${job.uuid}/log`;
      return new Response(jsonLogStream(url, log), {
        headers: { ...common, "content-type": "application/json; charset=utf-8" },
      });
    }
    const suffix = suffixLength(request.headers.get("range"));
    if (suffix === null) {
      return new Response(log.stream(0, log.size), {
        headers: { ...common, "content-type": TEXT, "content-length": String(log.size) },
      });
    }
    if (log.size === 0 || suffix === 0) {
      return jsonResponse({ message: "Range Not Satisfiable" }, 416, {
        ...common,
        "Content-Range": `bytes */${log.size}`,
      });
    }
    const start = Math.max(0, log.size - suffix);
    return new Response(log.stream(start, log.size), {
      status: 206,
      headers: {
        ...common,
        "content-type": TEXT,
        "content-length": String(log.size - start),
        "Content-Range": `bytes ${start}-${log.size - 1}/${log.size}`,
      },
    });
  };

  const BUILD_JOB = "/v2/organizations/:org/pipelines/:pipeline/builds/:number/jobs/:job";
  const ORG_JOB = "/v2/organizations/:org/jobs/:job";
  const routes: RestRoute[] = [];
  for (const [prefix, lookup] of [
    [BUILD_JOB, requireBuildJob],
    [ORG_JOB, requireOrgJob],
  ] as const) {
    // `log.txt` is a literal path segment, so the router's refusal of raw dots in parameters does not apply.
    for (const [suffix, forceText] of [
      ["log", false],
      ["log.txt", true],
    ] as const) {
      routes.push({
        api: "rest",
        method: "GET",
        pattern: `${prefix}/${suffix}`,
        requiredScope: "read_build_logs",
        handle: (request) => {
          const { build, job } = lookup(runtime.state, request);
          return serve(request, build, job, forceText);
        },
      });
    }
  }
  return routes;
}
