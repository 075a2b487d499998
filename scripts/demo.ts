import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { ensureProductionBuild } from "./production-build";

// `npm run demo`: the console in demo mode (its own simulated Buildkite, no tokens, a local admin with no
// sign-in). It listens on loopback only, because the demo's operator needs no sign-in; HOST=0.0.0.0 opens
// it to the network on purpose.

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const shownHost = host === "127.0.0.1" || host === "0.0.0.0" || host === "::" ? "localhost" : host;
const url = `http://${shownHost}:${port}`;
const READY_WITHIN_MS = 120_000;

async function answers(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/api/v1/auth/status`, { signal: AbortSignal.timeout(5_000) })).ok;
  } catch {
    return false;
  }
}

// The build is also the container image's standalone server, so `next start` warns that it should not
// serve it. It serves the same build correctly (the end-to-end suites run it); the warning would only send
// a newcomer looking for a problem that is not there.
const STANDALONE_WARNING = '"next start" does not work with "output: standalone"';

function passErrorsOn(stream: NodeJS.ReadableStream): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
    if (!line.includes(STANDALONE_WARNING)) process.stderr.write(`${line}\n`);
  });
}

async function main(): Promise<void> {
  ensureProductionBuild();
  // Next's own bin, not npx: a signal sent to this script then reaches the server itself.
  const server = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "start", "--hostname", host, "--port", String(port)],
    {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, BUILDKITE_CLUSTER_TOKEN: "" },
    },
  );
  passErrorsOn(server.stderr);
  let exited = false;
  server.once("exit", (code, signal) => {
    exited = true;
    if (signal === null && code !== 0)
      console.error(`The demo stopped (exit ${code}); if port ${port} is taken, try PORT=${port + 1} npm run demo`);
    process.exit(code ?? 0);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.kill(signal));

  const probe = `http://${host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host}:${port}`;
  const deadline = Date.now() + READY_WITHIN_MS;
  while (!exited && Date.now() < deadline) {
    if (await answers(probe)) {
      console.log(`\nStack Console is running in demo mode: open ${url}  (Ctrl-C stops it)\n`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!exited)
    console.error(
      `The demo did not answer at ${url} within ${READY_WITHIN_MS / 1000} s; it is still starting or stuck.`,
    );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
