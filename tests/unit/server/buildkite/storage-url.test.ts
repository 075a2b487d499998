import { describe, expect, it } from "vitest";
import { isPublicAddress, lookupPublicOnly } from "@/server/buildkite/public-address";
import { storageUrlProblem } from "@/server/buildkite/storage-url";

// Where Buildkite's artifact download may send the console: its own API origin, or https to a public host
// that is not the console.

const context = { apiBase: new URL("https://api.buildkite.com/v2"), consoleHost: "console.acme.example" };
const problem = (url: string) => storageUrlProblem(new URL(url), context);

describe("storage URLs", () => {
  it("allows https storage on the internet and Buildkite's own origin", () => {
    expect(problem("https://buildkiteartifacts.com/a/b?X-Amz-Signature=s")).toBeNull();
    expect(problem("https://s3.us-east-1.amazonaws.com/bucket/key")).toBeNull();
    expect(problem("https://api.buildkite.com/v2/storage/x")).toBeNull();
    // The simulator, standing in for Buildkite on loopback, is Buildkite's origin there.
    expect(
      storageUrlProblem(new URL("http://127.0.0.1:4010/storage/x"), {
        apiBase: new URL("http://127.0.0.1:4010/v2"),
        consoleHost: null,
      }),
    ).toBeNull();
  });

  it.each([
    ["http://buildkiteartifacts.com/a", "a http: URL"],
    ["https://console.acme.example/api/v1/auth/status", "the console itself"],
    ["https://console.acme.example:8443/x", "the console itself"],
    ["https://localhost/x", "this machine"],
    ["https://metadata.localhost/x", "this machine"],
    ["https://127.0.0.1/x", "a private or local address"],
    ["https://169.254.169.254/latest/meta-data/", "a private or local address"],
    ["https://10.1.2.3/x", "a private or local address"],
    ["https://192.168.0.10/x", "a private or local address"],
    ["https://[::1]/x", "a private or local address"],
    ["https://[fd00::1]/x", "a private or local address"],
    ["https://[::ffff:10.0.0.1]/x", "a private or local address"],
    ["https://user:pass@storage.example/x", "a URL with credentials in it"],
  ])("refuses %s: %s", (url, why) => {
    expect(problem(url)).toBe(why);
  });
});

describe("public addresses", () => {
  it.each(["8.8.8.8", "52.216.0.1", "2606:4700::1111"])("%s is public", (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );
  it.each(["127.0.0.1", "0.0.0.0", "100.64.0.1", "172.31.255.255", "224.0.0.1", "::", "fe80::1", "not-an-ip"])(
    "%s is not",
    (address) => expect(isPublicAddress(address)).toBe(false),
  );
});

describe("resolving a storage host", () => {
  const resolve = (hostname: string, all: boolean) =>
    new Promise<{ code: string | undefined; result: unknown }>((done) =>
      lookupPublicOnly(hostname, { all }, (error, address) =>
        done({ code: (error as NodeJS.ErrnoException | null)?.code, result: address }),
      ),
    );

  it("refuses a name whose addresses are not public, however it is asked", async () => {
    expect((await resolve("localhost", false)).code).toBe("ENOTPUBLIC");
    expect((await resolve("localhost", true)).code).toBe("ENOTPUBLIC");
  });
});
