import { execFileSync } from "node:child_process";

// The store's tests run against a real PostgreSQL as well as PGlite, and the shared state's against a real
// Redis: start (or install) them when missing, the same way CI does, so `npm test` works on a machine that
// has neither running.
export default function setup(): void {
  execFileSync("bash", ["scripts/ensure-postgres.sh"], { stdio: "inherit" });
  execFileSync("bash", ["scripts/ensure-redis.sh"], { stdio: "inherit" });
}
