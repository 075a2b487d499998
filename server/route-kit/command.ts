import "server-only";
import type { z } from "zod";
import { API_VERSION, type Envelope, type Pagination } from "@/lib/api/envelope";
import type { AuditAction } from "@/lib/schemas/audit";
import { ConsoleError, validationError, type FieldIssue } from "./console-error";
import { runAs } from "./acting-operator";
import { failureEnvelope } from "./envelope-json";
import { toEnvelopeError, type MappedError } from "./error-envelope";
import { answerTag } from "./etag";
import { isProductionServer } from "../config";
import type { Operator } from "../auth/operator";
import { can, type Permission } from "../auth/permissions";
import type { Runtime } from "../runtime";
import { beginAudit, isMutation } from "../store/audit-trail";

export interface CommandContext {
  runtime: Runtime;
  operator: Operator;
  requestId: string;
  signal: AbortSignal;
  /** The caller asked for `?raw=1`: commands whose answer is not Buildkite JSON (a log) keep bytes as they are. */
  raw?: boolean;
  /** The host the browser addressed the console by (null when the request did not say). */
  consoleHost?: string | null;
  /** Set when the caller streams progress (NDJSON): long commands report each step through it. */
  progress?: (event: unknown) => void;
  /** Set when the caller accepts server-sent events; `lastEventId` is where a reconnecting one left off. */
  eventStream?: { lastEventId: string | null };
}

export interface CommandOutput<D> {
  data: D;
  summary?: Record<string, unknown>;
  pagination?: Pagination | null;
  /** The exact Buildkite JSON, returned in `data` when the caller asks for `?raw=1`. */
  raw?: unknown;
  /** HTTP status on success, for commands that create something. */
  status?: number;
}

type Schema = z.ZodType<unknown, unknown>;
type Parsed<S> = S extends z.ZodType<infer Out, unknown> ? Out : undefined;

export interface CommandSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  O extends Schema,
> {
  name: string;
  permission: Permission;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * What `data` is, as the browser parses it (a schema from lib/schemas): the compiler holds `run` to it, so
   * a field renamed on one side only does not build.
   */
  output: O;
  /**
   * What the contract's `request` names that the caller did not send: the organization the console acts
   * in, and inputs the contract echoes as `null` when absent. Sent inputs override these.
   */
  echoDefaults?: (runtime: Runtime) => Record<string, unknown>;
  run(
    input: { params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> },
    ctx: CommandContext,
  ): Promise<CommandOutput<z.input<O>>>;
  /**
   * For a read the browser polls: a tag for what `run` returned, which changes whenever anything the
   * browser shows changes and not when only the time of the read does. The route answers a matching
   * `If-None-Match` with 304. `raw` says whether the answer carries `output.raw` instead of `data`. The
   * command, its input and `raw` are mixed in by the route kit; this tags only the content.
   */
  etag?: (output: CommandOutput<z.input<O>>, answered: { raw: boolean }) => string;
}

/**
 * A command that changes something leaves an audit row named after it, and the audit page offers exactly
 * `auditActions` to filter by: such a command whose name is not in that list does not build (its `name`
 * must then be `never`), so the list cannot miss one.
 */
type AuditedName<N extends string, M extends Permission> = M extends "read"
  ? unknown
  : [N] extends [AuditAction]
    ? unknown
    : { name: never };

export function defineCommand<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  O extends Schema = Schema,
  N extends string = string,
  M extends Permission = Permission,
>(spec: CommandSpec<P, Q, B, O> & { name: N; permission: M } & AuditedName<N, M>): CommandSpec<P, Q, B, O> {
  return spec;
}

export interface RawInput {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  raw: boolean;
}

function fieldName(part: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === "number" ? `${name}[${key}]` : `${name}.${String(key)}`),
    part,
  );
}

function validate<S extends Schema | undefined>(
  schema: S,
  value: unknown,
  part: string,
  issues: FieldIssue[],
): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data as Parsed<S>;
  for (const issue of result.error.issues) issues.push({ field: fieldName(part, issue.path), message: issue.message });
  return undefined as Parsed<S>;
}

export interface Executed<D> {
  status: number;
  headers: Record<string, string>;
  envelope: Envelope<D>;
  /** What went wrong, for the server's log only: it never reaches the response. */
  failure?: unknown;
  /** The answer's entity tag (unquoted), for a successful command that declares `etag`. */
  etag?: string;
}

/**
 * The contract's `request`: the input the command used, in one object. The path names what is acted on,
 * so its parameters win over a body or query field of the same name; spreading (not assigning) keeps a
 * `__proto__` key a plain field.
 */
function echo(...parts: unknown[]): Record<string, unknown> {
  let merged: Record<string, unknown> = {};
  for (const part of parts)
    if (part !== null && typeof part === "object" && !Array.isArray(part)) merged = { ...merged, ...part };
  return merged;
}

/**
 * Outside production every answer is also checked against its declared schema as it is sent, so a test
 * that reaches a command catches a value the types allow but the browser refuses (a fractional count, a
 * string the browser expects to be one of a few). Production trusts the compiler and spends nothing on it.
 */
const CHECK_OUTPUT = !isProductionServer();

function checkOutput(spec: { name: string; output: Schema }, data: unknown): void {
  const checked = spec.output.safeParse(data);
  if (checked.success) return;
  const [issue] = checked.error.issues;
  throw new ConsoleError(
    "internal_error",
    `${spec.name} produced data the browser would refuse: ${issue?.path.join(".") ?? "data"}: ${issue?.message ?? "invalid"}.`,
    "output_mismatch",
  );
}

/**
 * Runs a command as the contract defines it: permission first, then every input validated before any
 * upstream call, then the envelope. Route handlers and server-side prefetches both come through here, so
 * a page renders exactly what the API would have answered.
 */
export async function executeCommand<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  O extends Schema,
>(spec: CommandSpec<P, Q, B, O>, input: RawInput, context: Omit<CommandContext, "raw">): Promise<Executed<z.input<O>>> {
  // Only validated input is echoed: what was sent may be anything, up to a body nested thousands deep.
  let request: Record<string, unknown> = {};
  try {
    if (!can(context.operator.role, spec.permission)) {
      throw new ConsoleError(
        "permission_error",
        `Your role (${context.operator.role}) cannot ${spec.name}.`,
        "forbidden",
        {
          requiredPermission: spec.permission,
        },
      );
    }
    const issues: FieldIssue[] = [];
    const params = validate<P>(spec.params as P, input.params, "params", issues);
    const query = validate<Q>(spec.query as Q, input.query, "query", issues);
    const body = validate<B>(spec.body as B, input.body, "body", issues);
    // A part that failed validation is undefined here, so only what passed is echoed.
    request = echo(spec.echoDefaults?.(context.runtime), body, query, params);
    if (issues.length > 0) throw validationError(issues);

    const { runtime } = context;
    // Valid input first (a typo is answered as such), then the operator's budget, then the record.
    if (isMutation(spec)) await runtime.mutations.take(context.operator.id);
    const audit = isMutation(spec)
      ? await beginAudit(runtime.store, spec.name, { params, query, body }, context.operator, context.requestId)
      : null;
    const output = await runAs(context.operator.id, () =>
      spec.run({ params, query, body }, { ...context, raw: input.raw }),
    ).catch(async (error: unknown) => {
      await audit?.failed(error);
      throw error;
    });
    await audit?.succeeded(output.summary);
    const useRaw = input.raw && output.raw !== undefined;
    if (CHECK_OUTPUT && !useRaw) checkOutput(spec, output.data);
    return {
      status: output.status ?? 200,
      headers: {},
      etag: spec.etag && answerTag(spec.name, request, useRaw, spec.etag(output, { raw: useRaw })),
      envelope: {
        ok: true,
        apiVersion: API_VERSION,
        command: spec.name,
        request,
        summary: useRaw ? {} : (output.summary ?? {}),
        pagination: output.pagination ?? null,
        data: (useRaw ? output.raw : output.data) as z.input<O>,
        error: null,
      },
    };
  } catch (error) {
    const mapped: MappedError = toEnvelopeError(error, context.requestId);
    return {
      status: mapped.status,
      headers: mapped.headers,
      failure: error,
      envelope: failureEnvelope(spec.name, mapped.error, request),
    };
  }
}
