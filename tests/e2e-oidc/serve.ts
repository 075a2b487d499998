import { spawn } from "node:child_process";
import { startSimulator } from "../../server/simulator";
import { startIdentityProvider } from "../support/identity-provider";
import { OIDC_PEOPLE } from "./people";
import { E2E_DATA_DIR } from "../support/playwright-base";
import { simulatorEnv } from "../support/simulator-env";

// The OIDC end-to-end world: a standalone simulator (so the console runs live, not in demo mode), a real
// OpenID provider on loopback, and the console's production build signing people in through it.

const port = Number(process.env.E2E_PORT ?? 3100);
const origin = `http://127.0.0.1:${port}`;

async function main() {
  const sim = await startSimulator({ seed: 42, activity: false, rateLimits: false });
  const idp = await startIdentityProvider({ redirectUris: [`${origin}/auth/callback`], people: OIDC_PEOPLE });
  // Not detached: it stays in the process group Playwright stops when the run ends.
  const console_ = spawn("node_modules/.bin/next", ["start", "--hostname", "127.0.0.1", "--port", String(port)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      ...simulatorEnv(sim),
      POLL_INTERVAL_MS: "1000",
      LOG_LEVEL: "warn",
      DATA_DIR: E2E_DATA_DIR,
      AUTH_MODE: "oidc",
      SESSION_SECRET: "an-end-to-end-session-secret-of-32-or-more",
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      AUTH_ADMIN_GROUPS: "platform",
      AUTH_OPERATOR_GROUPS: "oncall",
    },
  });
  const stop = () => {
    console_.kill("SIGTERM");
    void Promise.all([idp.close(), sim.close()]).finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  console_.once("exit", (code) => {
    void Promise.all([idp.close(), sim.close()]).finally(() => process.exit(code ?? 1));
  });
}

void main();
