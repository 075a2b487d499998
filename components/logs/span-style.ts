import type { CSSProperties } from "react";
import type { TextStyle } from "@/lib/log/types";
import { colourCss } from "@/lib/log/colours";

// The log pane is always a dark terminal (as on buildkite.com), whatever the page's theme, so these are the
// colours an inverse span swaps when it has no colour of its own.
export const DEFAULT_FG = "#e4e4e7";
export const DEFAULT_BG = "#18181b";

const styleCache = new WeakMap<TextStyle, CSSProperties>();

/** Inline CSS for a span's style; styles are interned by the parser, so this is computed once per style. */
export function spanStyle(style: TextStyle | undefined): CSSProperties | undefined {
  if (!style) return undefined;
  const cached = styleCache.get(style);
  if (cached) return cached;
  let color = style.fg ? colourCss(style.fg) : undefined;
  let background = style.bg ? colourCss(style.bg) : undefined;
  if (style.inverse) [color, background] = [background ?? DEFAULT_BG, color ?? DEFAULT_FG];
  const decorations = [style.underline ? "underline" : "", style.strike ? "line-through" : ""].filter(Boolean).join(" ");
  const css: CSSProperties = {
    color,
    backgroundColor: background,
    fontWeight: style.bold ? 700 : undefined,
    fontStyle: style.italic ? "italic" : undefined,
    textDecorationLine: decorations || undefined,
    opacity: style.faint ? 0.6 : undefined,
  };
  styleCache.set(style, css);
  return css;
}
