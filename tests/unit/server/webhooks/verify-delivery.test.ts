import { describe, expect, test } from "vitest";
import { parseSignatureHeader, signDelivery, verifyDelivery } from "@/server/webhooks/verify-delivery";

// The test vector of webhooks.md. The expected HMAC was computed outside this code, with
//   printf '%s' '1642080837.{"event":"ping"}' | openssl dgst -sha256 -hmac 29b1ff5779c76bd48ba6705eb99ff970
// so a mistake in how the message is built cannot hide in both the code and its test.
const TOKEN = "29b1ff5779c76bd48ba6705eb99ff970";
const TIMESTAMP = 1642080837;
const BODY = Buffer.from('{"event":"ping"}');
const SIGNATURE = "7f45902f24edef782607150a38bc74f45a3decddc9ba3b86a1aa43e776caffde";
const AT_SIGNING = TIMESTAMP * 1000;

const signed = (signature: string, rawBody = BODY, nowMs = AT_SIGNING, secret = TOKEN) =>
  verifyDelivery({ credentials: { signature, token: null }, rawBody, secret, nowMs });
const header = (timestamp = TIMESTAMP, signature = SIGNATURE) => `timestamp=${timestamp},signature=${signature}`;

describe("X-Buildkite-Signature", () => {
  test("the reference vector signs as openssl computed it", () => {
    expect(signDelivery(TOKEN, TIMESTAMP, BODY)).toBe(SIGNATURE);
  });

  test("the reference vector verifies at the time it was signed", () => {
    expect(signed(header())).toEqual({ ok: true, mode: "signature" });
  });

  test("one byte of the body changed: invalid", () => {
    expect(signed(header(), Buffer.from('{"event":"pinG"}'))).toEqual({ ok: false, reason: "invalid" });
  });

  test("the signature made with another token: invalid", () => {
    expect(signed(header(), BODY, AT_SIGNING, "0".repeat(32))).toEqual({ ok: false, reason: "invalid" });
  });

  test("another timestamp than the one signed: invalid", () => {
    expect(signed(header(TIMESTAMP + 1), BODY, AT_SIGNING)).toEqual({ ok: false, reason: "invalid" });
  });

  test("within 5 minutes either side it verifies; beyond, it is stale", () => {
    const minutes = (n: number) => n * 60_000;
    expect(signed(header(), BODY, AT_SIGNING + minutes(5))).toMatchObject({ ok: true });
    expect(signed(header(), BODY, AT_SIGNING - minutes(5))).toMatchObject({ ok: true });
    expect(signed(header(), BODY, AT_SIGNING + minutes(5) + 1)).toEqual({ ok: false, reason: "stale" });
    expect(signed(header(), BODY, AT_SIGNING - minutes(5) - 1)).toEqual({ ok: false, reason: "stale" });
  });

  test("an old timestamp, freshly signed with the right token, is still stale", () => {
    const old = TIMESTAMP - 3600;
    expect(signed(header(old, signDelivery(TOKEN, old, BODY)))).toEqual({ ok: false, reason: "stale" });
  });

  test.each([
    ["empty", ""],
    ["no timestamp", `signature=${SIGNATURE}`],
    ["no signature", `timestamp=${TIMESTAMP}`],
    ["a part without =", `timestamp=${TIMESTAMP},${SIGNATURE}`],
    ["a timestamp that is not a number", `timestamp=soon,signature=${SIGNATURE}`],
    ["a signature that is not hex", `timestamp=${TIMESTAMP},signature=${"z".repeat(64)}`],
    ["a signature cut short", `timestamp=${TIMESTAMP},signature=${SIGNATURE.slice(2)}`],
    ["a signature one byte long", `timestamp=${TIMESTAMP},signature=00`],
    ["the seed's sha256= form", `sha256=${SIGNATURE}`],
  ])("%s: malformed", (_, value) => {
    expect(signed(value)).toEqual({ ok: false, reason: "malformed" });
  });

  test("parts split on their first =, in any order, uppercase hex accepted", () => {
    expect(parseSignatureHeader(`signature=${SIGNATURE.toUpperCase()},timestamp=${TIMESTAMP}`)).toEqual({
      timestamp: TIMESTAMP,
      signature: Buffer.from(SIGNATURE, "hex"),
    });
    expect(signed(`signature=${SIGNATURE.toUpperCase()},timestamp=${TIMESTAMP}`)).toMatchObject({ ok: true });
  });

  test("a signature present is what counts, even beside the right token", () => {
    const result = verifyDelivery({
      credentials: { signature: header(TIMESTAMP, "0".repeat(64)), token: TOKEN },
      rawBody: BODY,
      secret: TOKEN,
      nowMs: AT_SIGNING,
    });
    expect(result).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("X-Buildkite-Token", () => {
  const withToken = (token: string | null) =>
    verifyDelivery({ credentials: { signature: null, token }, rawBody: BODY, secret: TOKEN, nowMs: 0 });

  test("the token verifies whatever the time", () => {
    expect(withToken(TOKEN)).toEqual({ ok: true, mode: "token" });
  });

  test.each([
    ["another token", "0".repeat(32)],
    ["the token with a character more", `${TOKEN}0`],
    ["the token cut short", TOKEN.slice(0, -1)],
    ["an empty token", ""],
  ])("%s: invalid", (_, token) => {
    expect(withToken(token)).toEqual({ ok: false, reason: "invalid" });
  });

  test("neither header: missing", () => {
    expect(withToken(null)).toEqual({ ok: false, reason: "missing" });
  });
});
