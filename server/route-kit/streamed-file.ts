import "server-only";
import { Readable } from "node:stream";
import { z } from "zod";

const brand = Symbol.for("stack-console.StreamedFile");

/**
 * A command's answer that is a file, not JSON: the route streams its bytes straight through, so a
 * 100 MB log or artifact never sits whole in the server's memory.
 */
export interface StreamedFile {
  readonly [brand]: true;
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  contentLength: number | null;
  /** Absent: the browser keeps the name the page's `download` attribute gives. */
  filename?: string;
}

export function streamedFile(
  body: Readable | ReadableStream<Uint8Array>,
  meta: Omit<StreamedFile, typeof brand | "stream">,
): StreamedFile {
  const stream = body instanceof Readable ? (Readable.toWeb(body) as ReadableStream<Uint8Array>) : body;
  return { [brand]: true, stream, ...meta };
}

export function isStreamedFile(value: unknown): value is StreamedFile {
  return typeof value === "object" && value !== null && brand in value;
}

/** The output of a command that answers with a file (audit.list's CSV, log and artifact downloads). */
export const streamedFileOutput = z.custom<StreamedFile>(isStreamedFile, "must be a streamed file");

/** Only the characters a Content-Disposition filename can carry without quoting trouble. */
function safeFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 200) || "download";
}

export function fileResponse(file: StreamedFile, requestId: string): Response {
  const headers: Record<string, string> = {
    "content-type": file.contentType,
    "content-disposition":
      file.filename === undefined ? "attachment" : `attachment; filename="${safeFilename(file.filename)}"`,
    "x-content-type-options": "nosniff",
    // Artifacts are mostly archives and images already compressed: gzipping them again on the way through
    // only costs the server's CPU (it held a 100 MB artifact to under 2 MB/s). Text still compresses.
    "cache-control": file.contentType.startsWith("text/") ? "no-store" : "no-store, no-transform",
    "x-request-id": requestId,
  };
  if (file.contentLength !== null) headers["content-length"] = String(file.contentLength);
  return new Response(file.stream, { status: 200, headers });
}
