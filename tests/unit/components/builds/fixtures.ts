import type { AuthStatus } from "@/lib/schemas/auth";
import { vi } from "vitest";
import type { Annotation, Artifact, BuildJob, BuildSummary } from "@/lib/schemas/builds";
import { API_VERSION, type Pagination } from "@/lib/api/envelope";

// Builds, jobs, artifacts and annotations shaped as the BFF sends them, and a stand-in for the BFF that
// answers each route with its own envelope.

export const PIPELINE = "web-app";

export function build(overrides: Partial<BuildSummary> = {}): BuildSummary {
  return {
    id: "01900000-0000-7000-8000-000000000001",
    number: 42,
    state: "failed",
    blocked: false,
    branch: "main",
    commit: "abcdef0123456789abcdef0123456789abcdef01",
    message: "Fix the flaky login test\n\nIt waited on the wrong element.",
    source: "webhook",
    creator: { name: "Pat Example", email: "pat@example.com" },
    pipeline: { slug: PIPELINE, name: "Web app" },
    createdAt: "2026-11-30T12:00:00Z",
    scheduledAt: "2026-11-30T12:00:01Z",
    startedAt: "2026-11-30T12:00:05Z",
    finishedAt: "2026-11-30T12:03:10Z",
    webUrl: "https://buildkite.com/acme/web-app/builds/42",
    ...overrides,
  };
}

export function job(id: string, overrides: Partial<BuildJob> = {}): BuildJob {
  return {
    id,
    type: "script",
    name: `step ${id.slice(0, 4)}`,
    stepKey: null,
    state: "passed",
    exitStatus: "0",
    softFailed: false,
    agentQueryRules: ["queue=default"],
    agentName: "agent-1",
    createdAt: "2026-11-30T12:00:01Z",
    scheduledAt: "2026-11-30T12:00:01Z",
    startedAt: "2026-11-30T12:00:05Z",
    finishedAt: "2026-11-30T12:01:05Z",
    webUrl: null,
    retried: false,
    retriedInJobId: null,
    retriesCount: null,
    retrySource: null,
    hasLog: true,
    ...overrides,
  };
}

/** A waiter as Buildkite's REST API sends it (`{id, graphql_id, type}`) and the BFF passes it on: no state, no name. */
export function waiter(id: string): BuildJob {
  return job(id, {
    type: "waiter",
    name: null,
    state: null,
    exitStatus: null,
    agentQueryRules: [],
    agentName: null,
    createdAt: null,
    scheduledAt: null,
    startedAt: null,
    finishedAt: null,
    hasLog: false,
  });
}

export function artifact(id: string, overrides: Partial<Artifact> = {}): Artifact {
  return {
    id,
    jobId: "aaaa0000-0000-4000-8000-000000000001",
    path: `dist/${id}.txt`,
    dirname: "dist",
    filename: `${id}.txt`,
    mimeType: "text/plain",
    fileSize: 100,
    sha1sum: "0123456789abcdef0123456789abcdef01234567",
    state: "finished",
    downloadUrl: `/api/v1/pipelines/${PIPELINE}/builds/42/jobs/aaaa0000-0000-4000-8000-000000000001/artifacts/${id}/download`,
    ...overrides,
  };
}

export function annotation(id: string, overrides: Partial<Annotation> = {}): Annotation {
  return {
    id,
    context: `ctx-${id}`,
    style: "info",
    scope: "build",
    jobId: null,
    priority: 3,
    body: "",
    bodyHtml: `<p>${id}</p>`,
    createdAt: "2026-11-30T12:00:00Z",
    updatedAt: null,
    ...overrides,
  };
}

export interface Answer {
  data: unknown;
  summary?: Record<string, unknown>;
  pagination?: Pagination | null;
  /** An error envelope instead of data. */
  error?: { type: string; message: string; status: number };
}

/**
 * Replaces fetch with the BFF's routes: each request goes to the first route whose pattern matches its
 * path and query. Returns the calls so a test can assert what was asked for.
 */
export function routeApi(routes: [RegExp, Answer | ((url: URL, init?: RequestInit) => Answer)][]) {
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, "http://console.test");
    const route = routes.find(([pattern]) => pattern.test(`${url.pathname}${url.search}`));
    if (!route) return Response.json({ message: "no route in the test" }, { status: 599 });
    const answer = typeof route[1] === "function" ? route[1](url, init) : route[1];
    if (answer.error) {
      const error = {
        type: answer.error.type,
        message: answer.error.message,
        httpStatus: null,
        code: "test",
        retryable: false,
        requestId: "r",
        details: {},
      };
      return Response.json(
        {
          ok: false,
          apiVersion: API_VERSION,
          command: "test",
          request: {},
          summary: {},
          pagination: null,
          data: null,
          error,
        },
        { status: answer.error.status },
      );
    }
    return Response.json({
      ok: true,
      apiVersion: API_VERSION,
      command: "test",
      request: {},
      summary: answer.summary ?? {},
      pagination: answer.pagination ?? null,
      data: answer.data,
      error: null,
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  const calls = () =>
    fetchMock.mock.calls.map(([input, init]) => ({
      url: new URL(input, "http://console.test"),
      method: init?.method ?? "GET",
      body: init?.body,
    }));
  return { fetchMock, calls };
}

/** auth.status as the server sends it, with or without write_builds (retry, unblock, cancel and rebuild). */
export function authStatus(retryReady: boolean): AuthStatus {
  const scopes = retryReady
    ? ["read_builds", "read_build_logs", "read_artifacts", "write_builds"]
    : ["read_builds", "read_build_logs", "read_artifacts"];
  return {
    mode: "demo",
    org: "acme",
    clusterToken: { configured: true, valid: true, stackKey: "stack-console", queueKeys: ["_default"], error: null },
    apiToken: { configured: true },
    rest: {
      configured: true,
      valid: true,
      error: null,
      scopes,
      requiredScopes: ["read_builds", "read_build_logs", "read_artifacts"],
      missingScopes: [],
      budget: null,
    },
    token: {
      uuid: "b63254c0-3271-4a98-8270-7cfbd6c2f14e",
      description: null,
      createdAt: null,
      expiresAt: null,
      scopes,
      user: null,
    },
    user: null,
    requiredScopes: ["read_builds", "read_build_logs", "read_artifacts"],
    missingScopes: [],
    capabilities: Object.fromEntries(
      ["jobsRetry", "jobsUnblock", "buildsCancel", "buildsRebuild"].map((name) => [
        name,
        { requiredScopes: ["write_builds"], missingScopes: retryReady ? [] : ["write_builds"], ready: retryReady },
      ]),
    ),
    pollIntervalMs: 2000,
    operator: { name: "Demo Operator", role: "admin", permissions: ["read", "jobs.write", "stacks.admin"] },
  };
}
