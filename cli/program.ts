import { Command, CommanderError, Option } from "commander";
import type { CliCommand } from "./command";
import { COMMAND_HELP_FOOTER, EXIT_CODES_HELP } from "./help-text";

export interface Selection {
  command: CliCommand;
  values: Record<string, unknown>;
}

export type ParseOutcome =
  | { kind: "selected"; selection: Selection }
  | { kind: "help"; text: string }
  | { kind: "error"; error: CommanderError };

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/**
 * Parses argv with commander, which prints nothing itself: help text is collected for stdout, and its
 * errors come back to be turned into a validation_error envelope.
 */
export function parseArguments(commands: readonly CliCommand[], argv: readonly string[], version: string) {
  let help = "";
  // Filled by the chosen command's action while commander parses.
  const chosen: { selection?: Selection } = {};
  const program = new Command("bkci")
    .description("Buildkite from the command line, with one JSON envelope per command on stdout.")
    .version(version, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void (help += text),
      writeErr: () => undefined,
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    .addHelpText("after", EXIT_CODES_HELP);
  for (const command of commands) {
    const sub = program
      .command(command.name)
      .description(command.description)
      .addHelpText("after", COMMAND_HELP_FOOTER);
    for (const spec of command.options) {
      const option = new Option(spec.flags, spec.description);
      sub.addOption(spec.repeatable ? option.argParser(collect) : option);
    }
    if (command.raw) sub.option("--raw", "put Buildkite's exact JSON in data (the envelope is unchanged)");
    sub.option("--verbose", "log each request to Buildkite on stderr");
    sub.action((values: Record<string, unknown>) => {
      chosen.selection = { command, values };
    });
  }
  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and --version exit 0; commander's "no command given" help exits 1 and is an input error.
    if (error.exitCode === 0) return { kind: "help", text: help } satisfies ParseOutcome;
    return { kind: "error", error } satisfies ParseOutcome;
  }
  if (chosen.selection === undefined) return { kind: "help", text: help } satisfies ParseOutcome;
  return { kind: "selected", selection: chosen.selection } satisfies ParseOutcome;
}
