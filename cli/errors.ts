import type { ErrorType } from "@/lib/contract/errors";

/** An error bkci raises itself (bad input, no token), already in the contract's terms. */
export class CliError extends Error {
  override readonly name = "CliError";

  constructor(
    readonly type: ErrorType,
    message: string,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface FieldIssue {
  /** The flag (`--build-number`) or environment variable the issue is about. */
  field: string;
  message: string;
}

/** The message names the first issue's flag (`--build-number must be …`) unless one is given. */
export function validationError(issues: FieldIssue[], message?: string): CliError {
  const first = issues[0] ?? { field: "input", message: "is not valid" };
  return new CliError("validation_error", message ?? `${first.field} ${first.message}`, "invalid_input", {
    fields: issues,
  });
}

/** `buildNumber` → `--build-number`: a zod issue's path named as the user typed it. */
export const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
