import { describe, expect, it } from "vitest";
import { bkciWorld, expectContract, fixtures, jobFlags, runBkci, simEnv } from "./bkci-harness";

const world = bkciWorld();

describe("jobs.log.get", () => {
  it("returns the log's end with colours and control sequences removed", async () => {
    const { colourLog } = await fixtures(world);
    const run = await runBkci(["jobs.log.get", ...jobFlags(colourLog)], simEnv(world));
    const envelope = expectContract(run, "jobs.log.get");
    const data = envelope.data as { content: string; lineCount: number; truncated: boolean; encoding: string };
    expect(envelope.request).toMatchObject({ jobId: colourLog.jobId, maxBytes: 250_000, tailLines: null });
    expect(data.content.length).toBeGreaterThan(0);
    expect(data.content).not.toMatch(/\u001b|\r/);
    expect(data.lineCount).toBe(data.content.split("\n").length);
    expect(envelope.summary).toMatchObject({ lineCount: data.lineCount, truncated: colourLog.bytes > 250_000 });
  });

  it("reads only --max-bytes from the end and keeps --tail-lines lines; --raw keeps the escapes", async () => {
    const { colourLog } = await fixtures(world);
    const run = await runBkci(
      ["jobs.log.get", ...jobFlags(colourLog), "--max-bytes", "4000", "--tail-lines", "5"],
      simEnv(world),
    );
    const data = expectContract(run, "jobs.log.get").data as { content: string; lineCount: number; truncated: boolean };
    expect(data).toMatchObject({ lineCount: 5, truncated: true });
    expect(data.content.split("\n")).toHaveLength(5);
    const raw = await runBkci(["jobs.log.get", ...jobFlags(colourLog), "--max-bytes", "20000", "--raw"], simEnv(world));
    expect((expectContract(raw, "jobs.log.get", true).data as { content: string }).content).toMatch(/\u001b\[/);
  });

  it("refuses a job id that is not a UUID before asking Buildkite", async () => {
    const run = await runBkci(
      ["jobs.log.get", "--org", "acme", "--pipeline", "web", "--build-number", "1", "--job-id", "nope"],
      simEnv(world),
    );
    expect(expectContract(run, "jobs.log.get").error?.message).toContain("--job-id");
    expect(run.exitCode).toBe(2);
  });
});

describe("jobs.retry", () => {
  it("is refused with permission_error (403) for a token without write_builds", async () => {
    const { failedJob } = await fixtures(world);
    const run = await runBkci(
      ["jobs.retry", ...jobFlags(failedJob)],
      simEnv(world, { BUILDKITE_API_TOKEN: world.readOnlyToken }),
    );
    expect(expectContract(run, "jobs.retry").error).toMatchObject({ type: "permission_error", httpStatus: 403 });
    expect(run.exitCode).toBe(1);
  });

  it("retries a failed job and returns the new, scheduled job", async () => {
    const { failedJob } = await fixtures(world);
    const run = await runBkci(["jobs.retry", ...jobFlags(failedJob)], simEnv(world));
    const envelope = expectContract(run, "jobs.retry");
    expect(run.exitCode).toBe(0);
    const job = (envelope.data as { job: { id: string; state: string } }).job;
    expect(job.id).not.toBe(failedJob.jobId);
    expect(envelope.summary).toEqual({ retried: true, jobId: job.id, state: job.state });
  });

  it("answers validation_error for a job Buildkite will not retry (400)", async () => {
    const { passedJob } = await fixtures(world);
    const run = await runBkci(["jobs.retry", ...jobFlags(passedJob)], simEnv(world));
    expect(expectContract(run, "jobs.retry").error).toMatchObject({ type: "validation_error", httpStatus: 400 });
  });
});
