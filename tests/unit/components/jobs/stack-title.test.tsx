import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StackTitle } from "@/components/jobs/stack-title";
import { renderWithQueries, stubApi } from "../../../support/component-render";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("StackTitle", () => {
  it("links to each other watched queue and marks the one shown", async () => {
    stubApi("queues.list", {
      stackKey: "stack-console",
      queueKeys: ["_default", "linux-large", "macos"],
      source: "discovered",
      unavailable: null,
    });
    renderWithQueries(<StackTitle stackKey="stack-console" queueKey="macos" />);
    const picker = await screen.findByRole("navigation", { name: "Watched queues" });
    expect(within(picker).getByRole("link", { name: "linux-large" }).getAttribute("href")).toBe(
      "/stacks/stack-console?queue=linux-large",
    );
    expect(within(picker).getByRole("link", { name: "_default" })).toBeTruthy();
    expect(within(picker).queryByRole("link", { name: "macos" })).toBeNull();
    expect(within(picker).getByText("macos").getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("heading", { name: "Queue macos" })).toBeTruthy();
  });
});
