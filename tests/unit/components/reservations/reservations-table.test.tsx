import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { API_VERSION } from "@/lib/api/envelope";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReservationsTable } from "@/components/reservations/reservations-table";
import { OperatorProvider } from "@/components/ui/operator-context";
import type { Role } from "@/lib/roles";
import type { Reservation } from "@/lib/schemas/jobs";
import { envelope, renderWithQueries } from "../../../support/component-render";

afterEach(() => vi.unstubAllGlobals());

const JOB_A = "0190f3a2-5c1e-7d7a-9e51-2b8f4c6d0e11";
const JOB_B = "2b8f4c6d-aaaa-4000-8000-000000000002";
const JOB_C = "3c9e5d7e-cccc-4000-8000-000000000003";

const reservation = (jobId: string, overrides: Partial<Reservation> = {}): Reservation => ({
  stackKey: "stack-console",
  jobId,
  reservedBy: "Pat",
  reservedAt: new Date(Date.now() - 60_000).toISOString(),
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  expirySeconds: 900,
  pipelineSlug: "web",
  buildNumber: 4812,
  queueKey: "_default",
  ...overrides,
});

type Answer = (body: { jobIds: string[] }) => Response | Promise<Response>;

/** The console's API as these views use it: the list, and one answer per write route. */
function stubConsole(listed: Reservation[], answers: Partial<Record<"reserve" | "release" | "finish", Answer>> = {}) {
  const posts: { url: string; body: { jobIds: string[] } & Record<string, unknown> }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method !== "POST") return envelope("reservations.list", listed);
      const body = JSON.parse(String(init.body)) as { jobIds: string[] };
      posts.push({ url, body });
      const route = url.endsWith("/reservations/release")
        ? "release"
        : url.endsWith("/reservations")
          ? "reserve"
          : "finish";
      const answer = answers[route];
      if (!answer) throw new Error(`unexpected ${route} call`);
      return answer(body);
    }),
  );
  return { posts };
}

const show = (role: Role = "operator") =>
  renderWithQueries(
    <OperatorProvider operator={{ name: "Pat", role }}>
      <ReservationsTable pollIntervalMs={60_000} />
    </OperatorProvider>,
  );
const select = (jobId: string) =>
  fireEvent.click(screen.getByRole("checkbox", { name: `Select job ${jobId.slice(0, 8)}` }));
const button = (name: string | RegExp) => screen.getByRole("button", { name }) as HTMLButtonElement;
const confirmDialog = () => screen.getByRole("alertdialog");

describe("the reservations table", () => {
  it("shows each job's pipeline, build link, short id with the full one on hover, stack, queue and expiry", async () => {
    stubConsole([reservation(JOB_A), reservation(JOB_B, { pipelineSlug: null, buildNumber: null, queueKey: null })]);
    show();
    const row = (await screen.findByRole("link", { name: JOB_A.slice(0, 8) })).closest("tr") as HTMLElement;
    expect(within(row).getByRole("link", { name: "Build 4812 of web" }).getAttribute("href")).toBe("/builds/web/4812");
    expect(
      within(row)
        .getByRole("link", { name: JOB_A.slice(0, 8) })
        .getAttribute("title"),
    ).toBe(JOB_A);
    expect(within(row).getByRole("button", { name: `Copy job id ${JOB_A.slice(0, 8)}` })).toBeTruthy();
    expect(row.textContent).toContain("stack-console");
    expect(row.textContent).toContain("_default");
    expect(within(row).getByTestId("expires-in").textContent).toMatch(/^in (9m|10m) \d\ds$/);
    const unknown = screen.getByRole("link", { name: JOB_B.slice(0, 8) }).closest("tr") as HTMLElement;
    expect(within(unknown).queryByRole("link", { name: /^Build/ })).toBeNull();
    expect(unknown.textContent).toContain("—");
  });

  it("extends the picked reservations after a confirmation, with buttons off while it runs and the new expiry per job", async () => {
    const expiresAt = new Date(Date.now() + 1_800_000).toISOString();
    let answer: (response: Response) => void = () => {};
    const api = stubConsole([reservation(JOB_A), reservation(JOB_B)], {
      reserve: () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    show();
    await screen.findByRole("link", { name: JOB_A.slice(0, 8) });
    select(JOB_A);
    select(JOB_B);
    fireEvent.change(screen.getByLabelText("New expiry (seconds)"), { target: { value: "1800" } });
    fireEvent.click(button("Extend 2…"));
    expect(confirmDialog().textContent).toContain("for 1800 seconds from now");
    expect(api.posts).toEqual([]);
    fireEvent.click(within(confirmDialog()).getByRole("button", { name: "Confirm" }));

    await waitFor(() => expect(api.posts).toHaveLength(1));
    expect(api.posts[0]).toEqual({
      url: "/api/v1/stacks/stack-console/reservations",
      body: { jobIds: [JOB_A, JOB_B], expirySeconds: 1800 },
    });
    expect(button("Extend 2…").disabled).toBe(true);
    expect(button("Release 2…").disabled).toBe(true);
    expect(button("Finish 2…").disabled).toBe(true);

    answer(envelope("jobs.reserve", { reserved: [JOB_A], notReserved: [JOB_B], expirySeconds: 1800, expiresAt }));
    const results = await screen.findByRole("list", { name: "Per-job results" });
    const time = new Date(expiresAt).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
    expect(within(results).getByText(`reserved until ${time}`)).toBeTruthy();
    expect(within(results).getByText(/Buildkite would not extend it/)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Done: 1 of 2 extended.");
    expect(button("Extend 2…").disabled).toBe(false);
  });

  it("says what release does, and releases through the release route one request per stack", async () => {
    const api = stubConsole([reservation(JOB_A), reservation(JOB_C, { stackKey: "other-stack" })], {
      release: (body) => envelope("jobs.release", { released: body.jobIds, notReleased: [] }),
    });
    show();
    await screen.findByRole("link", { name: JOB_A.slice(0, 8) });
    fireEvent.click(screen.getByRole("checkbox", { name: "Select all 2 reservations" }));
    expect(button("Release 2…").getAttribute("aria-describedby")).toBeTruthy();
    expect(
      screen.getByText(/Buildkite has no unreserve call, so the console reserves it again for 1 second/),
    ).toBeTruthy();
    fireEvent.click(button("Release 2…"));
    expect(within(confirmDialog()).getByText(/again for 1 second/)).toBeTruthy();
    fireEvent.click(within(confirmDialog()).getByRole("button", { name: "Confirm" }));

    await screen.findByText("Done: 2 of 2 released.");
    expect(api.posts.map((post) => [post.url, post.body.jobIds])).toEqual([
      ["/api/v1/stacks/stack-console/reservations/release", [JOB_A]],
      ["/api/v1/stacks/other-stack/reservations/release", [JOB_C]],
    ]);
    expect(screen.getAllByText(/^released: scheduled again within a second/)).toHaveLength(2);
  });

  it("finishes only with a reason, after a confirmation, and reads a second finish as already finished", async () => {
    const api = stubConsole([reservation(JOB_A), reservation(JOB_B)], {
      finish: (body) =>
        envelope("jobs.finish.bulk", {
          results: [
            { jobId: body.jobIds[0], outcome: "finished", error: null },
            { jobId: body.jobIds[1], outcome: "failed", error: "Buildkite: Job has already finished" },
          ],
          finished: 1,
          failed: 1,
        }),
    });
    show();
    await screen.findByRole("link", { name: JOB_A.slice(0, 8) });
    select(JOB_A);
    select(JOB_B);
    fireEvent.click(button("Finish 2…"));
    fireEvent.click(button("Finish 2 jobs…"));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(screen.getByLabelText("Reason").getAttribute("aria-invalid")).toBe("true");

    fireEvent.change(screen.getByLabelText("Reason"), { target: { value: "not needed any more" } });
    fireEvent.click(button("Finish 2 jobs…"));
    expect(within(confirmDialog()).getByText("not needed any more")).toBeTruthy();
    fireEvent.click(within(confirmDialog()).getByRole("button", { name: "Confirm" }));

    await screen.findByText("Done: 1 of 2 finished.");
    expect(api.posts).toEqual([
      {
        url: "/api/v1/stacks/stack-console/bulk-finish",
        body: { jobIds: [JOB_A, JOB_B], exitStatus: -1, detail: "not needed any more" },
      },
    ]);
    expect(screen.getByText("already finished")).toBeTruthy();
  });

  it("shows the console's refusal on every job of the stack it concerns", async () => {
    stubConsole([reservation(JOB_A)], {
      reserve: () =>
        Response.json(
          {
            ok: false,
            apiVersion: API_VERSION,
            command: "jobs.reserve",
            request: {},
            summary: {},
            pagination: null,
            data: null,
            error: {
              type: "permission_error",
              message: "Your role (viewer) cannot do this",
              httpStatus: 403,
              code: "forbidden",
              retryable: false,
              requestId: "r1",
              details: {},
            },
          },
          { status: 403 },
        ),
    });
    show();
    await screen.findByRole("link", { name: JOB_A.slice(0, 8) });
    select(JOB_A);
    fireEvent.click(button("Extend 1…"));
    fireEvent.click(within(confirmDialog()).getByRole("button", { name: "Confirm" }));
    await screen.findByText("Done: 0 of 1 extended.");
    expect(screen.getByText(/permission_error: Your role \(viewer\) cannot do this/)).toBeTruthy();
  });

  it("a viewer sees the actions disabled with the reason", async () => {
    const api = stubConsole([reservation(JOB_A)]);
    show("viewer");
    await screen.findByRole("link", { name: JOB_A.slice(0, 8) });
    select(JOB_A);
    for (const name of ["Extend 1…", "Release 1…", "Finish 1…"]) {
      expect(button(name).disabled).toBe(true);
      expect(button(name).title).toBe("Your role (viewer) cannot do this: it needs the operator role.");
    }
    fireEvent.submit(screen.getByRole("form", { name: "Extend selected reservations" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(api.posts).toEqual([]);
  });
});
