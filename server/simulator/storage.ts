import { createHmac, timingSafeEqual } from "node:crypto";
import { artifactSize, artifactStream, type ArtifactRecord } from "./artifacts";
import type { SimRuntime } from "./runtime";

/**
 * A stand-in for the object store artifact downloads redirect to (S3 on Buildkite): signed, short-lived
 * URLs on this same server that need no Authorization and, like S3, refuse a request that brings its own.
 */
export const STORAGE_PREFIX = "/__storage";
const URL_LIFETIME_SECONDS = 60;

function signature(runtime: SimRuntime, id: string, expires: number): string {
  return createHmac("sha256", `storage:${runtime.tokens.cluster}`).update(`${id}:${expires}`).digest("hex");
}

export function signedArtifactUrl(runtime: SimRuntime, origin: string, record: ArtifactRecord): string {
  const expires = Math.floor(runtime.now() / 1_000) + URL_LIFETIME_SECONDS;
  const filename = record.path.slice(record.path.lastIndexOf("/") + 1);
  return `${origin}${STORAGE_PREFIX}/artifacts/${record.id}/${encodeURIComponent(filename)}?expires=${expires}&signature=${signature(runtime, record.id, expires)}`;
}

function s3Error(status: number, code: string, message: string): Response {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return new Response(body, { status, headers: { "content-type": "application/xml" } });
}

export function serveStorage(runtime: SimRuntime, request: Request, url: URL): Response {
  if (request.method !== "GET" && request.method !== "HEAD")
    return s3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
  if (request.headers.has("authorization")) {
    return s3Error(
      400,
      "InvalidArgument",
      "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified",
    );
  }
  const match = /^\/__storage\/artifacts\/([0-9a-f-]{36})\/[^/]+$/.exec(url.pathname);
  const record = match?.[1] === undefined ? undefined : runtime.state.artifacts.get(match[1]);
  if (record === undefined) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
  const expires = Number(url.searchParams.get("expires") ?? "");
  const given = Buffer.from(url.searchParams.get("signature") ?? "");
  const wanted = Buffer.from(signature(runtime, record.id, expires));
  if (!Number.isInteger(expires) || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return s3Error(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
    );
  }
  if (expires * 1_000 < runtime.now()) return s3Error(403, "AccessDenied", "Request has expired");
  return new Response(artifactStream(record), {
    headers: { "content-type": record.mimeType, "content-length": String(artifactSize(record)) },
  });
}
