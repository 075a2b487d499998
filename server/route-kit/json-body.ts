import "server-only";
import { ConsoleError, validationError } from "./console-error";

// A change arrives as a JSON body, and only as one: a form or text/plain body is what a page elsewhere can
// make a browser send without asking, so it is refused before it is read.

const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** No command takes input nested deeper than a few levels; a body nested thousands deep is an attack. */
export const MAX_JSON_DEPTH = 32;

const isJson = (contentType: string | null) =>
  /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType?.trim() ?? "");

/** How deeply `value` nests, counted without recursion so no input can overflow the stack. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next || typeof next.value !== "object" || next.value === null) continue;
    if (next.depth >= limit) return true;
    for (const child of Object.values(next.value)) stack.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

/** The body of a change: {} when empty, else JSON of at most 2 MB nested at most MAX_JSON_DEPTH deep. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!isJson(request.headers.get("content-type"))) {
    throw new ConsoleError(
      "validation_error",
      "Send changes as JSON (Content-Type: application/json).",
      "unsupported_media_type",
      { field: "body" },
      { status: 415 },
    );
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw validationError([{ field: "body", message: "is larger than 2 MB" }]);
  if (text.trim() === "") return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw validationError([{ field: "body", message: "is not valid JSON" }]);
  }
  if (depthExceeds(body, MAX_JSON_DEPTH))
    throw validationError([{ field: "body", message: `nests deeper than ${MAX_JSON_DEPTH} levels` }]);
  return body;
}
