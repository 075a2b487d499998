import { describe, expect, it } from "vitest";
import { envelopeText } from "@/server/route-kit/envelope-json";

describe("envelopeText", () => {
  it("writes an envelope as JSON", () => {
    expect(envelopeText({ ok: true, data: [1] }, "x.get", "r1")).toEqual({
      text: '{"ok":true,"data":[1]}',
      serialised: true,
    });
  });

  it("answers an internal error that always serialises when the envelope cannot be written", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    for (const data of [cyclic, 10n, deep]) {
      const { text, serialised } = envelopeText({ ok: true, data }, "x.get", "r1");
      expect(serialised).toBe(false);
      expect(JSON.parse(text)).toMatchObject({
        ok: false,
        command: "x.get",
        error: { type: "internal_error", code: "unserialisable", requestId: "r1" },
      });
    }
  });
});
