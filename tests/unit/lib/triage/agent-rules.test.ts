import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createAgentIndex, type TaggedAgent } from "@/lib/triage/agent-index";
import { agentMatches, parseAgentRules, parseKeyValue } from "@/lib/triage/agent-rules";

const agent = (name: string, tags: string[]): TaggedAgent => ({ id: `id-${name}`, name, tags });
const names = (agents: readonly TaggedAgent[], indexes: readonly number[]) => indexes.map((i) => agents[i]!.name);

describe("agentMatches (Buildkite's targeting rules)", () => {
  test("every rule must hold", () => {
    const tags = ["queue=default", "os=linux", "arch=arm64"];
    expect(agentMatches(["os=linux", "arch=arm64"], tags)).toBe(true);
    expect(agentMatches(["os=linux", "arch=amd64"], tags)).toBe(false);
    expect(agentMatches(["os=linux", "gpu=true"], tags)).toBe(false);
  });

  test("key=value matches the tag's value exactly", () => {
    expect(agentMatches(["os=linux"], ["os=linux"])).toBe(true);
    expect(agentMatches(["os=linux"], ["os=Linux"])).toBe(false);
    expect(agentMatches(["os=linux"], ["os=linux-musl"])).toBe(false);
  });

  test("key=* and key= match any agent with the tag, whatever its value", () => {
    for (const rule of ["gpu=*", "gpu="]) {
      expect(agentMatches([rule], ["gpu=true"])).toBe(true);
      expect(agentMatches([rule], ["gpu="])).toBe(true);
      expect(agentMatches([rule], ["os=linux"])).toBe(false);
    }
  });

  test("a partial wildcard is literal: key=1.9* wants the value 1.9*", () => {
    expect(agentMatches(["ruby=1.9*"], ["ruby=1.9.3"])).toBe(false);
    expect(agentMatches(["ruby=1.9*"], ["ruby=1.9*"])).toBe(true);
  });

  test("the queue isolates agents", () => {
    expect(agentMatches(["queue=gpu"], ["queue=gpu", "os=linux"])).toBe(true);
    expect(agentMatches(["queue=gpu", "os=linux"], ["queue=cpu", "os=linux"])).toBe(false);
    expect(agentMatches(["os=linux"], ["queue=gpu", "os=linux"])).toBe(false);
  });

  test("no queue rule targets the default queue; an agent without a queue tag is in it", () => {
    expect(agentMatches(["os=linux"], ["os=linux"])).toBe(true);
    expect(agentMatches(["os=linux"], ["queue=default", "os=linux"])).toBe(true);
    expect(agentMatches(["queue=default"], ["os=linux"])).toBe(true);
    expect(agentMatches(["queue=other"], ["os=linux"])).toBe(false);
  });

  test("the default queue is a parameter", () => {
    expect(agentMatches([], ["queue=_default"], "_default")).toBe(true);
    expect(agentMatches([], ["queue=default"], "_default")).toBe(false);
    expect(agentMatches(["queue=_default"], [], "_default")).toBe(true);
  });

  test("values may hold '='; rules are normalised so equal sets compare equal", () => {
    expect(parseKeyValue("env=A=B")).toEqual({ key: "env", value: "A=B" });
    const texts = (rules: string[]) => parseAgentRules(rules).map((rule) => rule.text);
    expect(texts(["os=linux", "gpu=", "os=linux"])).toEqual(texts(["gpu=*", "os=linux", "queue=default"]));
  });
});

describe("createAgentIndex", () => {
  const agents = [
    agent("linux-1", ["os=linux", "arch=amd64"]),
    agent("linux-2", ["os=linux", "arch=arm64", "gpu=false"]),
    agent("gpu-1", ["queue=gpu", "os=linux", "gpu=true"]),
    agent("mac-1", ["os=macos", "arch=arm64"]),
  ];
  const index = createAgentIndex(agents);

  test("matches the agents every rule holds for, within the job's queue", () => {
    expect(names(agents, index.match(["os=linux"]).matching)).toEqual(["linux-1", "linux-2"]);
    expect(names(agents, index.match(["arch=arm64"]).matching)).toEqual(["linux-2", "mac-1"]);
    expect(names(agents, index.match(["queue=gpu", "gpu=*"]).matching)).toEqual(["gpu-1"]);
  });

  test("names the rules nobody in the queue meets and what the closest agents lack", () => {
    const result = index.match(["os=linux", "gpu=true"]);
    expect(result.matching).toEqual([]);
    // gpu-1 has gpu=true, but in another queue: the rule is still unmet for the default queue.
    expect(result.unmetRules).toEqual(["gpu=true"]);
    expect(result.closest[0]).toEqual({
      id: "id-linux-1",
      name: "linux-1",
      lacks: [{ rule: "gpu=true", reason: "missing_tag", agentValues: [] }],
    });
    expect(result.closest[1]!.lacks).toEqual([{ rule: "gpu=true", reason: "different_value", agentValues: ["false"] }]);
  });

  test("a queue without agents is the unmet rule", () => {
    const result = index.match(["queue=windows", "os=linux"]);
    expect(result.unmetRules).toEqual(["queue=windows"]);
    const linux = result.closest.find((closest) => closest.name === "linux-1");
    expect(linux?.lacks).toEqual([{ rule: "queue=windows", reason: "different_value", agentValues: ["default"] }]);
  });

  test("one resolution per distinct rule set, however the rules are ordered", () => {
    expect(index.match(["os=linux", "arch=arm64"])).toBe(index.match(["arch=arm64", "os=linux", "queue=default"]));
  });

  const tagKey = fc.constantFrom("os", "arch", "gpu", "queue");
  const tagValue = fc.constantFrom("linux", "arm64", "true", "default", "gpu", "", "*", "1.9*");
  const pair = fc.tuple(tagKey, tagValue).map(([key, value]) => `${key}=${value}`);
  const agentsAndRules = fc.tuple(
    fc
      .array(fc.array(pair, { maxLength: 4 }), { maxLength: 8 })
      .map((tagLists) => tagLists.map((tags, i) => agent(`a${i}`, tags))),
    fc.array(pair, { maxLength: 4 }),
  );

  test("agrees with the one-agent-at-a-time reference on any agents and rules", () => {
    fc.assert(
      fc.property(agentsAndRules, ([pool, rules]) => {
        const expected = pool.flatMap((a, i) => (agentMatches(rules, a.tags) ? [i] : []));
        expect(createAgentIndex(pool).match(rules).matching).toEqual(expected);
      }),
    );
  });

  test("rules each met by someone but never together leave no single unmet rule", () => {
    const result = index.match(["os=macos", "arch=amd64"]);
    expect(result.matching).toEqual([]);
    expect(result.unmetRules).toEqual([]);
    expect(result.closest.map((closest) => [closest.name, closest.lacks.length])).toEqual([
      ["linux-1", 1],
      ["mac-1", 1],
      ["linux-2", 2],
    ]);
  });

  test("unmet means no agent of the job's queue meets the rule; closest agents lack only real shortfalls", () => {
    fc.assert(
      fc.property(agentsAndRules, ([pool, rules]) => {
        const result = createAgentIndex(pool).match(rules);
        if (result.matching.length > 0) return;
        const queueRules = result.rules.filter((rule) => rule.key === "queue").map((rule) => rule.text);
        const metInQueue = (rule: string) => pool.some((a) => agentMatches([...queueRules, rule], a.tags));
        // An empty queue is the whole story: its rule is the one named.
        if (!pool.some((a) => agentMatches(queueRules, a.tags))) expect(result.unmetRules).toEqual(queueRules);
        else
          for (const rule of result.rules) expect(metInQueue(rule.text)).toBe(!result.unmetRules.includes(rule.text));
        for (const closest of result.closest) {
          const tags = pool.find((a) => a.id === closest.id)!.tags;
          expect(closest.lacks.length).toBeGreaterThan(0);
          for (const lack of closest.lacks) expect(agentMatches([lack.rule], tags)).toBe(false);
        }
      }),
    );
  });
});
