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
  /** The HTTP status when it is not the one the type implies (415 for a body that is not JSON). */
  readonly status: number | undefined;

  constructor(
    readonly type: ErrorType,
    message: string,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions & { status?: number },
  ) {
    super(message, options);
    this.name = "ConsoleError";
    this.status = options?.status;
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
