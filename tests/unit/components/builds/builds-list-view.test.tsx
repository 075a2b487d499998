import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BuildsListView } from "@/components/builds/builds-list-view";
import { renderWithQueries } from "../../../support/component-render";
import { build, routeApi, type Answer } from "./fixtures";

vi.mock("next/navigation", () => import("./navigation"));

const pagination = (page: number, hasMore: boolean) => ({
  page,
  perPage: 30,
  prevPage: page > 1 ? page - 1 : null,
  nextPage: hasMore ? page + 1 : null,
  hasMore,
});

/** The list route answers every page with one build numbered after the page, so a test can see which page it shows. */
function listApi(answer?: (url: URL) => Answer) {
  return routeApi([
    [
      /^\/api\/v1\/builds\?/,
      (url) => {
        if (answer) return answer(url);
        const page = Number(url.searchParams.get("page"));
        return {
          data: [build({ id: `b${page}`, number: 100 + page })],
          pagination: pagination(page, page < 3),
          summary: { count: 1 },
        };
      },
    ],
  ]);
}

const listRequests = (api: ReturnType<typeof routeApi>) =>
  api
    .calls()
    .filter((call) => call.url.pathname === "/api/v1/builds")
    .map((call) => Object.fromEntries(call.url.searchParams));

beforeEach(() => window.history.replaceState(null, "", "/builds"));
afterEach(() => vi.unstubAllGlobals());

describe("BuildsListView", () => {
  it("shows each build's state, pipeline and number as a link, branch, message, short commit, creator and duration", async () => {
    listApi(() => ({ data: [build()], pagination: pagination(1, false) }));
    renderWithQueries(<BuildsListView />);
    const row = await screen.findByTestId("build-row");
    expect(within(row).getByRole("link", { name: "web-app #42" }).getAttribute("href")).toBe("/builds/web-app/42");
    expect(within(row).getByTestId("state-badge").textContent).toBe("failed");
    expect(row.textContent).toContain("Fix the flaky login test");
    expect(row.textContent).not.toContain("It waited on the wrong element.");
    expect(row.textContent).toContain("main");
    expect(row.textContent).toContain("abcdef0");
    expect(row.textContent).toContain("Pat Example");
    expect(row.textContent).toContain("3m 05s");
    const created = within(row).getAllByRole("time")[0];
    expect(created?.getAttribute("dateTime")).toBe("2026-11-30T12:00:00Z");
    expect(created?.getAttribute("title")).toContain("2026-11-30T12:00:00Z");
  });

  it("reads its filters from the URL and sends them to the BFF", async () => {
    window.history.replaceState(null, "", "/builds?pipeline=web-app&branch=main&state=finished&page=2");
    const api = listApi();
    renderWithQueries(<BuildsListView />);
    await screen.findByText("web-app #102");
    expect(listRequests(api)).toEqual([
      { pipeline: "web-app", branch: "main", state: "finished", page: "2", perPage: "30" },
    ]);
    expect((screen.getByLabelText("Pipeline") as HTMLInputElement).value).toBe("web-app");
    expect((screen.getByLabelText("State") as HTMLSelectElement).value).toBe("finished");
  });

  it("writes applied filters into the URL as a new history entry, back to page 1, and asks for them", async () => {
    window.history.replaceState(null, "", "/builds?page=2");
    const api = listApi();
    renderWithQueries(<BuildsListView />);
    await screen.findByText("web-app #102");
    const entries = window.history.length;

    fireEvent.change(screen.getByLabelText("Pipeline"), { target: { value: " api " } });
    fireEvent.change(screen.getByLabelText("Branch"), { target: { value: "release/*" } });
    // Typing alone neither navigates nor fetches.
    expect(window.location.search).toBe("?page=2");
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(window.location.search).toBe("?pipeline=api&branch=release%2F*");
    expect(window.history.length).toBe(entries + 1);
    await screen.findByText("web-app #101");

    fireEvent.change(screen.getByLabelText("State"), { target: { value: "failed" } });
    expect(window.location.search).toBe("?pipeline=api&branch=release%2F*&state=failed");
    await waitFor(() =>
      expect(listRequests(api).at(-1)).toEqual({
        pipeline: "api",
        branch: "release/*",
        state: "failed",
        page: "1",
        perPage: "30",
      }),
    );
  });

  it("follows back and forward: the list and the fields show the filters of the URL", async () => {
    const api = listApi();
    renderWithQueries(<BuildsListView />);
    await screen.findByText("web-app #101");
    fireEvent.change(screen.getByLabelText("State"), { target: { value: "running" } });
    await waitFor(() => expect(listRequests(api).at(-1)?.state).toBe("running"));

    act(() => {
      window.history.replaceState(null, "", "/builds");
      window.dispatchEvent(new PopStateEvent("popstate"));
    });
    expect((screen.getByLabelText("State") as HTMLSelectElement).value).toBe("");
    expect(screen.queryByRole("button", { name: "Clear filters" })).toBeNull();
  });

  it("pages with previous and next links that keep the filters, and disables the end it cannot go past", async () => {
    window.history.replaceState(null, "", "/builds?state=failed");
    const api = listApi();
    renderWithQueries(<BuildsListView />);
    await screen.findByText("web-app #101");
    const pager = screen.getByRole("navigation", { name: "Pages of builds" });
    expect(within(pager).getByText("Previous page").getAttribute("aria-disabled")).toBe("true");
    const next = within(pager).getByRole("link", { name: "Next page" });
    expect(next.getAttribute("href")).toBe("/builds?state=failed&page=2");

    fireEvent.click(next);
    expect(window.location.search).toBe("?state=failed&page=2");
    await screen.findByText("web-app #102");
    fireEvent.click(within(pager).getByRole("link", { name: "Next page" }));
    await screen.findByText("web-app #103");
    expect(within(pager).getByText("Next page").getAttribute("aria-disabled")).toBe("true");
    expect(within(pager).getByRole("link", { name: "Previous page" }).getAttribute("href")).toBe(
      "/builds?state=failed&page=2",
    );
    expect(listRequests(api).map((query) => query.page)).toEqual(["1", "2", "3"]);
  });

  it("keeps the last good rows under the stale warning when a refresh fails", async () => {
    let fail = false;
    listApi(() =>
      fail
        ? { data: null, error: { type: "server_error", message: "Buildkite answered 502", status: 502 } }
        : { data: [build()], pagination: pagination(1, false) },
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <BuildsListView />
      </QueryClientProvider>,
    );
    await screen.findByText("web-app #42");
    fail = true;
    await act(() => client.refetchQueries());
    expect((await screen.findByRole("alert")).textContent).toContain("Refresh failed — showing the last good data.");
    expect(screen.getByRole("alert").textContent).toContain("Buildkite answered 502");
    expect(screen.getByText("web-app #42")).toBeTruthy();
  });

  it("says when no builds match and offers to clear the filters", async () => {
    window.history.replaceState(null, "", "/builds?branch=nope");
    listApi(() => ({ data: [], pagination: pagination(1, false) }));
    renderWithQueries(<BuildsListView />);
    expect(await screen.findByText("No builds match the filters")).toBeTruthy();
    fireEvent.click(screen.getAllByRole("button", { name: "Clear filters" })[0]!);
    expect(window.location.search).toBe("");
  });

  it("shows the error and a way to try again when the first load fails", async () => {
    listApi(() => ({ data: null, error: { type: "auth_error", message: "The REST token was rejected", status: 401 } }));
    renderWithQueries(<BuildsListView />);
    expect(await screen.findByText("The builds could not be loaded.")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toContain("The REST token was rejected");
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});
