import "server-only";
import type { BuildkiteReadiness } from "./buildkite-readiness";
import { OPTIONAL_PARTS, type ReadinessCheck } from "./readiness-checks";
import type { StoreReadiness } from "./store-readiness";

export interface Readiness {
  status: "ready" | "not ready";
  /** One short word per part; never an error message, address or secret. */
  checks: Record<string, string>;
}

export interface ReadinessParts {
  store: () => Promise<StoreReadiness>;
  buildkite: () => Promise<BuildkiteReadiness>;
  /** Parts registered beyond those two (see readiness-checks.ts). */
  extra: ReadonlyMap<string, ReadinessCheck>;
}

// "unchecked" does not fail readiness: while Buildkite cannot be reached, every instance is equally unable
// to check, and taking them all out of rotation would hide the console that shows the outage.
const PASSING = new Set(["ok", "not configured", "unchecked"]);
const WORD = /^[a-z][a-z ]{0,39}$/;

async function run(check: ReadinessCheck): Promise<string> {
  const answer = await check().catch(() => "unreachable");
  return WORD.test(answer) ? answer : "unreachable";
}

/** Every part checked at once; the console is ready when none of them fails. */
export async function assessReadiness(parts: ReadinessParts): Promise<Readiness> {
  const names = [...new Set(["store", "buildkite", ...OPTIONAL_PARTS, ...parts.extra.keys()])];
  const answers = await Promise.all(
    names.map((name) => {
      if (name === "store") return run(parts.store);
      if (name === "buildkite") return run(parts.buildkite);
      const check = parts.extra.get(name);
      return check ? run(check) : Promise.resolve("not configured");
    }),
  );
  const checks = Object.fromEntries(names.map((name, i) => [name, answers[i] ?? "unreachable"]));
  return { status: answers.every((answer) => PASSING.has(answer)) ? "ready" : "not ready", checks };
}
