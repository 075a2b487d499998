"use client";

import { useEffect } from "react";
import { titleWithLevel, type Level } from "@/lib/thresholds";

/**
 * Puts the level in front of the tab's title, so a warning shows in a background tab. The title itself
 * is the page's metadata, which Next may set again after this effect (metadata can stream in after the
 * page): an observer puts the level back whenever the title changes under it.
 */
export function useLevelTitle(level: Level | null) {
  useEffect(() => {
    if (level === null) return;
    const apply = () => {
      const wanted = titleWithLevel(document.title, level);
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithLevel(document.title, "ok");
    };
  }, [level]);
}
