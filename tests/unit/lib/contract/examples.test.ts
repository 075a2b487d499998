import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  annotationsListParts,
  anyEnvelope,
  artifactsDownloadParts,
  artifactsListParts,
  authSetupParts,
  buildsGetParts,
  buildsListParts,
  contractSchemas,
  jobsLogGetParts,
  jobsRetryParts,
  paginationSchema,
  type CommandName,
} from "@/lib/contract";

// The contract document's JSON examples, copied verbatim into tests/fixtures/contract.
function example(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/contract/${name}.json`, import.meta.url), "utf8"));
}

const responses: CommandName[] = [
  "auth.setup",
  "auth.status",
  "builds.list",
  "builds.get",
  "jobs.log.get",
  "jobs.retry",
  "artifacts.list",
  "artifacts.download",
  "annotations.list",
];

const requests: [string, z.ZodType][] = [
  ["auth-setup", authSetupParts.request],
  ["builds-list", buildsListParts.request],
  ["builds-get", buildsGetParts.request],
  ["jobs-log-get", jobsLogGetParts.request],
  ["jobs-retry", jobsRetryParts.request],
  ["artifacts-list", artifactsListParts.request],
  ["artifacts-download", artifactsDownloadParts.request],
  ["annotations-list", annotationsListParts.request],
];

const fileName = (command: string) => command.replaceAll(".", "-");

/** A deep copy of `value` with `edit` applied, so each case starts from the untouched example. */
function edited(value: unknown, edit: (copy: Record<string, Record<string, unknown>>) => void): unknown {
  const copy = structuredClone(value) as Record<string, Record<string, unknown>>;
  edit(copy);
  return copy;
}

function rename(object: Record<string, unknown> | undefined, from: string, to: string): void {
  if (object === undefined) throw new Error(`nothing to rename ${from} in`);
  object[to] = object[from];
  delete object[from];
}

describe("the contract's examples", () => {
  it.each(responses)("%s's success response parses with its command's schema", (command) => {
    const parsed = contractSchemas[command].safeParse(example(`${fileName(command)}.response`));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each(requests)("%s's request parses with its command's request schema", (name, schema) => {
    expect(schema.safeParse(example(`${name}.request`)).error?.issues ?? []).toEqual([]);
  });

  it("the error example parses as a jobs.log.get failure", () => {
    const parsed = contractSchemas["jobs.log.get"].safeParse(example("error-envelope"));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.error?.type).toBe("auth_error");
  });

  it("the top-level envelope and the pagination object parse", () => {
    expect(anyEnvelope.safeParse(example("envelope")).success).toBe(true);
    expect(paginationSchema.safeParse(example("pagination")).success).toBe(true);
  });

  it("every response names its own command: one command's example is refused by another's schema", () => {
    expect(contractSchemas["builds.get"].safeParse(example("builds-list.response")).success).toBe(false);
  });
});

describe("renamed or retyped fields are refused", () => {
  const cases: [string, CommandName, (copy: Record<string, Record<string, unknown>>) => void][] = [
    ["request.number for buildNumber", "builds.get", (copy) => rename(copy.request, "buildNumber", "number")],
    ["data.rest for data.token", "auth.status", (copy) => rename(copy.data, "token", "rest")],
    ["summary.total for summary.count", "builds.list", (copy) => rename(copy.summary, "count", "total")],
    ["pagination.next_page", "builds.list", (copy) => rename(copy.pagination, "nextPage", "next_page")],
    ["a text buildNumber", "jobs.log.get", (copy) => void ((copy.request ?? {}).buildNumber = "942")],
    ["data.files as data.downloads", "artifacts.download", (copy) => rename(copy.data, "files", "downloads")],
    ["an unknown auth.setup source", "auth.setup", (copy) => void ((copy.summary ?? {}).source = "env")],
    ["apiVersion v2", "annotations.list", (copy) => void (copy.apiVersion = "v2" as never)],
  ];

  it.each(cases)("%s", (_name, command, edit) => {
    const changed = edited(example(`${fileName(command)}.response`), edit);
    expect(contractSchemas[command].safeParse(changed).success).toBe(false);
  });

  it("an error with a type outside the contract's list", () => {
    const changed = edited(example("error-envelope"), (copy) => void ((copy.error ?? {}).type = "forbidden"));
    expect(contractSchemas["jobs.log.get"].safeParse(changed).success).toBe(false);
  });

  it("additive fields are allowed", () => {
    const changed = edited(example("builds-get.response"), (copy) => void ((copy.summary ?? {}).extra = 1));
    expect(contractSchemas["builds.get"].safeParse(changed).success).toBe(true);
  });
});
