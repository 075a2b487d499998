import type { CommanderError } from "commander";
import type { z } from "zod";
import packageJson from "@/package.json";
import type { EnvelopeError } from "@/lib/contract/errors";
import type { CliCommand } from "./command";
import { createRunContext, readCredentials, type Credentials } from "./context";
import { readEnv, type CliEnv } from "./env";
import { exitCodeFor, toEnvelopeError } from "./error-envelope";
import { flagName, validationError, type FieldIssue } from "./errors";
import { options } from "./options";
import { envelopeText, failureEnvelope, successEnvelope } from "./output";
import { parseArguments } from "./program";

export interface CliIo {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

/** What to print on stdout and the exit status. */
export interface CliOutcome {
  stdout: string;
  exitCode: number;
}

function failed(command: string, request: Record<string, unknown>, error: EnvelopeError): CliOutcome {
  return { stdout: envelopeText(failureEnvelope(command, request, error)), exitCode: exitCodeFor(error.type) };
}

/** Commander's own complaint, naming the flag or command it is about. */
function commanderError(error: CommanderError, argv: readonly string[]) {
  if (error.code === "commander.help")
    return validationError([{ field: "command", message: "is required" }], "No command given; see bkci --help.");
  const message = error.message.replace(/^error: /, "");
  const named = /'([^']+)'/.exec(message)?.[1]?.split(" ")[0];
  const field = error.code === "commander.unknownCommand" ? "command" : (named ?? argv[0] ?? "input");
  return validationError(
    [{ field, message }],
    `${message[0]?.toUpperCase() ?? ""}${message.slice(1)} (see bkci --help).`,
  );
}

const zodIssues = (issues: z.core.$ZodIssue[]): FieldIssue[] =>
  issues.map((issue) => ({ field: flagName(String(issue.path[0] ?? "input")), message: issue.message }));

export async function runCli(commands: readonly CliCommand[], io: CliIo): Promise<CliOutcome> {
  const parsed = parseArguments(commands, io.argv, packageJson.version);
  const named = io.argv[0] ?? "bkci";
  if (parsed.kind === "help") return { stdout: parsed.text, exitCode: 0 };
  if (parsed.kind === "error") {
    const known = commands.some((command) => command.name === named);
    return failed(known ? named : "bkci", {}, toEnvelopeError(commanderError(parsed.error, io.argv)));
  }
  const { command, values } = parsed.selection;
  let env: CliEnv;
  try {
    env = readEnv(io.env);
  } catch (error) {
    return failed(command.name, {}, toEnvelopeError(error));
  }
  let credentials: Promise<Credentials> | undefined;
  const readOnce = () => (credentials ??= readCredentials(env));
  const request: Record<string, unknown> = {};
  try {
    const input = { ...values };
    // The org falls back to the environment and the auth file, so only commands that take --org ask.
    if (command.options.includes(options.org) && input.org === undefined)
      input.org = (await readOnce()).org ?? undefined;
    const prepared = command.prepare(input);
    if (!prepared.ok) return failed(command.name, {}, toEnvelopeError(validationError(zodIssues(prepared.issues))));
    Object.assign(request, prepared.request);
    const raw = values.raw === true;
    if (raw) request.raw = true;
    const context = createRunContext({
      env,
      raw,
      verbose: values.verbose === true,
      credentials: readOnce,
      stdin: io.stdin,
      stderr: io.stderr,
    });
    const result = await prepared.run(context);
    return { stdout: envelopeText(successEnvelope(command.name, request, result)), exitCode: result.exitCode ?? 0 };
  } catch (error) {
    if (values.verbose === true)
      io.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return failed(command.name, request, toEnvelopeError(error));
  }
}
