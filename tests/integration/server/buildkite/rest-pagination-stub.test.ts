import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";

import { createRestClient } from "@/server/buildkite/rest";
import { startStubServer, type StubServer } from "./stub-server";

// What the simulator cannot show: a Link header that points away from the configured API must not be
// followed, because following it would hand the Bearer token to whoever that host is.

let api: StubServer;
let elsewhere: StubServer;
beforeAll(async () => {
  [api, elsewhere] = await Promise.all([startStubServer(), startStubServer()]);
});
beforeEach(() => {
  api.reset();
  elsewhere.reset();
});
afterAll(() => Promise.all([api.close(), elsewhere.close()]));

const cluster = (id: string) => ({ id, name: id, default_queue_id: null });

it("follows next links on the API's own origin with the query they carry", async () => {
  api.reply(
    {
      status: 200,
      headers: { link: `<${api.origin}/v2/organizations/acme/clusters?page=2&per_page=1>; rel="next"` },
      body: JSON.stringify([cluster("a")]),
    },
    { status: 200, body: JSON.stringify([cluster("b")]) },
  );
  const rest = createRestClient({ baseUrl: `${api.origin}/v2`, token: "bkua_secret-token", perPage: 1 });
  const { data } = await rest.listClusters("acme");
  expect(data.map((c) => c.id)).toEqual(["a", "b"]);
  expect(api.requests.map((r) => r.url)).toEqual([
    "/v2/organizations/acme/clusters?per_page=1",
    "/v2/organizations/acme/clusters?page=2&per_page=1",
  ]);
  expect(api.requests.every((r) => r.headers.authorization === "Bearer bkua_secret-token")).toBe(true);
});

it("refuses a next link to another origin instead of sending it the token", async () => {
  api.reply({
    status: 200,
    headers: { link: `<${elsewhere.origin}/v2/organizations/acme/clusters?page=2>; rel="next"` },
    body: JSON.stringify([cluster("a")]),
  });
  const rest = createRestClient({ baseUrl: `${api.origin}/v2`, token: "bkua_secret-token" });
  await expect(rest.listClusters("acme")).rejects.toMatchObject({ kind: "parse", retryable: false });
  expect(elsewhere.requests).toHaveLength(0);
});
