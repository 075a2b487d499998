import { randomUUID } from "node:crypto";

// The demo's simulator is pinned to this port during e2e runs so tests can steer it through /__sim.
// E2E_SIMULATOR_PORT (and E2E_PORT for the console) let two checkouts run their suites side by side.
export const SIMULATOR_PORT = Number(process.env.E2E_SIMULATOR_PORT ?? 4310);

export function sim(path: string, body?: unknown, method = body === undefined ? "GET" : "POST"): Promise<Response> {
  return fetch(`http://127.0.0.1:${SIMULATOR_PORT}/__sim/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Every test starts from the seeded world with activity frozen. The jobs it then creates come from a stream
 * of its own: the console's ledger outlives a simulator reset, so a reused job id would carry another
 * test's reservations and notifications into this one.
 */
export async function resetSimulator(): Promise<void> {
  await sim("reset", { liveStream: randomUUID() });
  await sim("activity", { on: false });
}
