"use client";

import { useLayoutEffect, useState, type RefObject } from "react";

/** The gutter (line numbers), the timestamp column and the row's right padding, in px (w-20, w-28, pr-4). */
const GUTTER_PX = 80;
const TIME_PX = 112;
const PADDING_PX = 16;
const PROBE_CHARS = 10;
/** Narrower than this, wrapping would stack a line into a column of fragments. */
const MIN_COLUMNS = 20;

/**
 * How many monospace columns fit beside the gutter, from the box's width and a probe's character width;
 * re-measured when the box resizes. Null (no wrapping) where nothing can be measured.
 */
export function useWrapColumns(
  boxRef: RefObject<HTMLElement | null>,
  probeRef: RefObject<HTMLElement | null>,
  present: boolean,
  showTime: boolean,
): number | null {
  const [size, setSize] = useState<{ box: number; char: number } | null>(null);
  useLayoutEffect(() => {
    const box = boxRef.current;
    const probe = probeRef.current;
    if (!present || !box || !probe) return;
    const measure = () => {
      const char = probe.getBoundingClientRect().width / PROBE_CHARS;
      setSize(char > 0 && box.clientWidth > 0 ? { box: box.clientWidth, char } : null);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [boxRef, probeRef, present]);
  if (!size) return null;
  return Math.max(MIN_COLUMNS, Math.floor((size.box - GUTTER_PX - (showTime ? TIME_PX : 0) - PADDING_PX) / size.char));
}

export const WRAP_PROBE_TEXT = "0".repeat(PROBE_CHARS);
