import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { loadCommandRoutes, type RouteFile } from "../../../support/route-server";
import { identityHeaders, startConsole, type TestConsole } from "../../../support/console";

// Property-based fuzzing of every /api/v1 route, generated from app/api so a new route is fuzzed without
// anyone listing it. For each route and method: arbitrary path params, query strings built from the names
// the command's own schemas know plus junk, and (for writes) arbitrary bodies. Whatever arrives, the answer
// is never a 5xx, always the envelope (or a streamed file), never cacheable, and input the console refuses
// as invalid never costs a call to Buildkite.

const FUZZ_RUNS = 80;

// ---- What each route's command accepts, read from its zod schemas -------------------------------------

interface Vocabulary {
  command: string;
  queryNames: string[];
  bodyNames: string[];
  /** Enum and literal values anywhere in the schemas: the values most likely to get past validation. */
  values: string[];
}

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
}

function collect(schema: unknown, names: Set<string>, values: Set<string>, depth = 0): void {
  if (!schema || typeof schema !== "object" || !("_zod" in schema) || depth > 6) return;
  const def = (schema as ZodLike)._zod.def;
  const inner = (key: string) => collect(def[key], names, values, depth + 1);
  switch (def.type) {
    case "object":
      for (const [name, field] of Object.entries(def.shape as Record<string, unknown>)) {
        names.add(name);
        collect(field, names, values, depth + 1);
      }
      break;
    case "enum":
      for (const value of Object.values(def.entries as Record<string, unknown>)) values.add(String(value));
      break;
    case "literal":
      for (const value of def.values as unknown[]) values.add(String(value));
      break;
    case "pipe":
      inner("in");
      inner("out");
      break;
    case "array":
      inner("element");
      break;
    default:
      for (const key of ["innerType", "element", "in"]) inner(key);
  }
}

/** The command behind a route file (`export const GET = command(jobsFinish)`), found through its import. */
async function vocabularyOf(route: RouteFile): Promise<Vocabulary> {
  const source = readFileSync(route.file, "utf8");
  const imported = /import \{ (\w+) \} from "@\/server\/commands\/([\w-]+)"/.exec(source);
  if (!imported) return { command: "unknown", queryNames: [], bodyNames: [], values: [] };
  const exported = (await import(join(process.cwd(), "server/commands", `${imported[2]}.ts`))) as Record<
    string,
    { name: string; query?: unknown; body?: unknown }
  >;
  const spec = exported[imported[1] ?? ""];
  if (!spec) throw new Error(`${route.file} names a command its module does not export`);
  const queryNames = new Set<string>();
  const bodyNames = new Set<string>();
  const values = new Set<string>();
  collect(spec.query, queryNames, values);
  collect(spec.body, bodyNames, values);
  return { command: spec.name, queryNames: [...queryNames], bodyNames: [...bodyNames], values: [...values] };
}

// ---- Arbitraries ----------------------------------------------------------------------------------

const hostileConstants = [
  "",
  " ",
  ".",
  "..",
  "../../etc/passwd",
  "%2e%2e",
  "%2e%2e%2f%2e%2e",
  "a/b",
  "\u0000",
  "\u202e",
  "\r\nx-injected: 1",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1.5",
  "1e309",
  "9007199254740993",
  "99999999999999999999999999",
  "0x10",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "🙂",
  "ä".repeat(300),
  "x".repeat(3000),
];

const uuidish = fc.oneof(
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => id.replace(/-/g, "")),
  fc.uuid().map((id) => `${id}x`),
  fc.uuid().map((id) => id.slice(0, -1)),
  fc.constant("00000000-0000-0000-0000-000000000000"),
);

const hostileString = fc.oneof(
  fc.constantFrom(...hostileConstants),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary-ascii", maxLength: 20 }),
  uuidish,
  fc.integer().map(String),
  fc.bigInt().map(String),
  fc.double().map(String),
);

/** A path segment: mostly a value encoded as a browser would, sometimes raw traversal the URL parser resolves. */
const segment = (valid: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid).map(encodeURIComponent) },
    { weight: 6, arbitrary: hostileString.map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.constantFrom("%2e%2e", "..", "%2F", "%252e%252e", "%00") },
  );

const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -2147483649, 2147483648, "", "x".repeat(100_000), [], {}),
  hostileString,
  fc.array(fc.oneof(uuidish, hostileString), { maxLength: 6 }),
  fc.array(fc.record({ jobId: uuidish, detail: hostileString }, { requiredKeys: [] }), { maxLength: 3 }),
);

// ---- The console under fuzz -----------------------------------------------------------------------

let c: TestConsole;
let known: Record<string, string[]>;
const routes = (await loadCommandRoutes()).filter((route) => !route.pattern.includes("[..."));
const cases = routes.flatMap((route) => route.methods.map((method) => ({ method, pattern: route.pattern, route })));
const fuzzed: string[] = [];
let upstreamJudged = 0;
/** How the fuzzed requests were answered, over all routes: printed so a run shows what it exercised. */
const outcomes: Record<string, number> = {};
const tally = (outcome: string) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);

beforeAll(async () => {
  c = await startConsole();
  const fixtures =
    await c.control<Record<string, { pipeline: string; buildNumber: number; jobId?: string; artifactId?: string }>>(
      "fixtures",
    );
  const jobs = Object.values(fixtures).filter((f) => f.jobId !== undefined);
  const list = await c.api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=5`);
  const scheduled = (list.body.data as { id: string }[]).map((job) => job.id);
  known = {
    key: [c.sim.stackKey],
    pipeline: [...new Set(jobs.map((f) => f.pipeline))],
    number: [...new Set(jobs.map((f) => String(f.buildNumber)))],
    id: [...new Set([...jobs.map((f) => f.jobId ?? ""), ...scheduled])],
    artifactId: Object.values(fixtures).flatMap((f) => (f.artifactId ? [f.artifactId] : [])),
  };
});

// Valid inputs reach the simulator and may finish, reserve or deregister: each route starts from the seed.
afterEach(async () => {
  await c.control("reset", {});
});

afterAll(async () => {
  await c.close();
  console.log(
    `fuzz cases per route: ${FUZZ_RUNS} (${fuzzed.length} route methods: ${fuzzed.join(", ")}); refused by Buildkite as opaque input: ${upstreamJudged}; outcomes: ${JSON.stringify(outcomes)}`,
  );
});

const upstreamCounts = () => c.upstreamCounts();

describe(`every API route holds up under ${FUZZ_RUNS} fuzzed requests`, () => {
  test("the route list is not empty", () => expect(cases.length).toBeGreaterThanOrEqual(20));

  test.each(cases)("$method $pattern", { timeout: 120_000 }, async ({ method, pattern, route }) => {
    const vocabulary = await vocabularyOf(route);
    const params = [...pattern.matchAll(/\[(\w+)\]/g)].map((m) => m[1] ?? "");
    const scheduledIds = known.id ?? [];
    const realJobIds = scheduledIds.map(encodeURIComponent);

    const path = fc.tuple(...params.map((name) => segment(known[name] ?? ["x"]))).map((segments) => {
      let i = 0;
      return pattern.replace(/\[\w+\]/g, () => segments[i++] ?? "");
    });
    const queryName = fc.oneof(
      {
        weight: 3,
        arbitrary: vocabulary.queryNames.length > 0 ? fc.constantFrom(...vocabulary.queryNames) : fc.constant("q"),
      },
      { weight: 1, arbitrary: fc.constantFrom("raw", "__proto__", "", "limit[]", "a b") },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    );
    const queryValue = fc.oneof(
      vocabulary.values.length > 0 ? fc.constantFrom(...vocabulary.values) : fc.constant("1"),
      fc.integer({ min: -5, max: 2000 }).map(String),
      hostileString,
    );
    const query = fc
      .array(fc.tuple(queryName, queryValue), { maxLength: 5 })
      .map((pairs) => (pairs.length === 0 ? "" : `?${new URLSearchParams(pairs).toString()}`));

    const knownField = vocabulary.bodyNames.length > 0 ? fc.constantFrom(...vocabulary.bodyNames) : fc.constant("junk");
    const nearValid = fc.record(
      {
        jobIds: fc.oneof(fc.subarray(scheduledIds, { minLength: 1 }), fc.array(uuidish, { maxLength: 3 })),
        detail: fc.oneof(fc.constant("fuzzed"), hostileString),
        exitStatus: fc.oneof(fc.integer({ min: -3, max: 300 }), fc.constantFrom(2147483648, 1.5, "1")),
        expirySeconds: fc.oneof(fc.integer({ min: -1, max: 4000 }), fc.constant(null)),
        notifications: fc.array(
          fc.record({ jobId: fc.oneof(fc.constantFrom(...scheduledIds), uuidish), detail: hostileString }),
          { maxLength: 3 },
        ),
        key: fc.oneof(fc.constantFrom("fuzz-stack", ...hostileConstants), hostileString),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.dictionary(knownField, junkValue, { maxKeys: 4 }).map((value) => JSON.stringify(value)),
      },
      { weight: 3, arbitrary: nearValid.map((value) => JSON.stringify(value)) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
      {
        weight: 2,
        arbitrary: fc.oneof(
          fc.constantFrom("", "{", "not json", "[1,", '{"jobIds":', "\u0000", "nul", "{'a':1}", '{"a":1}{"b":2}'),
          fc.string({ unit: "grapheme", maxLength: 50 }).map((text) => `{${text}`),
        ),
      },
      { weight: 1, arbitrary: fc.constant(JSON.stringify({ detail: "x".repeat(2_200_000) })) },
    );

    const request = fc.record({ path, query, body: method === "GET" ? fc.constant(undefined) : body });

    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const before = await upstreamCounts();
        const response = await fetch(c.origin + input.path + input.query, {
          method,
          // As an admin, so every route gets past sign-in and roles to its input checks.
          headers: {
            ...identityHeaders("admin"),
            ...(input.body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: input.body,
        });
        const text = await response.text();
        const after = await upstreamCounts();
        const what = `${method} ${input.path}${input.query} → ${response.status} ${text.slice(0, 300)}`;

        expect(response.status, what).toBeLessThan(500);
        tally(String(response.status));
        if (response.status === 405 && text === "") {
          // A dot segment (`.` or `..`) resolved the URL to another route that lacks this method: Next
          // answers that itself, before any command runs.
          expect(input.path, what).toMatch(/\/(\.|%2e){1,2}(\/|$)/i);
          expect(after, what).toEqual(before);
          return;
        }
        // Only a tagged answer (a polled read that succeeded) may be kept, and then only if revalidated.
        const tagged = response.status === 200 && response.headers.get("etag") !== null;
        expect(response.headers.get("cache-control"), what).toMatch(tagged ? /^private, no-cache$/ : /^no-store/);
        if (!(response.headers.get("content-type") ?? "").startsWith("application/json")) {
          // A streamed log or artifact: only a success is streamed; every failure is an envelope.
          expect(response.status, what).toBe(200);
          expect(response.headers.get("content-disposition"), what).toMatch(/^attachment/);
          return;
        }
        const envelope = JSON.parse(text) as {
          apiVersion: string;
          command: string;
          error: { type: string; message: string; details: { source?: string } } | null;
        };
        expect(envelope.apiVersion, what).toBe("v1");
        expect(envelope.command, what).toMatch(/^[a-z]+(\.[a-z]+)+$|^unknown$/);
        if (envelope.error?.type !== "validation_error") return;
        if (envelope.error.details.source === "buildkite") {
          // Only Buildkite can judge what the console cannot see: a page cursor it handed out, or whether a
          // real job's current state allows the change (retrying a passed job, finishing an unreserved one).
          const opaque =
            new URLSearchParams(input.query).has("after") || realJobIds.some((id) => input.path.includes(id));
          expect(
            opaque,
            `${what}\nBuildkite refused input the console could have checked: ${envelope.error.message}`,
          ).toBe(true);
          upstreamJudged += 1;
          return;
        }
        expect(after, `${what}\nreached Buildkite`).toEqual(before);
      }),
      { numRuns: FUZZ_RUNS, endOnFailure: true },
    );
    fuzzed.push(`${method} ${pattern}`);
  });
});
