import { describe, expect, test, vi } from "vitest";
import { createTokenVerdicts, type TokenVerdict } from "@/server/auth/token-verdicts";
import { createBuildkiteReadiness } from "@/server/health/buildkite-readiness";

// Readiness reports Buildkite's last word on the tokens, and asks again only when that word is old.

function setup(answers: { cluster: TokenVerdict | null; rest?: TokenVerdict | null }) {
  let clock = 0;
  const verdicts = createTokenVerdicts(() => clock);
  const cluster = vi.fn(async () => answers.cluster);
  const rest = vi.fn(async () => answers.rest ?? null);
  const readiness = createBuildkiteReadiness({
    verdicts,
    maxAgeMs: 30_000,
    answerWithinMs: 60_000,
    now: () => clock,
    checks: answers.rest === undefined ? { cluster } : { cluster, rest },
  });
  return { readiness, verdicts, cluster, rest, advance: (ms: number) => (clock += ms) };
}

describe("createBuildkiteReadiness", () => {
  test("both tokens accepted is ok; either rejected is rejected", async () => {
    expect(await setup({ cluster: "accepted", rest: "accepted" }).readiness()).toBe("ok");
    expect(await setup({ cluster: "accepted", rest: "rejected" }).readiness()).toBe("rejected");
    expect(await setup({ cluster: "rejected", rest: "accepted" }).readiness()).toBe("rejected");
  });

  test("without a REST token only the cluster token counts", async () => {
    const world = setup({ cluster: "accepted" });
    expect(await world.readiness()).toBe("ok");
    expect(world.rest).not.toHaveBeenCalled();
  });

  test("a check Buildkite never answered is unchecked, and a failing check counts as one", async () => {
    expect(await setup({ cluster: null, rest: "accepted" }).readiness()).toBe("unchecked");
    const world = setup({ cluster: "accepted" });
    world.cluster.mockRejectedValueOnce(new Error("socket hang up"));
    expect(await world.readiness()).toBe("unchecked");
  });

  test("probes within the interval are answered from the last check; after it, one new check", async () => {
    const world = setup({ cluster: "accepted", rest: "accepted" });
    await Promise.all([world.readiness(), world.readiness(), world.readiness()]);
    world.advance(29_999);
    await world.readiness();
    expect(world.cluster).toHaveBeenCalledTimes(1);
    expect(world.rest).toHaveBeenCalledTimes(1);
    world.advance(1);
    await world.readiness();
    expect(world.cluster).toHaveBeenCalledTimes(2);
  });

  test("a verdict someone else recorded (auth.status) is used instead of a check of its own", async () => {
    const world = setup({ cluster: "accepted" });
    world.verdicts.record("cluster", "rejected");
    expect(await world.readiness()).toBe("rejected");
    expect(world.cluster).not.toHaveBeenCalled();
  });

  test("a check slower than a probe waits records its verdict for the probes after it", async () => {
    const world = setup({ cluster: "accepted" });
    let answer: (verdict: TokenVerdict) => void = () => undefined;
    world.cluster.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const slow = createBuildkiteReadiness({
      verdicts: world.verdicts,
      maxAgeMs: 30_000,
      answerWithinMs: 0,
      now: () => 0,
      checks: { cluster: world.cluster },
    });
    expect(await slow()).toBe("unchecked");
    answer("accepted");
    await vi.waitFor(() => expect(world.verdicts.last("cluster")?.verdict).toBe("accepted"));
    expect(await slow()).toBe("ok");
    expect(world.cluster).toHaveBeenCalledTimes(1);
  });

  test("an outage after a verdict keeps the verdict: Buildkite being down does not unmake a token", async () => {
    const world = setup({ cluster: "rejected" });
    expect(await world.readiness()).toBe("rejected");
    world.cluster.mockResolvedValue(null);
    world.advance(30_000);
    expect(await world.readiness()).toBe("rejected");
    expect(world.cluster).toHaveBeenCalledTimes(2);
  });
});
