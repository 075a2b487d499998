import type { CSSProperties } from "react";
import { styleToCss } from "@/lib/log/colours";
import type { TextStyle } from "@/lib/log/types";

const styleCache = new WeakMap<TextStyle, CSSProperties>();

/**
 * Inline CSS for a span's style. The parser interns styles (and a worker's message keeps shared objects
 * shared), so each distinct style is converted once however many spans use it.
 */
export function spanStyle(style: TextStyle | undefined): CSSProperties | undefined {
  if (!style) return undefined;
  let css = styleCache.get(style);
  if (!css) {
    css = styleToCss(style);
    styleCache.set(style, css);
  }
  return css;
}
