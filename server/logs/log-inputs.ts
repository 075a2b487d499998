import "server-only";
import { z } from "zod";
import { wholeNumberText } from "@/lib/inputs/numbers";
import { CHUNK_BYTES, MAX_CHUNK_BYTES } from "./log-chunks";

const byteOffset = wholeNumberText("a byte offset", { min: 0, max: Number.MAX_SAFE_INTEGER });

/** At most one of `before`, `after` and `line` picks the chunk; none means the tail. */
export const logChunkInput = z
  .object({
    before: byteOffset.optional(),
    after: byteOffset.optional(),
    line: wholeNumberText("a line number", { min: 1, max: Number.MAX_SAFE_INTEGER }).optional(),
    bytes: wholeNumberText("a byte count", { min: 1024, max: MAX_CHUNK_BYTES }).default(CHUNK_BYTES),
  })
  .refine((query) => [query.before, query.after, query.line].filter((value) => value !== undefined).length <= 1, {
    message: "give at most one of before, after and line",
    path: ["before"],
  });

export const logSearchInput = z.object({
  q: z.string().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  caseSensitive: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((value) => value === "1" || value === "true"),
});

export const DEFAULT_LOG_MAX_BYTES = 1_000_000;
export const MAX_LOG_MAX_BYTES = 10_000_000;

export const logGetInput = z.object({
  maxBytes: wholeNumberText("a byte count", { min: 1, max: MAX_LOG_MAX_BYTES }).default(DEFAULT_LOG_MAX_BYTES),
  tailLines: wholeNumberText("a line count", { min: 1, max: 1_000_000 }).optional(),
});
