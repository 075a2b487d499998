import { chmod, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";
import { CliError } from "./errors";
import type { CliEnv } from "./env";

// The token file: $XDG_CONFIG_HOME/buildkite-cli/auth.json (default ~/.config), readable by its owner only.

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

const authFileSchema = z.object({ token: z.string().min(1), org: z.string().min(1).optional() });
export type AuthFile = z.infer<typeof authFileSchema>;

export function authFilePath(env: Pick<CliEnv, "configHome" | "home">): string {
  const configHome = env.configHome ?? join(env.home ?? homedir(), ".config");
  return join(configHome, "buildkite-cli", "auth.json");
}

/** The stored token and org; null when there is no file. A file that is not ours to read is an error. */
export async function readAuthFile(path: string): Promise<AuthFile | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (isMissing(error)) return null;
    throw new CliError("auth_error", `Could not read ${path}; run bkci auth.setup again.`, "auth_file_unreadable");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = authFileSchema.safeParse(json);
  if (!parsed.success)
    throw new CliError(
      "auth_error",
      `${path} is not a bkci auth file; run bkci auth.setup again.`,
      "auth_file_invalid",
    );
  return parsed.data;
}

/**
 * Writes the file through a temporary one created 0600, so the token is never readable by others even for
 * a moment, and tightens a directory or file an earlier tool left looser.
 */
export async function writeAuthFile(path: string, contents: AuthFile): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  await tighten(dir, DIR_MODE);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(contents, null, 2)}\n`, { mode: FILE_MODE, flag: "w" });
  await chmod(temporary, FILE_MODE);
  await rename(temporary, path);
  await tighten(path, FILE_MODE);
}

async function tighten(path: string, mode: number): Promise<void> {
  const current = (await stat(path)).mode & 0o777;
  if (current !== mode) await chmod(path, mode);
}

function isMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT";
}
