import { z } from "zod";
import { authFilePath, writeAuthFile } from "../auth-file";
import { defineCommand } from "../command";
import { CliError } from "../errors";
import { fields } from "../options";
import { promptHidden, readStdin } from "../token-input";

export const authSetup = defineCommand({
  name: "auth.setup",
  description:
    "store a REST API token in $XDG_CONFIG_HOME/buildkite-cli/auth.json (0600); without --token, prompt for it " +
    "on a terminal, or read it from stdin",
  options: [
    { flags: "--token <token>", description: "the token (prefer the prompt or stdin: argv is visible to others)" },
    { flags: "--org <slug>", description: "also store a default organization" },
  ],
  input: z.object({
    token: z.string().trim().min(1, "must not be empty").optional(),
    org: fields.optionalOrg,
  }),
  request: (input) => ({ tokenProvided: input.token !== undefined }),
  async run(input, context) {
    let token = input.token;
    let source: "flag" | "prompt" | "stdin" = "flag";
    if (token === undefined) {
      source = context.stdin.isTTY ? "prompt" : "stdin";
      const text =
        source === "prompt"
          ? await promptHidden("Buildkite API token: ", context.stdin, context.stderr)
          : await readStdin(context.stdin);
      token = text.trim();
    }
    if (token === "" || /\s/.test(token))
      throw new CliError(
        "validation_error",
        `The token ${source === "flag" ? "given with --token" : `read from the ${source}`} is empty or has spaces in it.`,
        "invalid_token",
        { fields: [{ field: "--token", message: "must be one word, not empty" }] },
      );
    const path = authFilePath(context.env);
    await writeAuthFile(path, { token, ...(input.org === undefined ? {} : { org: input.org }) });
    return { summary: { configured: true, source }, data: { path } };
  },
});
