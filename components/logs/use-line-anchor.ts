"use client";

import { useCallback, useEffect, useState } from "react";
import { findLine, groupsHiding, setGroupOpen, type LogDoc } from "@/lib/log/log-chunks";

const lineFromHash = (hash: string) => {
  const match = /^#L(\d+)$/.exec(hash);
  return match ? Number(match[1]) : null;
};

function openGroupsAround(doc: LogDoc, line: number): LogDoc {
  const flat = findLine(doc, line);
  if (flat === null) return doc;
  return groupsHiding(doc, flat).reduce((next, group) => setGroupOpen(next, group.key, true), doc);
}

interface LineAnchorDeps {
  ensureLine(line: number): Promise<"loaded" | "missing" | "failed">;
  setDoc(doc: LogDoc): void;
  docRef: { current: LogDoc };
  /** Leaves the raw view: line numbers belong to the rendered log. */
  showRendered(): void;
  aimAt(line: number | null): void;
  aim(): number | null;
  jumpNow(): void;
}

/**
 * `#L120` links: on arrival and whenever the hash changes (back, forward, an edited URL) the line is
 * loaded, the groups hiding it opened, and the view moved there; a line past the end is said to be so.
 */
export function useLineAnchor({ ensureLine, setDoc, docRef, showRendered, aimAt, aim, jumpNow }: LineAnchorDeps) {
  const [anchorLine, setAnchorLine] = useState<number | null>(null);
  const [missingLine, setMissingLine] = useState<number | null>(null);

  const goToLine = useCallback(
    async (line: number) => {
      setMissingLine(null);
      showRendered();
      aimAt(line);
      const found = await ensureLine(line);
      // A later jump took over while this one loaded.
      if (aim() !== line) return;
      if (found !== "loaded") {
        aimAt(null);
        if (found === "missing") setMissingLine(line);
        return;
      }
      setDoc(openGroupsAround(docRef.current, line));
      jumpNow();
    },
    [ensureLine, setDoc, docRef, showRendered, aimAt, aim, jumpNow],
  );

  useEffect(() => {
    const onHash = () => {
      const line = lineFromHash(window.location.hash);
      setAnchorLine(line);
      if (line !== null) void goToLine(line);
    };
    onHash();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [goToLine]);

  const onLineLink = useCallback((line: number) => {
    window.history.replaceState(window.history.state, "", `#L${line}`);
    setAnchorLine(line);
  }, []);

  return { anchorLine, missingLine, goToLine, onLineLink };
}
