"use client";

import { createContext, type ReactNode } from "react";

/**
 * When the server rendered the page. While React hydrates, ages and countdowns are computed from it rather
 * than from the browser's clock, so they come out exactly as in the server's HTML: the browser's clock is
 * seconds later (however long the page took to arrive and its scripts to run), and any text that differs
 * makes React throw the server's HTML away (error #418). The browser's clock takes over right after.
 */
export const RenderTimeContext = createContext<number | null>(null);

export function RenderTimeProvider({ renderedAt, children }: { renderedAt: number; children: ReactNode }) {
  return <RenderTimeContext value={renderedAt}>{children}</RenderTimeContext>;
}
