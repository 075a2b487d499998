import "server-only";
import { Counter, Gauge, type Registry } from "prom-client";
import { endpointTemplate } from "../buildkite/endpoint-template";
import type { HttpObserver } from "../buildkite/http";

export type UpstreamApi = "stacks" | "rest";

/**
 * What the console asks of Buildkite, counted from the HTTP core's own attempts. Endpoints are route
 * templates (`/stacks/{key}/jobs/{id}/finish`), so the label values are as few as the clients' routes.
 */
export function createUpstreamMetrics(registry: Registry) {
  const registers = [registry];
  const requests = new Counter({
    name: "stack_console_upstream_requests_total",
    help: "Calls to Buildkite, one per attempt, by API, method, endpoint and status (the HTTP status, or network, timeout or aborted when no answer came)",
    labelNames: ["api", "method", "endpoint", "status"] as const,
    registers,
  });
  const retries = new Counter({
    name: "stack_console_upstream_retries_total",
    help: "Failed calls to Buildkite that are tried again, by the status or failure that caused the retry",
    labelNames: ["api", "method", "endpoint", "reason"] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: "stack_console_upstream_rate_limited_total",
    help: "Calls Buildkite refused with 429 Too Many Requests",
    labelNames: ["api", "method", "endpoint"] as const,
    registers,
  });
  const remaining = new Gauge({
    name: "stack_console_upstream_rate_limit_remaining",
    help: "Requests left in the current rate-limit window as Buildkite last reported it (the Stacks API counts per stack and endpoint; REST reports the tighter of the organization's and the token user's budgets)",
    labelNames: ["api", "endpoint"] as const,
    registers,
  });

  return {
    /** The HTTP core's observer for one API's client. */
    observer(api: UpstreamApi): HttpObserver {
      return {
        attempt({ method, path, status, failure, rateLimit }) {
          const endpoint = endpointTemplate(path);
          requests.inc({ api, method, endpoint, status: status === null ? (failure ?? "network") : String(status) });
          if (status === 429) rateLimited.inc({ api, method, endpoint });
          if (rateLimit?.remaining != null) remaining.set({ api, endpoint }, rateLimit.remaining);
        },
        retry({ method, path, reason }) {
          retries.inc({ api, method, endpoint: endpointTemplate(path), reason });
        },
      };
    },
  };
}
