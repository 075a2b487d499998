import { z } from "zod";
import { envelopeErrorSchema } from "./errors";
import { paginationSchema } from "./pagination";

/** The contract's version, not Buildkite's API version. */
export const API_VERSION = "v1";

const looseRecord = z.record(z.string(), z.unknown());

export interface CommandParts<
  Request extends z.ZodType,
  Summary extends z.ZodType,
  Data extends z.ZodType,
  Paging extends z.ZodType,
> {
  request: Request;
  summary: Summary;
  data: Data;
  /** `paginationSchema` for list commands, which must fill it; `z.null()` for every other command. */
  pagination: Paging;
}

/**
 * One command's envelope: on success every part has the command's shape; on failure `request` is whatever
 * could be read of the input (a validation error may have no pipeline to echo), and data is null.
 */
export function commandEnvelope<
  Name extends string,
  Request extends z.ZodType,
  Summary extends z.ZodType,
  Data extends z.ZodType,
  Paging extends z.ZodType,
>(command: Name, parts: CommandParts<Request, Summary, Data, Paging>) {
  return z.discriminatedUnion("ok", [
    z.object({
      ok: z.literal(true),
      apiVersion: z.literal(API_VERSION),
      command: z.literal(command),
      request: parts.request,
      summary: parts.summary,
      pagination: parts.pagination,
      data: parts.data,
      error: z.null(),
    }),
    failureEnvelope(z.literal(command)),
  ]);
}

export function failureEnvelope<Command extends z.ZodType<string>>(command: Command) {
  return z.object({
    ok: z.literal(false),
    apiVersion: z.literal(API_VERSION),
    command,
    request: looseRecord,
    summary: looseRecord,
    pagination: z.null(),
    data: z.null(),
    error: envelopeErrorSchema,
  });
}

/**
 * `--raw` keeps the envelope but puts Buildkite's exact JSON in `data`, and a summary only when one can be
 * computed safely: so data and summary are open, the rest is as strict as ever.
 */
export function rawEnvelope<Name extends string, Request extends z.ZodType>(command: Name, request: Request) {
  return z.discriminatedUnion("ok", [
    z.object({
      ok: z.literal(true),
      apiVersion: z.literal(API_VERSION),
      command: z.literal(command),
      request,
      summary: looseRecord,
      pagination: paginationSchema.nullable(),
      data: z.unknown(),
      error: z.null(),
    }),
    failureEnvelope(z.literal(command)),
  ]);
}

/** Any command's envelope, with data and summary unchecked: the contract's top-level shape alone. */
export const anyEnvelope = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    apiVersion: z.literal(API_VERSION),
    command: z.string(),
    request: looseRecord,
    summary: looseRecord,
    pagination: paginationSchema.nullable(),
    data: z.unknown(),
    error: z.null(),
  }),
  failureEnvelope(z.string()),
]);
