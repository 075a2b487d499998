import { z } from "zod";

/**
 * A whole number as a URL or path carries it: decimal digits only. `Number()` would read "0x10", "1e3",
 * "1.0" and " 1" as 16, 1000, 1 and 1, so a mistyped build number would open another build.
 */
export const wholeNumberText = (what: string, range: { min: number; max: number }) =>
  z
    .string()
    .regex(/^\d{1,16}$/, `must be ${what}, written in decimal digits`)
    .transform(Number)
    .pipe(z.number().min(range.min, `must be ${range.min} or more`).max(range.max, `must be at most ${range.max}`));

/** Buildkite numbers builds from 1; the same rule for an API path and a page's URL. */
export const buildNumberInput = wholeNumberText("a build number", { min: 1, max: Number.MAX_SAFE_INTEGER });
