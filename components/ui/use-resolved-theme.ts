"use client";

import { useSyncExternalStore } from "react";
import type { Theme } from "@/lib/theme";

// The theme as painted: the `dark` class the pre-paint script and the theme toggle put on <html>. Canvas
// charts cannot follow Tailwind's dark: variants, so they read it here and redraw when it changes.

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const read = (): Theme => (document.documentElement.classList.contains("dark") ? "dark" : "light");

/** "light" on the server and while hydrating (the charts draw only after), then the page's theme. */
export function useResolvedTheme(): Theme {
  return useSyncExternalStore(subscribe, read, () => "light");
}
