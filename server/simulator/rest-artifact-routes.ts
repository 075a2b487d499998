import { ARTIFACT_STATES, ensureArtifactSha1, type ArtifactRecord } from "./artifacts";
import { HttpError, jsonResponse } from "./http-errors";
import type { Build } from "./model";
import { annotationJson, artifactJson } from "./rest-build-json";
import { requireBuild, requireBuildJob } from "./rest-lookup";
import { paginate } from "./rest-pagination";
import type { RestRoute, RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";
import { signedArtifactUrl } from "./storage";

/** `*` matches within one path segment, `**` across segments. */
function pathMatcher(pattern: string): (path: string) => boolean {
  if (!pattern.includes("*")) return (path) => path === pattern;
  const source = pattern
    .split("**")
    .map((part) =>
      part
        .split("*")
        .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*"),
    )
    .join(".*");
  const regex = new RegExp(`^${source}$`);
  return (path) => regex.test(path);
}

function artifactFilter(url: URL): (record: ArtifactRecord) => boolean {
  const state = url.searchParams.get("state");
  if (state !== null && state !== "" && !(ARTIFACT_STATES as readonly string[]).includes(state)) {
    throw new HttpError(422, "Validation failed: State is not included in the list", {}, [
      `state must be one of ${ARTIFACT_STATES.join(", ")}`,
    ]);
  }
  const path = url.searchParams.get("path");
  const matches = path === null || path === "" ? () => true : pathMatcher(path);
  return (record) => (state === null || state === "" || record.state === state) && matches(record.path);
}

const ANNOTATION_SCOPES = ["build", "job", "all"];

/** Artifacts (list, show, 302 download) and annotations of a build. */
export function restArtifactRoutes(runtime: SimRuntime): RestRoute[] {
  const base = (request: RouteRequest) => `${request.url.origin}/v2`;

  const list = async (request: RouteRequest, build: Build, jobId: string | null): Promise<Response> => {
    const matches = artifactFilter(request.url);
    const records = [...runtime.state.artifacts.values()].filter(
      (record) => record.buildUuid === build.uuid && (jobId === null || record.jobUuid === jobId) && matches(record),
    );
    const page = paginate(request.url, records);
    await Promise.all(page.items.filter((record) => record.state === "finished").map(ensureArtifactSha1));
    return jsonResponse(
      page.items.map((record) => artifactJson(base(request), runtime.state, record)),
      200,
      page.headers,
    );
  };

  const requireArtifact = (request: RouteRequest): ArtifactRecord => {
    const { job } = requireBuildJob(runtime.state, request);
    const record = runtime.state.artifacts.get(request.params.id ?? "");
    if (record === undefined || record.jobUuid !== job.uuid) throw new HttpError(404, "No artifact found");
    return record;
  };

  const download = (request: RouteRequest): Response => {
    const record = requireArtifact(request);
    if (record.state !== "finished") throw new HttpError(404, `Artifact is ${record.state} and can't be downloaded`);
    const location = signedArtifactUrl(runtime, request.url.origin, record);
    return jsonResponse({ url: location }, 302, { Location: location });
  };

  const annotations = (request: RouteRequest): Response => {
    const build = requireBuild(runtime.state, request);
    // Job-scoped annotations came later; without `scope` a build's own annotations are listed, as before.
    const scope = request.url.searchParams.get("scope") ?? "build";
    if (!ANNOTATION_SCOPES.includes(scope))
      throw new HttpError(422, "Validation failed: Scope must be one of build, job or all");
    const records = (runtime.state.annotations.get(build.uuid) ?? []).filter(
      (record) => scope === "all" || record.scope === scope,
    );
    const page = paginate(request.url, records);
    return jsonResponse(page.items.map(annotationJson), 200, page.headers);
  };

  const BUILD = "/v2/organizations/:org/pipelines/:pipeline/builds/:number";
  return [
    {
      api: "rest",
      method: "GET",
      pattern: `${BUILD}/artifacts`,
      requiredScope: "read_artifacts",
      handle: (request) => list(request, requireBuild(runtime.state, request), null),
    },
    {
      api: "rest",
      method: "GET",
      pattern: `${BUILD}/jobs/:job/artifacts`,
      requiredScope: "read_artifacts",
      handle: (request) => {
        const { build, job } = requireBuildJob(runtime.state, request);
        return list(request, build, job.uuid);
      },
    },
    {
      api: "rest",
      method: "GET",
      pattern: `${BUILD}/jobs/:job/artifacts/:id`,
      requiredScope: "read_artifacts",
      handle: async (request) => {
        const record = requireArtifact(request);
        if (record.state === "finished") await ensureArtifactSha1(record);
        return jsonResponse(artifactJson(base(request), runtime.state, record));
      },
    },
    {
      api: "rest",
      method: "GET",
      pattern: `${BUILD}/jobs/:job/artifacts/:id/download`,
      requiredScope: "read_artifacts",
      handle: download,
    },
    { api: "rest", method: "GET", pattern: `${BUILD}/annotations`, requiredScope: "read_builds", handle: annotations },
  ];
}
