import "server-only";
import { createHash } from "node:crypto";

// Entity tags for polled reads, so an unchanged poll is answered 304 without a body.
//
// Serialising with JSON.stringify is stable enough: the same code builds the same value with its keys in
// the same order, so equal content gives equal text. A difference in key order alone would only cost a
// full answer, never a wrong 304: two texts are equal only if the values are.

const hash = (text: string) => createHash("sha256").update(text).digest("base64url");

// A cached read is one object shared by every viewer for the poll interval and never mutated, so its hash
// is computed once per read rather than once per poll (5000 jobs are ~2 MiB of JSON).
const memo = new WeakMap<object, string>();

/**
 * A strong hash of a value's JSON (sha256, base64url). An object is hashed once per identity, so pass only
 * values that are never mutated once answered, as cached reads and the answers built from them are.
 */
export function contentHash(value: unknown): string {
  if (value === null || typeof value !== "object") return hash(JSON.stringify(value) ?? "undefined");
  const known = memo.get(value);
  if (known !== undefined) return known;
  const computed = hash(JSON.stringify(value));
  memo.set(value, computed);
  return computed;
}

/** `value` without the named fields: what a tag must not depend on (the time a value was read). */
export function omitFields<T extends Record<string, unknown>>(value: T, fields: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !fields.includes(key))) as Partial<T>;
}

/**
 * The tag a response carries: the command's own tag for its content, bound to the command and the
 * validated input (a different queue, page or `raw` is a different answer). Hashing the whole keeps the
 * input itself out of the header.
 */
export function answerTag(command: string, request: Record<string, unknown>, raw: boolean, content: string): string {
  return hash(JSON.stringify([command, request, raw, content]));
}

/**
 * Whether `If-None-Match` names the current tag: `*`, or any tag of a comma-separated list, compared
 * weakly (a `W/` prefix is ignored) as RFC 9110 §13.1.2 requires for this header.
 */
export function ifNoneMatchHits(header: string | null, tag: string): boolean {
  if (header === null) return false;
  const wanted = `"${tag}"`;
  for (const part of header.split(",")) {
    const candidate = part.trim();
    if (candidate === "*") return true;
    if ((candidate.startsWith("W/") ? candidate.slice(2) : candidate) === wanted) return true;
  }
  return false;
}
