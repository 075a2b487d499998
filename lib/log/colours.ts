import type { Colour, TextStyle } from "./types";

// Palette and style → CSS for the log viewer. The 16 named colours are CSS variables set per theme in
// app/globals.css, so text reads on the light and the dark theme alike (a terminal's pure black or white
// would vanish on one of them); 16–255 are xterm's 6×6×6 cube and 24 greys, which is what programs
// choosing `38;5;n` expect.

/** The 16 named colours (black, red, green, yellow, blue, magenta, cyan, white, then bright forms). */
const namedColour = (index: number) => `var(--log-ansi-${index})`;

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255] as const;

function hex(r: number, g: number, b: number): string {
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** CSS colour of an xterm palette index (0–255); out-of-range indexes are clamped. */
export function paletteCss(index: number): string {
  const i = Math.max(0, Math.min(255, Math.trunc(index)));
  if (i < 16) return namedColour(i);
  if (i < 232) {
    const n = i - 16;
    return hex(CUBE_LEVELS[Math.floor(n / 36)]!, CUBE_LEVELS[Math.floor(n / 6) % 6]!, CUBE_LEVELS[n % 6]!);
  }
  const grey = 8 + (i - 232) * 10;
  return hex(grey, grey, grey);
}

export function colourCss(colour: Colour): string {
  return colour.kind === "palette" ? paletteCss(colour.index) : hex(colour.r & 255, colour.g & 255, colour.b & 255);
}

/** The viewer's default text and background colours, used when inverse video swaps a default. */
export const DEFAULT_FOREGROUND = "var(--log-foreground, currentColor)";
export const DEFAULT_BACKGROUND = "var(--log-background, Canvas)";

/** Inline CSS (React `style` shaped: camelCase keys) for a span's style; empty for the default style. */
export function styleToCss(style: TextStyle | undefined): Record<string, string> {
  const css: Record<string, string> = {};
  if (!style) return css;
  let fg = style.fg ? colourCss(style.fg) : undefined;
  let bg = style.bg ? colourCss(style.bg) : undefined;
  if (style.inverse) {
    [fg, bg] = [bg ?? DEFAULT_BACKGROUND, fg ?? DEFAULT_FOREGROUND];
  }
  if (fg) css.color = fg;
  if (bg) css.backgroundColor = bg;
  if (style.bold) css.fontWeight = "bold";
  if (style.faint) css.opacity = "0.7";
  if (style.italic) css.fontStyle = "italic";
  const lines = [style.underline ? "underline" : "", style.strike ? "line-through" : ""].filter(Boolean);
  if (lines.length > 0) css.textDecoration = lines.join(" ");
  return css;
}

/** The same as a `style` attribute value (kebab-case), for HTML output; built directly because it is hot. */
export function styleToCssText(style: TextStyle | undefined): string {
  if (!style) return "";
  let fg = style.fg ? colourCss(style.fg) : undefined;
  let bg = style.bg ? colourCss(style.bg) : undefined;
  if (style.inverse) [fg, bg] = [bg ?? DEFAULT_BACKGROUND, fg ?? DEFAULT_FOREGROUND];
  let css = "";
  const add = (declaration: string) => (css = css ? `${css};${declaration}` : declaration);
  if (fg) add(`color:${fg}`);
  if (bg) add(`background-color:${bg}`);
  if (style.bold) add("font-weight:bold");
  if (style.faint) add("opacity:0.7");
  if (style.italic) add("font-style:italic");
  if (style.underline || style.strike)
    add(
      `text-decoration:${style.underline ? (style.strike ? "underline line-through" : "underline") : "line-through"}`,
    );
  return css;
}
