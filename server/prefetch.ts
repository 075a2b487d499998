import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { executeCommand, type CommandSpec } from "./command";
import { config } from "./config";
import { resolveOperator } from "./operator";
import type { z } from "zod";

type Schema = z.ZodType<unknown, unknown>;

/**
 * Runs a command for a server component exactly as its route would, so the page can hand the same
 * envelope to TanStack Query. A failure yields null: the browser then fetches and shows the error itself.
 */
export async function prefetchCommand<P extends Schema | undefined, Q extends Schema | undefined, D>(
  spec: CommandSpec<P, Q, undefined, D>,
  input: { params?: Record<string, string>; query?: Record<string, string> },
) {
  const operator = resolveOperator(await headers(), config());
  const executed = await executeCommand(
    spec,
    { params: input.params ?? {}, query: input.query ?? {}, body: undefined, raw: false },
    { operator, requestId: randomUUID(), signal: AbortSignal.timeout(5000) },
  );
  return executed.envelope.ok ? executed.envelope : null;
}
