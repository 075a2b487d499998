import type { Level } from "@/lib/thresholds";
import { levelIcons, levelText } from "./level-styles";

interface LevelStatProps {
  label: string;
  value: string;
  /** What the value counts, for the accessible name: "critical: 202 waiting". */
  spoken: string;
  level: Level;
  testId: string;
  size?: "lg" | "xl";
}

/** One number of a queue's health, coloured by its level and, past ok, followed by the level's word. */
export function LevelStat({ label, value, spoken, level, testId, size = "xl" }: LevelStatProps) {
  const Icon = levelIcons[level];
  return (
    // The level of an age can change between the server render and hydration, like the age itself.
    <div className="min-w-28" data-level={level} data-testid={`${testId}-stat`} suppressHydrationWarning>
      <dt className="text-xs tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd
        className={`mt-1 flex flex-wrap items-baseline gap-x-2 ${levelText[level]}`}
        aria-label={`${level}: ${spoken}`}
        suppressHydrationWarning
      >
        <span
          className={`font-semibold whitespace-nowrap tabular-nums ${size === "xl" ? "text-2xl" : "text-xl"}`}
          data-testid={testId}
          suppressHydrationWarning
        >
          {value}
        </span>
        {level !== "ok" && (
          <span className="inline-flex items-center gap-0.5 text-xs font-bold whitespace-nowrap uppercase" aria-hidden>
            <Icon className="size-3.5" />
            {level}
          </span>
        )}
      </dd>
    </div>
  );
}
