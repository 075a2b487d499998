"use client";

import { useEffect, useEffectEvent } from "react";

export interface JobKeyActions {
  move: (delta: 1 | -1) => void;
  toggle: () => void;
  open: () => void;
  focusFilter: () => void;
  escape: () => void;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.closest("input, textarea, select, [contenteditable=true]") !== null);

/**
 * j/k move the focused row, x selects it, Enter opens it, / jumps to the filters, Esc closes the drawer.
 * Keys typed into a field stay there, and a key a dialog already handled (defaultPrevented) is left alone.
 */
export function useJobKeys(actions: JobKeyActions) {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      actions.escape();
      return;
    }
    if (typing(event.target)) return;
    // Inside a dialog or on a button, Enter and x belong to that control, not to the table.
    const onControl = event.target instanceof HTMLElement && event.target.closest("button, a, [role=dialog]") !== null;
    switch (event.key) {
      case "j":
        actions.move(1);
        break;
      case "k":
        actions.move(-1);
        break;
      case "x":
        if (onControl) return;
        actions.toggle();
        break;
      case "Enter":
        if (onControl) return;
        actions.open();
        break;
      case "/":
        actions.focusFilter();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
