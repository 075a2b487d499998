import { describe, expect, it } from "vitest";
import { TYPING_PAUSE_MS, filterHistoryWrite } from "@/lib/filters/history-write";

describe("filterHistoryWrite", () => {
  it("pushes the first keystroke of a word and replaces with the rest of it", () => {
    const first = filterHistoryWrite({ pipeline: "d" }, null, 10_000);
    expect(first).toEqual({ write: "push", burst: { field: "pipeline", lastAt: 10_000 } });
    const second = filterHistoryWrite({ pipeline: "do" }, first.burst, 10_100);
    expect(second).toEqual({ write: "replace", burst: { field: "pipeline", lastAt: 10_100 } });
    const third = filterHistoryWrite({ pipeline: "doc" }, second.burst, 10_100 + TYPING_PAUSE_MS - 1);
    expect(third.write).toBe("replace");
  });

  it("starts a new entry after a pause in typing", () => {
    const burst = { field: "pipeline", lastAt: 10_000 };
    expect(filterHistoryWrite({ pipeline: "docs2" }, burst, 10_000 + TYPING_PAUSE_MS).write).toBe("push");
  });

  it("starts a new entry when typing moves to another filter", () => {
    const burst = { field: "pipeline", lastAt: 10_000 };
    expect(filterHistoryWrite({ branch: "m" }, burst, 10_050)).toEqual({
      write: "push",
      burst: { field: "branch", lastAt: 10_050 },
    });
  });

  it("pushes a sort change or clearing several filters, and ends the burst", () => {
    const burst = { field: "pipeline", lastAt: 10_000 };
    expect(filterHistoryWrite({ sort: "priority", dir: "desc" }, burst, 10_050)).toEqual({
      write: "push",
      burst: null,
    });
    expect(filterHistoryWrite({ dir: "asc" }, burst, 10_050)).toEqual({ write: "push", burst: null });
    expect(filterHistoryWrite({ pipeline: "", branch: "", step: "", rules: "" }, burst, 10_050)).toEqual({
      write: "push",
      burst: null,
    });
  });
});
