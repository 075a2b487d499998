import { describe, expect, test } from "vitest";
import { MAX_DELIVERY_BYTES, parseDeliveryJson, readDeliveryBody } from "@/server/webhooks/read-delivery-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://console.test/api/v1/webhooks/buildkite", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

/** A body sent in chunks with no Content-Length, as a chunked upload is. */
function streamed(chunks: number, chunkBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
}

describe("readDeliveryBody", () => {
  test("returns the bytes exactly as sent", async () => {
    const body = '{"event":"ping", "x": "ä"}';
    expect((await readDeliveryBody(post(body))).equals(Buffer.from(body))).toBe(true);
  });

  test("exactly 1 MiB is read", async () => {
    expect((await readDeliveryBody(post(streamed(16, MAX_DELIVERY_BYTES / 16)))).length).toBe(MAX_DELIVERY_BYTES);
  });

  test("a declared length over 1 MiB is refused with 413 before reading", async () => {
    await expect(
      readDeliveryBody(post("{}", { "content-length": String(MAX_DELIVERY_BYTES + 1) })),
    ).rejects.toMatchObject({ type: "validation_error", status: 413, details: { field: "body" } });
  });

  test("a chunked body is counted as it comes and refused past 1 MiB", async () => {
    await expect(readDeliveryBody(post(streamed(17, MAX_DELIVERY_BYTES / 16)))).rejects.toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
  });
});

describe("parseDeliveryJson", () => {
  test.each(["application/json", "application/json; charset=utf-8", "Application/JSON"])("%s is read", (type) => {
    expect(parseDeliveryJson(type, Buffer.from('{"event":"ping"}'))).toEqual({ event: "ping" });
  });

  test.each([null, "text/plain", "application/x-www-form-urlencoded", "application/jsonp"])("%s: 415", (type) => {
    expect(() => parseDeliveryJson(type, Buffer.from("{}"))).toThrow(expect.objectContaining({ status: 415 }));
  });

  test("not JSON: a validation error naming the body", () => {
    expect(() => parseDeliveryJson("application/json", Buffer.from("{nope"))).toThrow(
      expect.objectContaining({ type: "validation_error", details: expect.objectContaining({ field: "body" }) }),
    );
  });
});
