import { beforeAll, expect, test } from "vitest";
import { seededConsole } from "../../../support/console";

// The REST budget is one user's however many people use the console: each viewer's reads that reach
// Buildkite spend their own share, so one person reading fast cannot starve the others.

interface Fixtures {
  failedJob: { pipeline: string; buildNumber: number };
}
const world = seededConsole<Fixtures>({ env: { REST_READS_PER_VIEWER_PER_MINUTE: "3" } });

let builds: { pipeline: { slug: string }; number: number }[];
beforeAll(async () => {
  builds = (await world.console.api("/api/v1/builds?perPage=10", { as: "viewer" })).body.data;
});

const read = (build: { pipeline: { slug: string }; number: number }, as: "viewer" | "operator") =>
  world.console.api(`/api/v1/pipelines/${build.pipeline.slug}/builds/${build.number}`, { as });

test("a viewer past their share is refused with when to come back; another viewer still reads", async () => {
  // The list above spent one read; two builds spend the rest.
  expect((await read(builds[0]!, "viewer")).status).toBe(200);
  expect((await read(builds[1]!, "viewer")).status).toBe(200);
  const calls = await world.console.upstreamCalls("GET /v2/organizations/:org/pipelines/:pipeline/builds/:number");
  const refused = await read(builds[2]!, "viewer");
  expect(refused.status).toBe(429);
  expect(refused.body.error).toMatchObject({
    type: "rate_limited",
    code: "read_share_exhausted",
    details: { source: "console" },
  });
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await world.console.upstreamCalls("GET /v2/organizations/:org/pipelines/:pipeline/builds/:number")).toBe(
    calls,
  );
  // What someone already fetched costs nothing: the viewer can still read a build read moments ago.
  expect((await read(builds[0]!, "viewer")).status).toBe(200);
  expect((await read(builds[2]!, "operator")).status).toBe(200);
});
