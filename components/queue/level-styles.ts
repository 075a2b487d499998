import { CircleCheck, OctagonAlert, TriangleAlert, type LucideIcon } from "lucide-react";
import type { Level } from "@/lib/thresholds";

// One look per level wherever a level is shown, always with an icon and a word: colour alone says
// nothing to a colour-blind operator or a screen reader.

export const levelIcons: Record<Level, LucideIcon> = {
  ok: CircleCheck,
  warning: TriangleAlert,
  critical: OctagonAlert,
};

/** The colour of a number at that level. */
export const levelText: Record<Level, string> = {
  ok: "",
  warning: "text-amber-700 dark:text-amber-400",
  critical: "text-red-700 dark:text-red-400",
};

/** A pill saying the level. */
export const levelPill: Record<Level, string> = {
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-300",
  warning: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
  critical: "bg-red-600 text-white dark:bg-red-700",
};
