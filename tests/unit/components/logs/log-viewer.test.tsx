import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LogViewer } from "@/components/logs/log-viewer";
import { FIRST_LINES_MARK } from "@/components/logs/use-log-scroll";
import { paletteCss } from "@/lib/log/colours";
import { renderWithQueries } from "../../../support/component-render";
import { FakeLog, fakeScrollLayout, LOG_REF, numberedLines } from "./fake-log-api";

const ESC = "\u001b";
let layout: ReturnType<typeof fakeScrollLayout>;

beforeEach(() => {
  layout = fakeScrollLayout();
  window.history.replaceState(null, "", "/builds/web/42/jobs/x");
  window.localStorage.clear();
});

afterEach(() => {
  layout.restore();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const renderViewer = () => renderWithQueries(<LogViewer logRef={LOG_REF} hasLog />);
const lineRow = (number: number) => document.querySelector<HTMLElement>(`[data-line="${number}"]`);
const scrollBox = () => screen.getByTestId("log-scroll");
const rowTop = (number: number) => Number(lineRow(number)?.style.transform.match(/translateY\((\d+)px\)/)?.[1]);

/** "#d9453b" → "rgb(217, 69, 59)", as jsdom reports a colour back. */
function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${value >> 16}, ${(value >> 8) & 255}, ${value & 255})`;
}

describe("LogViewer", () => {
  it("renders the tail with its colours, styles, links and line numbers", async () => {
    new FakeLog(
      `${numberedLines(5)}${ESC}[31mred alert${ESC}[0m then plain\n${ESC}[1;38;5;208mbold orange${ESC}[0m\n` +
        `${ESC}]8;;https://buildkite.com/docs${ESC}\\the docs${ESC}]8;;${ESC}\\\n${ESC}]8;;javascript:alert(1)${ESC}\\not a link${ESC}]8;;${ESC}\\\n`,
    ).install();
    renderViewer();

    const red = await screen.findByText("red alert");
    // The 16 named colours are the theme's (CSS variables); 256-colour codes are exact.
    expect(red.style.color).toBe("var(--log-ansi-1)");
    expect(screen.getByText("then plain").style.color).toBe("");
    const orange = screen.getByText("bold orange");
    expect(orange.style.color).toBe(rgb(paletteCss(208)));
    expect(orange.style.fontWeight).toBe("bold");

    const docs = screen.getByRole("link", { name: "the docs" });
    expect(docs.getAttribute("href")).toBe("https://buildkite.com/docs");
    expect(docs.getAttribute("rel")).toBe("noopener noreferrer");
    expect(docs.getAttribute("target")).toBe("_blank");
    expect(screen.queryByRole("link", { name: "not a link" })).toBeNull();
    expect(screen.getByText("not a link")).toBeTruthy();

    expect(screen.getByRole("link", { name: "Line 6" }).getAttribute("href")).toBe("#L6");
    // The benchmark reads this mark (tests/perf) for the time to first log lines.
    expect(performance.getEntriesByName(FIRST_LINES_MARK, "mark").length).toBeGreaterThan(0);
    expect(FIRST_LINES_MARK).toBe("log-first-lines");
    expect(screen.getByTestId("log-status").textContent).toMatch(/^9 lines · \d+ B$/);
  });

  it("numbers the tail once the server has indexed the log, and shows the escapes in the raw view", async () => {
    const log = new FakeLog(`${numberedLines(3)}${ESC}[32mgreen${ESC}[0m\n`, { indexed: false }).install();
    renderViewer();
    await screen.findByText("green");
    await waitFor(() => expect(screen.getByRole("link", { name: "Line 4" })).toBeTruthy());
    expect(log.requests.filter((url) => url.endsWith("/log/chunk")).length).toBeGreaterThan(1);

    fireEvent.click(screen.getByRole("button", { name: "Raw" }));
    expect(scrollBox().textContent).toContain("␛[32mgreen␛[0m");
    expect(screen.getAllByText("␛").length).toBeGreaterThan(0);
  });

  it("keeps the same place in the log when switching to the raw view and back", async () => {
    new FakeLog(numberedLines(200)).install();
    renderViewer();
    await waitFor(() => expect(screen.getByRole("link", { name: "Line 200" })).toBeTruthy());
    const box = scrollBox();
    act(() => {
      box.scrollTop = 1000;
    });
    const topText = () => {
      const rows = [...box.querySelectorAll<HTMLElement>("[style*=translateY]")];
      return rows.find((row) => row.style.transform === `translateY(${box.scrollTop}px)`)?.textContent ?? "";
    };
    expect(topText()).toContain("line 51 of the build output");
    fireEvent.click(screen.getByRole("button", { name: "Raw" }));
    expect(topText()).toContain("line 51 of the build output");
    fireEvent.click(screen.getByRole("button", { name: "Raw" }));
    expect(topText()).toContain("line 51 of the build output");
  });

  it("wraps long lines into rows that fit the box, marking a match the wrap splits on both rows", async () => {
    // 8 px characters in a 1000 px box: (1000 − 80 gutter − 16 padding) / 8 = 113 columns.
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      return new DOMRect(0, 0, this.dataset.testid === "char-probe" ? 80 : 0, 0);
    });
    const long = `${"a".repeat(110)}needle${"b".repeat(134)}`;
    new FakeLog(`short line\n${long}\nafter\n`).install();
    renderViewer();
    await screen.findByText("after");
    const rowsOf = () =>
      [...scrollBox().querySelectorAll<HTMLElement>("[style*=translateY]")].map((row) => row.textContent ?? "");
    expect(rowsOf()).toEqual([
      "1short line",
      `2${"a".repeat(110)}nee`,
      `dle${"b".repeat(110)}`,
      "b".repeat(24),
      "3after",
    ]);

    fireEvent.change(screen.getByRole("searchbox", { name: "Search the log" }), { target: { value: "needle" } });
    await waitFor(() => expect(scrollBox().querySelectorAll("mark")).toHaveLength(2));
    expect([...scrollBox().querySelectorAll("mark")].map((mark) => mark.textContent)).toEqual(["nee", "dle"]);

    fireEvent.click(screen.getByRole("button", { name: "Wrap lines" }));
    expect(rowsOf()).toEqual(["1short line", `2${long}`, "3after"]);
    expect([...scrollBox().querySelectorAll("mark")].map((mark) => mark.textContent)).toEqual(["needle"]);
  });

  it("collapses groups by Buildkite's rules, and expands and collapses them on request", async () => {
    new FakeLog(
      [
        `${ESC}_bk;t=1763630000000${ESC}\\~~~ Preparing the agent`,
        "agent detail",
        `${ESC}_bk;t=1763630002000${ESC}\\--- :docker: Build`,
        "build detail",
        `${ESC}_bk;t=1763630065000${ESC}\\--- Test`,
        "test detail",
        `${ESC}_bk;t=1763630070000${ESC}\\done`,
        "",
      ].join("\n"),
    ).install();
    renderViewer();

    const build = await screen.findByRole("button", { name: /:docker: Build/ });
    // No `+++` anywhere: the last `---` group is the one open.
    expect(build.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByText("build detail")).toBeNull();
    expect(screen.getByRole("button", { name: /Test/ }).getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText("test detail")).toBeTruthy();
    // The group's duration runs from its header to the next one.
    expect(build.parentElement?.textContent).toContain("1m 03s");

    fireEvent.click(build);
    expect(build.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText("build detail")).toBeTruthy();
    fireEvent.click(build);
    expect(screen.queryByText("build detail")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Expand all" }));
    expect(screen.getByText("agent detail")).toBeTruthy();
    expect(screen.getByText("build detail")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Collapse all" }));
    expect(screen.queryByText("test detail")).toBeNull();
    expect(screen.getByRole("button", { name: /Test/ }).getAttribute("aria-expanded")).toBe("false");
  });

  it("keeps an opened group's header where it was, even at the bottom of the log", async () => {
    new FakeLog(`${numberedLines(100)}--- Section\n${numberedLines(30, 102)}+++ Last\nend\n`).install();
    renderViewer();
    const section = await screen.findByRole("button", { name: /Section/ });
    const box = scrollBox();
    const before = rowTop(101) - box.scrollTop;
    fireEvent.click(section);
    expect(section.getAttribute("aria-expanded")).toBe("true");
    expect(rowTop(101) - box.scrollTop).toBe(before);
  });

  it("keeps a clicked header in place when the click comes before the scroll that revealed it is reported", async () => {
    new FakeLog(
      `${numberedLines(10)}--- Top section\n${numberedLines(30, 12)}--- Last\n${numberedLines(25, 43)}`,
    ).install();
    renderViewer();
    const top = await screen.findByRole("button", { name: /Top section/ });
    const box = scrollBox();
    layout.scrollSilently(box, rowTop(11));
    fireEvent.click(top);
    expect(top.getAttribute("aria-expanded")).toBe("true");
    expect(rowTop(11) - box.scrollTop).toBe(0);
  });

  it("counts matches over the whole log and moves to a match outside the loaded tail, opening its group", async () => {
    const text = `${numberedLines(99)}--- Collapsed section\nthe needle is here\n${numberedLines(2900, 101)}+++ Tail\nanother NEEDLE\n`;
    const log = new FakeLog(text, { tailBytes: 4096 }).install();
    renderViewer();
    await screen.findByText("another NEEDLE");

    const input = screen.getByRole("searchbox", { name: "Search the log" });
    fireEvent.change(input, { target: { value: "needle" } });
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toBe("2 matches"));

    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(lineRow(101)).not.toBeNull());
    expect(log.requests.some((url) => url.includes("line=101"))).toBe(true);
    const row = lineRow(101) as HTMLElement;
    expect(row.hasAttribute("data-current-match")).toBe(true);
    expect(within(row).getByText("needle").tagName).toBe("MARK");
    expect(screen.getByTestId("search-count").textContent).toBe("2 matches · 1 of 2");
    // The line sits inside a `---` group that starts collapsed; going to it opened the group.
    expect(screen.getByRole("button", { name: /Collapsed section/ }).getAttribute("aria-expanded")).toBe("true");

    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(lineRow(3003)?.hasAttribute("data-current-match")).toBe(true));
    fireEvent.keyDown(input, { key: "Enter", shiftKey: true });
    await waitFor(() => expect(lineRow(101)?.hasAttribute("data-current-match")).toBe(true));
  });

  it("goes to the line the URL's anchor names, and a clicked line number becomes the anchor", async () => {
    window.history.replaceState(null, "", "#L150");
    const log = new FakeLog(numberedLines(3000), { tailBytes: 2048 }).install();
    renderViewer();

    await waitFor(() => expect(lineRow(150)?.getAttribute("aria-current")).toBe("location"));
    const box = scrollBox();
    expect(rowTop(150)).toBeGreaterThanOrEqual(box.scrollTop);
    expect(rowTop(150)).toBeLessThan(box.scrollTop + 400);

    fireEvent.click(screen.getByRole("link", { name: "Line 152" }));
    expect(window.location.hash).toBe("#L152");
    expect(lineRow(152)?.getAttribute("aria-current")).toBe("location");
    expect(lineRow(150)?.hasAttribute("aria-current")).toBe(false);

    // The lines just below the jump's chunk are not loaded yet: their placeholder fills from the top down.
    await waitFor(() => expect(log.requests.some((url) => /after=\d+&bytes=/.test(url))).toBe(true));
    await waitFor(() => expect(lineRow(180)).not.toBeNull());
    expect(lineRow(152)?.getAttribute("aria-current")).toBe("location");
  });

  it("says so when the anchor names a line past the log's end", async () => {
    window.history.replaceState(null, "", "#L5000");
    new FakeLog(numberedLines(3000), { tailBytes: 2048 }).install();
    renderViewer();
    expect((await screen.findByRole("status")).textContent).toBe("Line 5,000 is not in this log (it has 3,000 lines).");
  });

  it("loads earlier lines when scrolled to the top, keeping the lines in view where they were", async () => {
    const log = new FakeLog(numberedLines(3000), { tailBytes: 2048 }).install();
    renderViewer();
    await waitFor(() => expect(screen.getByRole("link", { name: "Line 3000" })).toBeTruthy());
    const box = scrollBox();
    const firstLoaded = log.firstLineOfTail();
    expect(lineRow(firstLoaded)).toBeNull();

    // At the top, the first loaded line sits right under the placeholder for the lines before it.
    act(() => {
      box.scrollTop = 0;
    });
    expect(screen.getAllByRole("button", { name: /earlier lines/ }).length).toBe(1);
    await waitFor(() => expect(lineRow(firstLoaded - 1)).not.toBeNull());
    expect(log.requests.some((url) => url.includes("before="))).toBe(true);
    // It stays where it was on screen: the earlier lines went in above the view.
    expect(rowTop(firstLoaded) - box.scrollTop).toBe(20);
    expect(screen.queryByRole("button", { name: /earlier lines/ })).toBeNull();
  });

  it("follows a running job: new lines append, and the view sticks to the bottom only while it is there", async () => {
    const log = new FakeLog(numberedLines(100), { final: false }).install();
    renderViewer();
    await waitFor(() => expect(screen.getByRole("link", { name: "Line 100" })).toBeTruthy());
    const box = scrollBox();
    expect(screen.getByRole("button", { name: "Follow" }).getAttribute("aria-pressed")).toBe("true");
    expect(box.scrollTop).toBe(box.scrollHeight - 400);

    log.append("a freshly written line\n");
    await screen.findByText("a freshly written line", undefined, { timeout: 5000 });
    expect(box.scrollTop).toBe(box.scrollHeight - 400);
    expect(log.requests.some((url) => url.includes(`after=${numberedLines(100).length}`))).toBe(true);

    act(() => {
      box.scrollTop = 100;
    });
    expect(screen.getByRole("button", { name: "Follow" }).getAttribute("aria-pressed")).toBe("false");
    log.append("while reading above\n");
    log.final = true;
    // The job finished: nothing more to follow.
    await waitFor(() => expect(screen.queryByRole("button", { name: "Follow" })).toBeNull(), { timeout: 5000 });
    expect(box.scrollTop).toBe(100);
    expect(screen.queryByText("while reading above")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Jump to bottom" }));
    expect(box.scrollTop).toBe(box.scrollHeight - 400);
    expect(screen.getByText("while reading above")).toBeTruthy();
  }, 15_000);

  it("keeps the lines on screen and warns when a refresh fails, then recovers", async () => {
    const log = new FakeLog(numberedLines(10), { final: false }).install();
    renderViewer();
    await waitFor(() => expect(screen.getByRole("link", { name: "Line 10" })).toBeTruthy());
    log.failing = { type: "server_error", count: 1 };
    const warning = await screen.findByRole("alert", undefined, { timeout: 5000 });
    expect(warning.textContent).toContain("Refresh failed — showing the last good data.");
    expect(warning.textContent).toContain("server_error");
    expect(screen.getByRole("link", { name: "Line 10" })).toBeTruthy();

    log.append("after the outage\n");
    await screen.findByText("after the outage", undefined, { timeout: 5000 });
    expect(screen.queryByRole("alert")).toBeNull();
  }, 15_000);

  it("says the token needs read_build_logs when Buildkite refuses the log", async () => {
    const log = new FakeLog(numberedLines(3)).install();
    log.failing = { type: "permission_error", count: 1 };
    renderViewer();
    expect((await screen.findByTestId("log-unavailable")).textContent).toContain("read_build_logs");
  });

  it("says a job that is not a command step has no log, rather than showing an empty one", async () => {
    new FakeLog("").install();
    renderWithQueries(<LogViewer logRef={LOG_REF} hasLog={false} />);
    expect(screen.getByTestId("log-unavailable").textContent).toContain("This job has no log");
    expect(screen.queryByTestId("log-scroll")).toBeNull();
  });

  it("shows timestamps on request, in UTC when chosen, and remembers the choice", async () => {
    new FakeLog(`${ESC}_bk;t=1763630043512${ESC}\\stamped line\n`).install();
    renderViewer();
    await screen.findByText("stamped line");
    expect(screen.queryByText("09:14:03.512")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Timestamps" }));
    fireEvent.change(screen.getByRole("combobox", { name: "Time zone" }), { target: { value: "utc" } });
    expect(screen.getByText("09:14:03.512")).toBeTruthy();
    expect(window.localStorage.getItem("stack-console.log-timestamps")).toBe("shown,utc");
  });
});
