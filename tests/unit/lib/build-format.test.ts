import { describe, expect, it } from "vitest";
import {
  durationSeconds,
  exactBytes,
  formatAgo,
  formatBytes,
  formatDurationSeconds,
  shortSha,
} from "@/lib/build-format";

describe("build formatting", () => {
  it("formats sizes in binary units with one decimal below ten", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1024)).toBe("1 KiB");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(15 * 1024 * 1024)).toBe("15 MiB");
    expect(formatBytes(100 * 1024 ** 3)).toBe("100 GiB");
    expect(formatBytes(-1)).toBe("—");
    expect(exactBytes(5_542_880)).toBe("5,542,880 bytes");
  });

  it("measures a run from start to finish, or to now while it runs, and nothing before it starts", () => {
    const now = Date.parse("2026-11-30T12:10:00Z");
    expect(durationSeconds("2026-11-30T12:00:00Z", "2026-11-30T12:01:30Z", now)).toBe(90);
    expect(durationSeconds("2026-11-30T12:00:00Z", null, now)).toBe(600);
    expect(durationSeconds(null, null, now)).toBeNull();
    expect(formatDurationSeconds(90)).toBe("1m 30s");
    expect(formatDurationSeconds(null)).toBe("—");
    expect(formatAgo("2026-11-30T12:09:00Z", now)).toBe("1m 00s ago");
  });

  it("shortens a commit to seven characters", () => {
    expect(shortSha("abcdef0123456789")).toBe("abcdef0");
  });
});
