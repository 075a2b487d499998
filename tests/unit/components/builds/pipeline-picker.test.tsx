import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BuildsListView } from "@/components/builds/builds-list-view";
import type { AuthStatus } from "@/lib/schemas/auth";
import { renderWithQueries } from "../../../support/component-render";
import { authStatus, build, routeApi } from "./fixtures";

vi.mock("next/navigation", () => import("./navigation"));

// The builds list's pipeline picker, fed by pipelines.list; the typed Pipeline field works without it.

const pipelines = [
  { slug: "api", name: "API", repository: null, defaultBranch: "main", webUrl: null },
  { slug: "web-app", name: "Web app", repository: null, defaultBranch: "main", webUrl: null },
];

function withPipelinesScope(ready: boolean): AuthStatus {
  const auth = authStatus(true);
  const missingScopes = ready ? [] : ["read_pipelines"];
  return {
    ...auth,
    capabilities: { ...auth.capabilities, pipelinesList: { requiredScopes: ["read_pipelines"], missingScopes, ready } },
  };
}

function listApi(pipelinesReady: boolean) {
  return routeApi([
    [/^\/api\/v1\/auth\/status$/, { data: withPipelinesScope(pipelinesReady) }],
    [/^\/api\/v1\/pipelines$/, { data: pipelines }],
    [/^\/api\/v1\/builds\?/, { data: [build()], pagination: null }],
  ]);
}

const picker = () => screen.getByLabelText("Pick a pipeline") as HTMLSelectElement;
beforeEach(() => window.history.replaceState(null, "", "/builds"));
afterEach(() => vi.unstubAllGlobals());

describe("the pipeline picker", () => {
  it("lists the organization's pipelines and filters the list by the one picked at once", async () => {
    listApi(true);
    renderWithQueries(<BuildsListView />);
    await waitFor(() => expect(picker().disabled).toBe(false));
    expect([...picker().options].map((option) => option.textContent)).toEqual([
      "any pipeline",
      "API (api)",
      "Web app (web-app)",
    ]);
    fireEvent.change(picker(), { target: { value: "api" } });
    expect(window.location.search).toBe("?pipeline=api");
    expect((screen.getByLabelText("Pipeline") as HTMLInputElement).value).toBe("api");
  });

  it("shows a typed pipeline the list does not hold as the one picked", async () => {
    window.history.replaceState(null, "", "/builds?pipeline=legacy");
    listApi(true);
    renderWithQueries(<BuildsListView />);
    await waitFor(() => expect(picker().disabled).toBe(false));
    expect(picker().value).toBe("legacy");
  });

  it("without read_pipelines says why, asks nothing, and leaves the typed field working", async () => {
    const api = listApi(false);
    renderWithQueries(<BuildsListView />);
    const reason = await screen.findByText(
      "The pipeline list is unavailable: the console's REST API token lacks the read_pipelines scope. Type a pipeline slug instead.",
    );
    expect(picker().disabled).toBe(true);
    expect(picker().getAttribute("aria-describedby")).toBe(reason.id);
    expect(api.calls().some((call) => call.url.pathname === "/api/v1/pipelines")).toBe(false);
    fireEvent.change(screen.getByLabelText("Pipeline"), { target: { value: "web-app" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(window.location.search).toBe("?pipeline=web-app");
  });
});
