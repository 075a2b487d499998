import { describe, expect, it } from "vitest";

import packageJson from "@/package.json";
import { buildUserAgent, STACKS_CLIENT_VERSION } from "@/server/buildkite/user-agent";

describe("buildUserAgent", () => {
  it("takes the version from package.json", () => {
    expect(STACKS_CLIENT_VERSION).toBe(packageJson.version);
    expect(buildUserAgent()).toBe(`stack-console/${packageJson.version}`);
  });

  it("prepends a configured prefix", () => {
    expect(buildUserAgent("acme-oncall/2.1", "1.2.3")).toBe("acme-oncall/2.1 stack-console/1.2.3");
  });

  it("ignores a blank prefix", () => {
    expect(buildUserAgent("   ", "1.2.3")).toBe("stack-console/1.2.3");
  });
});
