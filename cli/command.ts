import type { z } from "zod";
import type { CommandName } from "@/lib/contract";
import type { Pagination } from "@/lib/contract/pagination";
import type { RestClient } from "@/server/buildkite/rest";
import type { StacksClient } from "@/server/buildkite/stacks";
import type { CliEnv } from "./env";

/** A flag as commander takes it (`--build-number <n>`), and whether it may be given more than once. */
export interface OptionSpec {
  flags: string;
  description: string;
  repeatable?: boolean;
}

/** What a command can reach while it runs; clients are made on first use, so a bad flag costs nothing. */
export interface RunContext {
  env: CliEnv;
  raw: boolean;
  verbose: boolean;
  rest(): Promise<RestClient>;
  /** The Stacks API client with the cluster token. */
  stacks(): StacksClient;
  /** The REST API's base URL, for links to Buildkite's own endpoints. */
  restBase: string;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

/** The parts of the envelope a command computes; the runner adds the rest. */
export interface CommandResult {
  summary: Record<string, unknown>;
  data: unknown;
  pagination?: Pagination | null;
  /** Non-zero when the command succeeded only in part (artifacts.download with failures). */
  exitCode?: number;
}

export interface CommandSpec<Input> {
  name: CommandName;
  description: string;
  options: readonly OptionSpec[];
  /** Whether `--raw` (Buildkite's exact JSON in `data`) applies. */
  raw?: boolean;
  /** Parses the flags, after the org has been filled in from the environment or the auth file. */
  input: z.ZodType<Input>;
  /** The contract's request echo. */
  request(input: Input): Record<string, unknown>;
  run(input: Input, context: RunContext): Promise<CommandResult>;
}

/** A command with its input type sealed in, so commands of different inputs sit in one table. */
export interface CliCommand {
  name: CommandName;
  description: string;
  options: readonly OptionSpec[];
  raw: boolean;
  prepare(values: Record<string, unknown>): Prepared;
}

export type Prepared =
  | { ok: true; request: Record<string, unknown>; run(context: RunContext): Promise<CommandResult> }
  | { ok: false; issues: z.core.$ZodIssue[] };

export function defineCommand<Input>(spec: CommandSpec<Input>): CliCommand {
  return {
    name: spec.name,
    description: spec.description,
    options: spec.options,
    raw: spec.raw ?? false,
    prepare(values) {
      const parsed = spec.input.safeParse(values);
      if (!parsed.success) return { ok: false, issues: parsed.error.issues };
      const input = parsed.data;
      return { ok: true, request: spec.request(input), run: (context) => spec.run(input, context) };
    },
  };
}
