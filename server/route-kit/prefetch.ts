import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { executeCommand, type CommandSpec } from "./command";
import { resolveOperator } from "../auth/operator";
import { runtime } from "../runtime";
import { withRequestId } from "../request-context";
import type { z } from "zod";
import type { SuccessEnvelope } from "@/lib/api/envelope";

type Schema = z.ZodType<unknown, unknown>;

// A page waits this long for its data at most; past it the browser fetches and shows progress itself,
// rather than a blank tab while Buildkite is slow.
const PREFETCH_BUDGET_MS = 2500;

/**
 * Runs a command for a server component exactly as its route would, and parses its data as the browser
 * would, so the page hands TanStack Query exactly what the page's own fetch would have put there. A
 * failure or a slow answer yields null: the browser then fetches and shows the error or the data itself.
 */
export async function prefetchCommand<P extends Schema | undefined, Q extends Schema | undefined, O extends Schema>(
  spec: CommandSpec<P, Q, undefined, O>,
  input: { params?: Record<string, string>; query?: Record<string, string> },
): Promise<SuccessEnvelope<z.output<O>> | null> {
  const current = await runtime();
  const operator = await resolveOperator(await headers(), current.config);
  // Signed out, the page shows the sign-in prompt instead and prefetches nothing.
  if (!operator) return null;
  const requestId = randomUUID();
  const running = withRequestId(requestId, () =>
    executeCommand(
      spec,
      { params: input.params ?? {}, query: input.query ?? {}, body: undefined, raw: false },
      { runtime: current, operator, requestId, signal: AbortSignal.timeout(PREFETCH_BUDGET_MS) },
    ),
  );
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PREFETCH_BUDGET_MS);
  });
  const executed = await Promise.race([running, budget]).finally(() => clearTimeout(timer));
  if (!executed?.envelope.ok) return null;
  const data = spec.output.safeParse(executed.envelope.data);
  return data.success ? { ...executed.envelope, data: data.data } : null;
}
