import { describe, expect, it } from "vitest";
import { deliveryHeaders, signatureHeader } from "@/server/simulator/webhook-signature";

// The reference vector (webhooks.md), computed once with `openssl dgst -sha256 -hmac <token>`.
const TOKEN = "29b1ff5779c76bd48ba6705eb99ff970";
const TIMESTAMP = 1642080837;
const BODY = '{"event":"ping"}';
const SIGNATURE = "7f45902f24edef782607150a38bc74f45a3decddc9ba3b86a1aa43e776caffde";

describe("signatureHeader", () => {
  it("signs `<timestamp>.<body>` with the token, as Buildkite does", () => {
    expect(signatureHeader(TOKEN, TIMESTAMP, BODY)).toBe(`timestamp=${TIMESTAMP},signature=${SIGNATURE}`);
  });

  it("gives another signature when one byte of the body changes", () => {
    expect(signatureHeader(TOKEN, TIMESTAMP, '{"event":"pinG"}')).not.toContain(SIGNATURE);
  });
});

describe("deliveryHeaders", () => {
  it("sends the token in clear in token mode, and no signature", () => {
    expect(deliveryHeaders({ token: TOKEN, mode: "token" }, "job.scheduled", BODY, 0)).toEqual({
      "content-type": "application/json",
      "user-agent": "Buildkite-Request",
      "x-buildkite-event": "job.scheduled",
      "x-buildkite-token": TOKEN,
    });
  });

  it("signs with the wall-clock second in signature mode, and never sends the token", () => {
    const headers = deliveryHeaders({ token: TOKEN, mode: "signature" }, "ping", BODY, TIMESTAMP * 1000 + 999);
    expect(headers["x-buildkite-signature"]).toBe(`timestamp=${TIMESTAMP},signature=${SIGNATURE}`);
    expect(headers["x-buildkite-token"]).toBeUndefined();
    expect(headers["x-buildkite-event"]).toBe("ping");
  });
});
