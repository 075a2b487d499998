import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  LEVELS,
  levelOf,
  queueLevels,
  titleWithLevel,
  worstLevel,
  type Level,
} from "@/lib/thresholds";

const band = { warning: 50, critical: 200 };
const calm = { dispatchPaused: false, scheduledCount: 3, oldestWaitSeconds: 12, longWaits: 0 };

describe("levelOf", () => {
  test.each([
    [0, "ok"],
    [49, "ok"],
    [50, "warning"],
    [199, "warning"],
    [200, "critical"],
    [5000, "critical"],
  ] as const)("%i against 50/200 is %s", (value, level) => {
    expect(levelOf(value, band)).toBe(level);
  });

  test("an unknown value raises nothing", () => {
    expect(levelOf(null, band)).toBe("ok");
    expect(levelOf(undefined, band)).toBe("ok");
  });

  test("never falls as the value grows", () => {
    const rank = (level: Level) => LEVELS.indexOf(level);
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000), fc.nat(10_000), (a, b, w, c) => {
        const limits = { warning: Math.min(w, c), critical: Math.max(w, c) };
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(rank(levelOf(low, limits))).toBeLessThanOrEqual(rank(levelOf(high, limits)));
      }),
    );
  });
});

describe("worstLevel", () => {
  test("is the most severe level given, ok for none", () => {
    expect(worstLevel([])).toBe("ok");
    expect(worstLevel(["ok", "warning", "ok"])).toBe("warning");
    expect(worstLevel(["warning", "critical", "ok"])).toBe("critical");
  });
});

describe("queueLevels", () => {
  test("the triage example: 202 waiting, 43 over 5 minutes, the oldest at 5m 54s", () => {
    const levels = queueLevels(
      { dispatchPaused: false, scheduledCount: 202, oldestWaitSeconds: 354, longWaits: 43 },
      DEFAULT_THRESHOLDS,
    );
    expect(levels).toEqual({ backlog: "critical", oldestWait: "warning", longWaits: "critical", overall: "critical" });
  });

  test("a calm queue is ok throughout", () => {
    expect(queueLevels(calm, DEFAULT_THRESHOLDS)).toEqual({
      backlog: "ok",
      oldestWait: "ok",
      longWaits: "ok",
      overall: "ok",
    });
  });

  test("a paused queue is critical whatever its numbers", () => {
    expect(queueLevels({ ...calm, dispatchPaused: true }, DEFAULT_THRESHOLDS).overall).toBe("critical");
    expect(
      queueLevels(
        { dispatchPaused: true, scheduledCount: null, oldestWaitSeconds: null, longWaits: null },
        DEFAULT_THRESHOLDS,
      ).overall,
    ).toBe("critical");
  });

  test("one number at warning makes the queue a warning", () => {
    expect(queueLevels({ ...calm, longWaits: 1 }, DEFAULT_THRESHOLDS)).toMatchObject({
      longWaits: "warning",
      overall: "warning",
    });
  });
});

describe("titleWithLevel", () => {
  test("puts the level in front of the title, and nothing when ok", () => {
    expect(titleWithLevel("Stack Console", "critical")).toBe("▲ critical — Stack Console");
    expect(titleWithLevel("Stack Console", "warning")).toBe("△ warning — Stack Console");
    expect(titleWithLevel("Stack Console", "ok")).toBe("Stack Console");
  });

  test("replaces a level already there rather than stacking them", () => {
    const once = titleWithLevel("macos · stack-console · Stack Console", "warning");
    expect(titleWithLevel(once, "critical")).toBe("▲ critical — macos · stack-console · Stack Console");
    expect(titleWithLevel(titleWithLevel(once, "critical"), "ok")).toBe("macos · stack-console · Stack Console");
  });
});
