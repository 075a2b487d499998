import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { BuildkiteError } from "@/server/buildkite/errors";
import { createRestClient } from "@/server/buildkite/rest";
import { startStubServer, type StubServer } from "./stub-server";

// What the simulator cannot show: an artifact download whose 302 sends the console somewhere it must not
// go. Nothing may be fetched from there, and the Bearer token never leaves Buildkite.

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

const ref = { org: "acme", pipeline: "web", build: 1, job: "0190f3a2-5c1e-7d7a-9e51-2b8f4c6d0e11" };
const download = (location: string, consoleHost: string | null = "console.acme.example") => {
  api.reply({ status: 302, headers: { location }, body: "" });
  const rest = createRestClient({ baseUrl: `${api.origin}/v2`, token: "bkua_secret-token" });
  return rest.downloadArtifact(ref, "a1", { consoleHost });
};

it.each([
  ["another host over plain http", () => `${elsewhere.origin}/secret`],
  ["this machine over https", () => `https://127.0.0.1:${new URL(elsewhere.origin).port}/secret`],
  ["localhost by name", () => `https://localhost:${new URL(elsewhere.origin).port}/secret`],
  ["the cloud's metadata address", () => "https://169.254.169.254/latest/meta-data/iam"],
  ["the console's own origin", () => "https://console.acme.example/api/v1/auth/status"],
])("refuses storage on %s, fetching nothing from it", async (_name, location) => {
  const error = await download(location()).then(
    () => expect.unreachable(),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildkiteError);
  expect((error as BuildkiteError).message).toMatch(/^Buildkite sent an artifact download to .+; not following it$/);
  expect(elsewhere.requests).toEqual([]);
});

it("follows storage on Buildkite's own origin, without the token", async () => {
  api.reply(
    { status: 302, headers: { location: `${api.origin}/storage/a1` }, body: "" },
    { status: 200, headers: { "content-type": "text/plain" }, body: "bytes" },
  );
  const rest = createRestClient({ baseUrl: `${api.origin}/v2`, token: "bkua_secret-token" });
  const file = await rest.downloadArtifact(ref, "a1", { consoleHost: "console.acme.example" });
  expect(await file.body.text()).toBe("bytes");
  expect(api.requests.at(-1)?.headers.authorization).toBeUndefined();
});
