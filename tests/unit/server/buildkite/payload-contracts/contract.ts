import type { z } from "zod";

/** One fixture's contract: the console's schema for that endpoint, and what the console must read from it. */
export interface PayloadContract {
  /** The console's schema, by name, for the test's title. */
  schema: string;
  check(body: unknown): void;
}

/** Parses with the console's own schema (a wrong shape throws, naming the field) and checks the result. */
export function contract<S extends z.ZodType>(
  schemaName: string,
  schema: S,
  expectations: (parsed: z.output<S>) => void,
): PayloadContract {
  return { schema: schemaName, check: (body) => expectations(schema.parse(body)) };
}
