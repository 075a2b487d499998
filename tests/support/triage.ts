import { expect } from "vitest";
import { triageSchema, type Finding, type FindingKind } from "@/lib/schemas/triage";
import type { TestConsole } from "./console";

// Reading triage.get in the integration tests.

export const triagePath = (c: TestConsole, queueKey = "_default") =>
  `/api/v1/stacks/${c.sim.stackKey}/triage?queue=${queueKey}`;

export async function readTriage(c: TestConsole, queueKey?: string) {
  const { status, body } = await c.api(triagePath(c, queueKey));
  expect(status).toBe(200);
  expect(body.command).toBe("triage.get");
  return { findings: triageSchema.parse(body.data).findings, summary: body.summary };
}

export const ofKind = (findings: Finding[], kind: FindingKind) => findings.filter((f) => f.kind === kind);

/**
 * Reads triage.get until it matches: the snapshot is reused for one poll interval (1 s in the tests) and the
 * agents list and builds for the REST reads' 5 s, so a change upstream shows by the first read after those.
 */
export async function triageUntil(
  c: TestConsole,
  predicate: (findings: Finding[]) => boolean,
  queueKey?: string,
): Promise<Finding[]> {
  const deadline = Date.now() + 12_000;
  for (;;) {
    const { findings } = await readTriage(c, queueKey);
    if (predicate(findings)) return findings;
    if (Date.now() > deadline)
      throw new Error(`triage.get never matched: ${JSON.stringify(findings.map((f) => f.kind))}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
