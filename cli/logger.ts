import pino, { type Logger } from "pino";

/**
 * The REST and Stacks clients log every attempt; with --verbose that goes to stderr (stdout carries only the
 * envelope), otherwise nowhere. The clients redact tokens themselves.
 */
export function createLogger(verbose: boolean): Logger | undefined {
  return verbose ? pino({ level: "debug", base: { name: "bkci" } }, pino.destination(2)) : undefined;
}
