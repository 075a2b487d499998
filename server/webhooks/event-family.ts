import "server-only";

// Buildkite's webhook events (`ping`, `build.*`, `job.*`, `agent.*`, `cluster_token.*`) grouped as the
// console treats them. Metrics are labelled by family, a fixed set, never by the name as sent: a caller
// could otherwise mint a new series with every request.

export const eventFamilies = ["ping", "job", "build", "agent", "cluster_token", "unknown"] as const;
export type EventFamily = (typeof eventFamilies)[number];

const prefixed = ["job", "build", "agent", "cluster_token"] as const;

/** The family of an event; `unknown` for anything else (an event newer than this code, or an invention). */
export function eventFamily(event: string | null | undefined): EventFamily {
  if (event === "ping") return "ping";
  const family = prefixed.find((name) => event?.startsWith(`${name}.`));
  return family ?? "unknown";
}
