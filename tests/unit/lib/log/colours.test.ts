import { describe, expect, test } from "vitest";
import {
  DEFAULT_BACKGROUND,
  DEFAULT_FOREGROUND,
  colourCss,
  paletteCss,
  styleToCss,
  styleToCssText,
} from "@/lib/log/colours";

describe("paletteCss", () => {
  test("0–15 are the named colours, 16–231 the 6×6×6 cube, 232–255 greys", () => {
    expect(paletteCss(1)).toBe("var(--log-ansi-1)");
    expect(paletteCss(16)).toBe("#000000");
    expect(paletteCss(196)).toBe("#ff0000");
    expect(paletteCss(21)).toBe("#0000ff");
    expect(paletteCss(231)).toBe("#ffffff");
    expect(paletteCss(232)).toBe("#080808");
    expect(paletteCss(255)).toBe("#eeeeee");
    expect(paletteCss(999)).toBe("#eeeeee");
  });

  test("truecolour becomes hex", () => {
    expect(colourCss({ kind: "rgb", r: 255, g: 128, b: 0 })).toBe("#ff8000");
  });
});

describe("styleToCss", () => {
  test("default style has no CSS", () => {
    expect(styleToCss(undefined)).toEqual({});
  });

  test("colours and attributes", () => {
    expect(
      styleToCss({
        fg: { kind: "palette", index: 196 },
        bg: { kind: "rgb", r: 0, g: 0, b: 1 },
        bold: true,
        italic: true,
        underline: true,
        strike: true,
        faint: true,
      }),
    ).toEqual({
      color: "#ff0000",
      backgroundColor: "#000001",
      fontWeight: "bold",
      fontStyle: "italic",
      textDecoration: "underline line-through",
      opacity: "0.7",
    });
  });

  test("inverse swaps the colours, using the viewer's defaults where none is set", () => {
    expect(styleToCss({ inverse: true })).toEqual({ color: DEFAULT_BACKGROUND, backgroundColor: DEFAULT_FOREGROUND });
    expect(styleToCss({ inverse: true, fg: { kind: "palette", index: 196 } })).toEqual({
      color: DEFAULT_BACKGROUND,
      backgroundColor: "#ff0000",
    });
  });

  test("as a style attribute", () => {
    expect(styleToCssText({ bold: true, bg: { kind: "palette", index: 16 } })).toBe(
      "background-color:#000000;font-weight:bold",
    );
  });
});
