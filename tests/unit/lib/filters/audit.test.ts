import { describe, expect, it } from "vitest";
import { auditJobIdInput, isJobIdPrefix } from "@/lib/filters/audit";

const ID = "0190c7a2-1111-4000-8000-00000000000a";

describe("the audit Job ID filter", () => {
  it("takes a whole job id or its start, as short as 4 characters, such as the 8 the console shows", () => {
    for (const text of [ID, "0190c7a2", "0190", "0190c7a2-", "0190c7a2-1111-40"])
      expect(isJobIdPrefix(text)).toBe(true);
    expect(auditJobIdInput.parse(` ${ID.slice(0, 8).toUpperCase()} `)).toBe("0190c7a2");
  });

  it("refuses what cannot start a job id", () => {
    for (const text of [
      "019",
      "",
      "nope",
      "0190c7a2x",
      "0190-c7a2",
      "0190c7a21111",
      `${ID}0`,
      "%%%%",
      "0190_",
      "01 90",
    ])
      expect(isJobIdPrefix(text), text).toBe(false);
    expect(auditJobIdInput.safeParse("abc").success).toBe(false);
  });
});
