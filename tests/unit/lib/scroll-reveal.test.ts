import { describe, expect, it } from "vitest";
import { scrollTopToReveal } from "@/lib/scroll-reveal";

// A 400 px box under a 40 px sticky header, rows of 40 px.
const port = (scrollTop: number) => ({ scrollTop, viewportHeight: 400, coveredTop: 40 });

describe("scrollTopToReveal", () => {
  it("leaves the scroll alone when the band already shows whole", () => {
    expect(scrollTopToReveal({ top: 40, height: 40 }, port(0))).toBe(0);
    expect(scrollTopToReveal({ top: 360, height: 40 }, port(0))).toBe(0);
  });

  it("scrolls down just enough to bring a band below the box to its bottom edge", () => {
    expect(scrollTopToReveal({ top: 400, height: 40 }, port(0))).toBe(40);
    expect(scrollTopToReveal({ top: 2400, height: 40 }, port(0))).toBe(2040);
    // A band cut by the bottom edge counts as hidden.
    expect(scrollTopToReveal({ top: 380, height: 40 }, port(0))).toBe(20);
  });

  it("scrolls up to bring a band above the box, or under its sticky header, just below the header", () => {
    expect(scrollTopToReveal({ top: 400, height: 40 }, port(400))).toBe(360);
    expect(scrollTopToReveal({ top: 80, height: 40 }, port(2000))).toBe(40);
    expect(scrollTopToReveal({ top: 40, height: 40 }, port(10))).toBe(0);
  });

  it("works for a window with no sticky header", () => {
    expect(scrollTopToReveal({ top: 900, height: 40 }, { scrollTop: 0, viewportHeight: 720 })).toBe(220);
    expect(scrollTopToReveal({ top: 100, height: 40 }, { scrollTop: 300, viewportHeight: 720 })).toBe(100);
  });

  it("shows the top of a band taller than the visible part", () => {
    expect(scrollTopToReveal({ top: 1000, height: 900 }, port(0))).toBe(960);
  });
});
