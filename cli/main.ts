import { commands } from "./commands";
import { runCli } from "./run";

// bkci's entry: one JSON envelope on stdout, then exit with its status. Exiting explicitly matters: the
// HTTP clients keep idle connections open, which would otherwise hold the process for their keep-alive.
async function main(): Promise<void> {
  const outcome = await runCli(commands, {
    argv: process.argv.slice(2),
    env: process.env,
    stdin: process.stdin,
    stderr: process.stderr,
  });
  process.stdout.write(outcome.stdout, () => process.exit(outcome.exitCode));
}

void main();
