import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// The request a piece of work is done for, wherever it runs: the logger stamps every line with its id
// (server/log.ts), so the HTTP core, the store and the commands log it without anyone passing it down.

interface RequestContext {
  requestId: string;
}

// Kept on globalThis like the runtime: Next bundles route and page modules separately, and a logger made in
// one bundle (the runtime's, shared by all) must see the context a route in another bundle set.
const holder = globalThis as typeof globalThis & { __stackConsoleRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (holder.__stackConsoleRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs `work` (and everything it starts) as part of the request `requestId`. */
export const withRequestId = <T>(requestId: string, work: () => T): T => storage.run({ requestId }, work);

/** The id of the request the current work is done for; undefined outside one (start-up, the simulator). */
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

/**
 * A route handler that is not a command (sign-in, metrics) under a fresh request id, answered in its
 * `X-Request-Id` header as commands are, so a log line can be matched to the response someone holds.
 */
export function requestScoped<A extends unknown[]>(
  handler: (request: Request, ...rest: A) => Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return (request, ...rest) => {
    const requestId = randomUUID();
    return withRequestId(requestId, async () => {
      const response = await handler(request, ...rest);
      try {
        response.headers.set("x-request-id", requestId);
        return response;
      } catch {
        // A redirect's headers are immutable: the same answer, copied with the header added.
        const copy = new Response(response.body, response);
        copy.headers.set("x-request-id", requestId);
        return copy;
      }
    });
  };
}
