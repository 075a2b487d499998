import { expect, test } from "vitest";
import { nameTokens, parseJobIdTokens } from "@/lib/job-id-tokens";
import { MAX_BATCH_IDS } from "@/lib/inputs/stacks";

const a = "01890e3c-5b1a-4c3e-9f2a-0d6c1e2b3a41";
const b = "01890e3c-5b1a-4c3e-9f2a-0d6c1e2b3a42";
const c = "01890e3c-5b1a-4c3e-9f2a-0d6c1e2b3a43";

/** n distinct UUIDs. */
const manyIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);

test("ids separated by newlines, spaces, commas and semicolons are all read, in order", () => {
  expect(parseJobIdTokens(`${a}\n${b}, ${c}`).ids).toEqual([a, b, c]);
  expect(parseJobIdTokens(`  ${c};${a}\t${b}  `).ids).toEqual([c, a, b]);
});

test("a pasted JSON array is read as its ids", () => {
  expect(parseJobIdTokens(JSON.stringify([a, b]))).toEqual({ ids: [a, b], invalid: [], duplicates: 0, dropped: 0 });
});

test("console and Buildkite links give up the job id they carry", () => {
  const parsed = parseJobIdTokens(
    [
      `http://127.0.0.1:3000/stacks/stack-console?queue=_default&job=${a}`,
      `/stacks/x?job=${b}`,
      `https://buildkite.com/acme/app/builds/42#${c}`,
    ].join("\n"),
  );
  expect(parsed.ids).toEqual([a, b, c]);
  expect(parsed.invalid).toEqual([]);
});

test("upper-case ids are the same job as lower-case ones", () => {
  expect(parseJobIdTokens(`${a.toUpperCase()} ${a}`)).toMatchObject({ ids: [a], duplicates: 1 });
});

test("repeats are counted once", () => {
  expect(parseJobIdTokens(`${a} ${b} ${a} ${a}`)).toMatchObject({ ids: [a, b], duplicates: 2 });
});

test("tokens that are not ids are named, each once, and do not stop the valid ones", () => {
  const parsed = parseJobIdTokens(`${a} not-a-job 12345 not-a-job https://example.com/builds/1`);
  expect(parsed.ids).toEqual([a]);
  expect(parsed.invalid).toEqual(["not-a-job", "12345", "https://example.com/builds/1"]);
});

test("a link whose job parameter is not a UUID is invalid", () => {
  expect(parseJobIdTokens("/stacks/x?job=nope").invalid).toEqual(["/stacks/x?job=nope"]);
});

test(`at most ${MAX_BATCH_IDS} ids are kept and the rest are counted as dropped`, () => {
  const ids = manyIds(MAX_BATCH_IDS + 7);
  const parsed = parseJobIdTokens(ids.join("\n"));
  expect(parsed.ids).toHaveLength(MAX_BATCH_IDS);
  expect(parsed.ids).toEqual(ids.slice(0, MAX_BATCH_IDS));
  expect(parsed.dropped).toBe(7);
});

test("empty input yields nothing", () => {
  expect(parseJobIdTokens(" \n , ")).toEqual({ ids: [], invalid: [], duplicates: 0, dropped: 0 });
});

test("long lists of bad tokens are shortened when named", () => {
  expect(nameTokens(["x", "y"])).toBe("“x”, “y”");
  expect(nameTokens(["a", "b", "c", "d", "e", "f", "g"])).toBe("“a”, “b”, “c”, “d”, “e” and 2 more");
});
