import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AgentsView } from "@/components/agents/agents-view";
import type { Agent, AgentsList } from "@/lib/schemas/agents";
import { envelope, renderWithQueries, stubApi, upstreamFailure } from "../../../support/component-render";

afterEach(() => vi.unstubAllGlobals());

const agent = (overrides: Partial<Agent>): Agent => ({
  id: "a1",
  name: "agent-1",
  state: "idle",
  connectionState: "connected",
  queue: "_default",
  tags: ["queue=_default", "os=linux"],
  hostname: "agent-1.ci",
  version: "3.87.1",
  job: null,
  lastJobFinishedAt: null,
  ...overrides,
});

const LIST: AgentsList = {
  agents: [
    agent({
      id: "a1",
      name: "builder-1",
      state: "busy",
      tags: ["queue=_default", "docker=true"],
      job: { id: "j1", state: "running", name: "Tests", build: { pipeline: "web", number: 42 } },
    }),
    agent({ id: "a2", name: "builder-2" }),
    agent({ id: "a3", name: "builder-3", state: "lost", connectionState: "lost" }),
    agent({ id: "a4", name: "mac-1", queue: "macos", tags: ["queue=macos", "xcode=16.2"] }),
  ],
  queues: [
    { queue: "_default", total: 3, states: { busy: 1, idle: 1, lost: 1, disconnected: 0 } },
    { queue: "macos", total: 1, states: { busy: 0, idle: 1, lost: 0, disconnected: 0 } },
  ],
};

const names = (table: HTMLElement) =>
  within(table)
    .queryAllByTestId("agent-row")
    .map((row) => row.querySelector("td div")?.textContent);

describe("AgentsView", () => {
  it("groups agents by queue in tables named for it, with counts, tags and the busy agent's build", async () => {
    stubApi("agents.list", LIST);
    renderWithQueries(<AgentsView pollIntervalMs={60_000} />);
    const defaults = await screen.findByRole("table", { name: "Agents of queue _default" });
    expect(names(defaults)).toEqual(["builder-1", "builder-2", "builder-3"]);
    expect(names(screen.getByRole("table", { name: "Agents of queue macos" }))).toEqual(["mac-1"]);
    expect(screen.getByRole("heading", { name: /_default/ }).textContent).toContain(
      "3 agents · 1 busy · 1 idle · 1 lost",
    );
    expect(within(defaults).getByRole("link", { name: "web #42" }).getAttribute("href")).toBe("/builds/web/42");
    expect(defaults.textContent).toContain("docker=true");
  });

  it("filters by queue, state and text", async () => {
    stubApi("agents.list", LIST);
    renderWithQueries(<AgentsView pollIntervalMs={60_000} />);
    await screen.findByRole("table", { name: "Agents of queue macos" });

    fireEvent.change(screen.getByLabelText("Queue"), { target: { value: "macos" } });
    expect(screen.queryByRole("table", { name: "Agents of queue _default" })).toBeNull();
    fireEvent.change(screen.getByLabelText("Queue"), { target: { value: "" } });

    fireEvent.change(screen.getByLabelText("State"), { target: { value: "lost" } });
    expect(names(screen.getByRole("table", { name: "Agents of queue _default" }))).toEqual(["builder-3"]);
    expect(screen.queryByRole("table", { name: "Agents of queue macos" })).toBeNull();
    fireEvent.change(screen.getByLabelText("State"), { target: { value: "connected" } });
    expect(names(screen.getByRole("table", { name: "Agents of queue _default" }))).toEqual(["builder-1", "builder-2"]);
    fireEvent.change(screen.getByLabelText("State"), { target: { value: "" } });

    fireEvent.change(screen.getByLabelText("Name, host or tag"), { target: { value: "DOCKER" } });
    expect(screen.getAllByTestId("agent-row").map((row) => row.querySelector("td div")?.textContent)).toEqual([
      "builder-1",
    ]);
    fireEvent.change(screen.getByLabelText("Name, host or tag"), { target: { value: "nothing-like-this" } });
    fireEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(screen.getAllByTestId("agent-row")).toHaveLength(4);
  });

  it("keeps the last good agents with a warning when a refresh fails", async () => {
    let calls = 0;
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        calls++;
        if (calls === 1) return envelope("agents.list", LIST);
        return upstreamFailure("agents.list");
      }),
    );
    renderWithQueries(<AgentsView pollIntervalMs={50} />);
    await screen.findByRole("table", { name: "Agents of queue macos" });
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("showing the last good data"));
    expect(screen.getAllByTestId("agent-row")).toHaveLength(4);
  });
});
