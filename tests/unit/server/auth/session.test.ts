import { describe, expect, test } from "vitest";
import {
  cookieHeader,
  openSession,
  readCookie,
  sealSession,
  secureCookies,
  type SessionData,
} from "@/server/auth/session";

const settings = { secret: "x".repeat(32), idleMs: 8 * 3_600_000, maxMs: 24 * 3_600_000 };
const start = Date.UTC(2026, 0, 5, 9, 0, 0);
const session: SessionData = {
  sub: "u1",
  name: "Ada",
  email: "ada@example.com",
  role: "operator",
  issuedAt: start,
  seenAt: start,
};
const hours = (n: number) => n * 3_600_000;

describe("sealed sessions", () => {
  test("a fresh session opens with its operator", async () => {
    const sealed = await sealSession(session, settings);
    expect(sealed).not.toContain("ada@example.com");
    expect(await openSession(sealed, settings, start + 1000)).toEqual({ session, renew: false });
  });

  test("a session idle longer than the idle limit is signed out", async () => {
    const sealed = await sealSession(session, settings);
    expect(await openSession(sealed, settings, start + hours(7))).not.toBeNull();
    expect(await openSession(sealed, settings, start + hours(8) + 1)).toBeNull();
  });

  test("a session in use is renewed, but not past its absolute limit", async () => {
    const active = await sealSession({ ...session, seenAt: start + hours(23) }, settings);
    expect((await openSession(active, settings, start + hours(23) + 10 * 60_000))?.renew).toBe(true);
    expect(await openSession(active, settings, start + hours(24) + 1)).toBeNull();
  });

  test("a cookie sealed with another secret, or tampered with, is signed out", async () => {
    const sealed = await sealSession(session, settings);
    expect(await openSession(sealed, { ...settings, secret: "y".repeat(32) }, start)).toBeNull();
    expect(await openSession(`${sealed.slice(0, -4)}AAAA`, settings, start)).toBeNull();
    expect(await openSession("not-a-seal", settings, start)).toBeNull();
    expect(await openSession(undefined, settings, start)).toBeNull();
  });

  test("cookies are httpOnly and SameSite=Lax, and Secure except on a loopback host", () => {
    expect(cookieHeader("s", "v", { maxAgeSeconds: 60, secure: secureCookies("console.example.com") })).toBe(
      "s=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure",
    );
    expect(secureCookies("localhost:3000")).toBe(false);
    expect(secureCookies("127.0.0.1:3100")).toBe(false);
    expect(secureCookies("[::1]:3100")).toBe(false);
    expect(secureCookies("localhost.evil.io")).toBe(true);
    expect(secureCookies(null)).toBe(true);
  });

  test("reads one cookie out of a Cookie header", () => {
    const headers = new Headers({ cookie: "a=1; console_session=Fe26.2*abc; b=2" });
    expect(readCookie(headers, "console_session")).toBe("Fe26.2*abc");
    expect(readCookie(headers, "missing")).toBeUndefined();
  });
});
