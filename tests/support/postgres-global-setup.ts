import { execFileSync } from "node:child_process";

// The store's tests run against a real PostgreSQL as well as PGlite: start (or install) it when missing,
// the same way CI does, so `npm test` works on a machine that has none running.
export default function setup(): void {
  execFileSync("bash", ["scripts/ensure-postgres.sh"], { stdio: "inherit" });
}
