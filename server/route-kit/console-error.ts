import "server-only";
import type { ErrorType } from "@/lib/api/envelope";

// Branded like BuildkiteError so `instanceof` holds across Next's separately bundled copies of a module.
const brand = Symbol.for("stack-console.ConsoleError");

/** An error the console raises itself (bad input, a missing permission), already in envelope terms. */
export class ConsoleError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && brand in value;
  }

  readonly [brand] = true;

  constructor(
    readonly type: ErrorType,
    message: string,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "ConsoleError";
  }
}

export interface FieldIssue {
  field: string;
  message: string;
}

export function validationError(issues: FieldIssue[]): ConsoleError {
  const first = issues[0] ?? { field: "request", message: "is not valid" };
  return new ConsoleError("validation_error", `${first.field}: ${first.message}`, "invalid_input", {
    field: first.field,
    issues,
  });
}
