import "server-only";
import { z } from "zod";
import { secretMatches } from "../auth/proxy";
import { config } from "../config";
import { log } from "../log";
import { requestScoped } from "../request-context";
import { consoleMetrics } from "./registry";

// A scraper has no operator session: /api/metrics answers to METRICS_TOKEN alone, and only when one is set.

/** `Authorization: Bearer <token>` (the scheme is case-insensitive, RFC 9110 §11.1); anything else is none. */
const bearerToken = z
  .string()
  .regex(/^bearer +\S+ *$/i)
  .transform((value) => value.trim().replace(/^bearer +/i, ""));

const CHALLENGE = 'Bearer realm="metrics"';

function refused(error: "missing" | "invalid"): Response {
  log().info({ reason: error === "missing" ? "no bearer token" : "wrong bearer token" }, "metrics refused");
  return new Response("A valid metrics token is required.\n", {
    status: 401,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      // RFC 6750 §3: a request that sent a token that did not match is told so; one without is just challenged.
      "www-authenticate": error === "missing" ? CHALLENGE : `${CHALLENGE}, error="invalid_token"`,
    },
  });
}

async function serveMetrics(request: Request): Promise<Response> {
  const expected = config().metricsToken;
  // Unconfigured, the endpoint does not exist: nothing is exported to anyone, and nothing says it could be.
  if (expected === undefined)
    return new Response("Not found\n", { status: 404, headers: { "cache-control": "no-store" } });
  const header = request.headers.get("authorization");
  if (header === null) return refused("missing");
  const given = bearerToken.safeParse(header);
  if (!given.success || !secretMatches(given.data, expected)) return refused("invalid");
  const started = performance.now();
  const { registry } = consoleMetrics();
  const text = await registry.metrics();
  log().debug({ bytes: Buffer.byteLength(text), ms: Math.round(performance.now() - started) }, "metrics served");
  return new Response(text, {
    status: 200,
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}

/** GET /api/metrics: Prometheus text exposition of the console's metrics. */
export const metricsRoute = requestScoped(serveMetrics);
