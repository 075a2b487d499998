import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "@/server/simulator";

export interface Harness {
  sim: RunningSimulator;
  /** Authenticated Stacks API call; `path` is relative to /v3. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Control surface call; `path` is relative to /__sim. */
  control(path: string, body?: unknown, method?: string): Promise<Response>;
  /** Ids of listable jobs on the default queue, oldest first. */
  listIds(query?: string): Promise<string[]>;
  /** REST API call with the full-scope token (or `token`); `path` is relative to /v2. */
  rest(path: string, init?: RequestInit, token?: string): Promise<Response>;
  /** `GET /__sim/fixtures`. */
  fixtures(): Promise<SimFixtures>;
}

export interface JobFixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
  bytes?: number;
}

export interface ArtifactFixture extends JobFixture {
  artifactId: string;
  path: string;
  bytes: number;
  sha1: string;
}

export interface SimFixtures {
  largeLog: JobFixture;
  colourLog: JobFixture;
  growingLog: JobFixture;
  failedJob: JobFixture;
  softFailedJob: JobFixture;
  timedOutJob: JobFixture;
  canceledBuildJob: JobFixture;
  passedJob: JobFixture;
  waiterJob: JobFixture;
  manualJob: JobFixture;
  triggerJob: JobFixture;
  scheduledJob: JobFixture;
  passedBuild: { pipeline: string; buildNumber: number };
  namelessCreatorBuild: { pipeline: string; buildNumber: number };
  hostileAnnotation: { pipeline: string; buildNumber: number };
  annotatedBuild: { pipeline: string; buildNumber: number };
  blockedBuild: { pipeline: string; buildNumber: number };
  canceledBuild: { pipeline: string; buildNumber: number };
  runningBuild: { pipeline: string; buildNumber: number };
  largeArtifact: ArtifactFixture;
  smallArtifact: ArtifactFixture;
  imageArtifact: ArtifactFixture;
  junitArtifact: ArtifactFixture;
}

/** `/organizations/acme/pipelines/{p}/builds/{n}` (relative to /v2) of a fixture. */
export const buildPath = (ref: { pipeline: string; buildNumber: number }): string =>
  `/organizations/acme/pipelines/${ref.pipeline}/builds/${ref.buildNumber}`;
export const jobPath = (ref: JobFixture): string => `${buildPath(ref)}/jobs/${ref.jobId}`;

export interface ScheduledJob {
  id: string;
  priority: number;
  agent_query_rules: string[];
  scheduled_at: string;
  runnable_at?: string;
  pipeline: { slug: string | null; uuid: string | null };
  build: { uuid: string | null; number: number | null; branch: string | null };
  step: { key: string | null };
}

export interface ListBody {
  jobs: ScheduledJob[];
  /** The pause flag is spelled `dispatch_paused` (the docs) or `paused` (the Go client), by queue. */
  cluster_queue: { id: string; dispatch_paused?: boolean; paused?: boolean };
  page_info: { has_next_page: boolean; end_cursor: string | null };
}

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ rateLimits: false, ...options });
  const api = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${sim.agentApiUrl}${path}`, {
      ...init,
      headers: { Authorization: `Token ${sim.clusterToken}`, "Content-Type": "application/json", ...init.headers },
    });
  const control = (path: string, body?: unknown, method = "POST"): Promise<Response> =>
    fetch(`${sim.origin}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const listIds = async (query = "limit=1000"): Promise<string[]> => {
    const response = await api(`/stacks/${sim.stackKey}/scheduled-jobs?queue_key=_default&${query}`);
    const body = (await response.json()) as ListBody;
    return body.jobs.map((job) => job.id);
  };
  const rest = (path: string, init: RequestInit = {}, token = sim.apiToken): Promise<Response> =>
    fetch(`${sim.restApiUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
  const fixtures = async (): Promise<SimFixtures> =>
    (await (await fetch(`${sim.origin}/__sim/fixtures`)).json()) as SimFixtures;
  return { sim, api, control, listIds, rest, fixtures };
}

export const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });
export const put = (body: unknown): RequestInit => ({ method: "PUT", body: JSON.stringify(body) });

/** One simulator for the test file, reset before each test; `ready` gets it and its showcase fixtures. */
export function withRestHarness(ready: (harness: Harness, fixtures: SimFixtures) => void): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
    ready(harness, await harness.fixtures());
  });
  beforeEach(async () => {
    await harness?.control("reset");
  });
  afterAll(() => harness?.sim.close());
}
