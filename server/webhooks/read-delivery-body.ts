import "server-only";
import { ConsoleError, validationError } from "../route-kit/console-error";

// The raw bytes of a delivery, exactly as sent: the signature is computed over them, so they are kept as
// bytes and parsed only after they are verified. Read with a cap so an anonymous caller cannot make the
// console buffer an unbounded body before it has proved anything.

/** Buildkite's payloads are a few kilobytes; a job with a huge env is still far below this. */
export const MAX_DELIVERY_BYTES = 1024 * 1024;

const tooLarge = () =>
  new ConsoleError(
    "validation_error",
    "body: is larger than 1 MiB",
    "payload_too_large",
    { field: "body", maxBytes: MAX_DELIVERY_BYTES },
    { status: 413 },
  );

export async function readDeliveryBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_DELIVERY_BYTES) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (request.body === null) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Content-Length may be absent (chunked) or lie: the bytes themselves are what is counted.
    if (size > MAX_DELIVERY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const isJson = (contentType: string | null) => /^application\/json\s*(;|$)/i.test(contentType?.trim() ?? "");

/** The body as JSON; Buildkite always sends application/json. */
export function parseDeliveryJson(contentType: string | null, rawBody: Buffer): unknown {
  if (!isJson(contentType))
    throw new ConsoleError(
      "validation_error",
      "Send deliveries as JSON (Content-Type: application/json).",
      "unsupported_media_type",
      { field: "body" },
      { status: 415 },
    );
  try {
    return JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw validationError([{ field: "body", message: "is not valid JSON" }]);
  }
}
