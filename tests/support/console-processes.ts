import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

// Console processes (tests/support/console-process.ts: the real route handlers over HTTP, no Next build)
// started like the instances of one deployment: same environment, each its own process, each killable
// outright. Used where several instances must share a store and a Redis.

export interface ConsoleProcess {
  origin: string;
  child: ChildProcess;
  /** SIGKILL: no handler runs, as when a machine dies. Resolves when the process is gone. */
  kill(): Promise<void>;
}

export async function startConsoleProcess(env: Record<string, string>): Promise<ConsoleProcess> {
  // One Node process (no tsx wrapper process), so the SIGKILL lands on the console itself. The
  // react-server condition is how Next loads server code: `server-only` is then an empty module.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/support/console-process.ts"],
    {
      cwd: process.cwd(),
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const origin = await new Promise<string>((resolve, reject) => {
    lines.once("line", (line) => resolve((JSON.parse(line) as { origin: string }).origin));
    child.once("exit", (code) => reject(new Error(`the console exited with ${code} before serving`)));
  });
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    origin,
    child,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await gone;
    },
  };
}
