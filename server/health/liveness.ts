import "server-only";
import packageJson from "@/package.json";

// Liveness only: it answers while the process can serve a request at all. It reads no configuration, store
// or Buildkite, so a slow upstream or a locked database never makes an orchestrator restart a healthy
// console; readiness is a separate question.

/** The console's version, fixed when the server is built. */
export const CONSOLE_VERSION: string = packageJson.version;

export function health(): Response {
  return Response.json({ status: "ok", version: CONSOLE_VERSION }, { headers: { "Cache-Control": "no-store" } });
}
