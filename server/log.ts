import "server-only";
import pino, { type Logger } from "pino";
import { config } from "./config";
import { currentRequestId } from "./request-context";

// One process-wide logger. Secrets are kept out at the source (the http core redacts tokens and job env
// values); these paths are a second line of defence for anything that logs a header bag or a job.
const redactPaths = [
  "authorization",
  "headers.authorization",
  "req.headers.authorization",
  "req.headers.cookie",
  "*.env",
  "env",
];

let logger: Logger | undefined;

export function log(): Logger {
  // Written through process.stdout (not pino's own fd writer) so a test can capture and scan every line.
  logger ??= pino(
    {
      name: "stack-console",
      level: config().logLevel,
      redact: { paths: redactPaths, censor: "[REDACTED]" },
      // Every line written while a request is handled names it, however deep the code that writes it.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
    },
    process.stdout,
  );
  return logger;
}
