import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RegisterStackForm } from "@/components/settings/register-stack-form";
import { renderWithQueries, stubApi } from "../../../support/component-render";

afterEach(() => vi.unstubAllGlobals());

describe("RegisterStackForm", () => {
  it("sends one registration for a double-clicked Register stack", async () => {
    const api = stubApi("stacks.register", {
      id: "0190f6a1-8c52-7a1e-9d4e-2f3b5c6d7e8f",
      key: "gpu-stack",
      type: "custom",
      queueKey: "gpu",
      metadata: {},
      organizationUuid: null,
      lastConnectedOn: null,
      state: "disconnected",
    });
    renderWithQueries(<RegisterStackForm />);
    fireEvent.change(screen.getByLabelText("Stack key"), { target: { value: "gpu-stack" } });
    fireEvent.change(screen.getByLabelText("Queue key"), { target: { value: "gpu" } });
    const register = screen.getByRole("button", { name: "Register stack" });
    fireEvent.click(register);
    fireEvent.click(register);
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Updated stack gpu-stack"));
    await waitFor(() => expect(register).toHaveProperty("disabled", false));
    expect(api.posts()).toHaveLength(1);
  });
});
