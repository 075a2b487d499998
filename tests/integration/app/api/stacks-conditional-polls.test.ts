import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { identityHeaders, startConsole, type TestConsole, type TestIdentity } from "../../../support/console";

// The two polled reads answer with an ETag, and a poll naming it is answered 304 without a body until
// something the page shows changes. Over real HTTP: test → route handler → simulator.

const SHARED_READ_MS = 1_100;

let c: TestConsole;
beforeAll(async () => {
  // The console's default for tests: a shared read is reused for one second.
  c = await startConsole();
});
afterAll(() => c.close());
beforeEach(async () => {
  await c.control("reset", {});
  // The reset re-seeds jobs scheduled relative to now; a read from before it must not be served as current.
  await sleep(SHARED_READ_MS);
});

const scheduled = (queue = "_default") => `/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?queue=${queue}&all=1`;
const queueState = (queue = "_default") => `/api/v1/stacks/${c.sim.stackKey}/queue?queue=${queue}`;

async function get(path: string, ifNoneMatch?: string, as: TestIdentity = "admin") {
  const response = await fetch(c.origin + path, {
    headers: { ...identityHeaders(as), ...(ifNoneMatch === undefined ? {} : { "if-none-match": ifNoneMatch }) },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A first read's tag, after checking it is one. */
async function tagOf(path: string): Promise<string> {
  const first = await get(path);
  expect(first.status).toBe(200);
  const etag = first.headers.get("etag");
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  expect(first.headers.get("cache-control")).toBe("private, no-cache");
  return etag!;
}

describe.each([
  ["jobs.scheduled.list", scheduled],
  ["queue.get", queueState],
])("%s", (_command, path) => {
  test("answers 304 with an empty body, the tag, a request id and the caching rule to an unchanged poll", async () => {
    const etag = await tagOf(path());
    // Past the shared read's interval too: a fresh read of the same jobs has the same tag.
    for (const wait of [0, SHARED_READ_MS]) {
      await sleep(wait);
      const again = await get(path(), etag);
      expect(again.status).toBe(304);
      expect(again.text).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(again.headers.get("cache-control")).toBe("private, no-cache");
    }
  });

  test("matches a weak tag, a tag in a list, and *", async () => {
    const etag = await tagOf(path());
    for (const header of [`W/${etag}`, `"nope", ${etag}`, "*"]) expect((await get(path(), header)).status).toBe(304);
    expect((await get(path(), '"nope"')).status).toBe(200);
  });

  test("answers in full with a new tag once jobs arrive and the shared read has been renewed", async () => {
    const etag = await tagOf(path());
    await c.control("jobs", { count: 3 });
    await sleep(SHARED_READ_MS);
    const changed = await get(path(), etag);
    expect(changed.status).toBe(200);
    expect(JSON.parse(changed.text)).toMatchObject({ ok: true });
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  test("answers in full to the tag of another queue", async () => {
    const etag = await tagOf(path("_default"));
    const other = await get(path("linux-large"), etag);
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  test("is the same for every role: the data does not depend on who reads it", async () => {
    const etag = await tagOf(path());
    for (const as of ["operator", "viewer"] as const) expect((await get(path(), etag, as)).status).toBe(304);
  });

  test("never answers an error with 304, nor tags it", async () => {
    const unknown = await get(path("no-such-queue"), "*");
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(unknown.text)).toMatchObject({ ok: false });
    expect(unknown.headers.get("etag")).toBeNull();
    expect(unknown.headers.get("cache-control")).toBe("no-store");

    const signedOut = await get(path(), "*", "signed-out");
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("etag")).toBeNull();
  });
});

test("a write through the console renews the read at once, so the next poll gets the change", async () => {
  const etag = await tagOf(scheduled());
  const { body } = await c.api(scheduled());
  const id = body.data[0].id as string;
  const reserved = await c.api(`/api/v1/stacks/${c.sim.stackKey}/reservations`, { body: { jobIds: [id] } });
  expect(reserved.status).toBe(200);
  const after = await get(scheduled(), etag);
  expect(after.status).toBe(200);
  expect((JSON.parse(after.text) as { data: { id: string }[] }).data.map((job) => job.id)).not.toContain(id);
});

test("a different page of the list is a different answer", async () => {
  const etag = await tagOf(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=5`);
  expect((await get(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=6`, etag)).status).toBe(200);
  expect((await get(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=5&raw=1`, etag)).status).toBe(200);
  expect((await get(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=5`, etag)).status).toBe(304);
});
