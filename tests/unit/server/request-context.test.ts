import { describe, expect, test } from "vitest";
import { currentRequestId, requestScoped, withRequestId } from "@/server/request-context";

describe("request context", () => {
  test("work started inside a request sees its id, however far it goes; outside there is none", async () => {
    expect(currentRequestId()).toBeUndefined();
    const seen = await withRequestId("req-a", async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return Promise.all([Promise.resolve().then(currentRequestId), withRequestId("req-b", currentRequestId)]);
    });
    expect(seen).toEqual(["req-a", "req-b"]);
    expect(currentRequestId()).toBeUndefined();
  });

  test("a scoped handler runs under a fresh id and answers it in X-Request-Id", async () => {
    let inside: string | undefined;
    const handler = requestScoped(async () => {
      inside = currentRequestId();
      return new Response("ok", { headers: { "set-cookie": "a=1" } });
    });
    const response = await handler(new Request("http://console.test/auth/sign-in"));
    expect(inside).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-request-id")).toBe(inside);
    expect(await response.text()).toBe("ok");
  });

  test("a redirect, whose headers cannot be changed, is answered as a copy with the id", async () => {
    const handler = requestScoped(async () => Response.redirect("http://console.test/", 302));
    const response = await handler(new Request("http://console.test/auth/callback"));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://console.test/");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
