import { afterEach, expect, test, vi } from "vitest";
import { ConsoleError } from "@/server/route-kit/console-error";
import { DataDirInUseError } from "@/server/store/data-dir-lock";
import type { StorePlacement } from "@/server/store/store-placement";

// Start-up is where a console that must not serve stops, with one line saying why.

const store = vi.fn();
const runtime = vi.fn(async () => ({}));
const placement = vi.fn(async (): Promise<StorePlacement> => ({ kind: "embedded", dataDir: ".data" }));
const sampler = vi.fn();
const serverless = { value: false };
vi.mock("@/server/config", () => ({
  ConfigError: class extends Error {},
  config: () => ({ dataDir: ".data", serverless: serverless.value }),
}));
vi.mock("@/server/history/runtime-sampler", () => ({ startRuntimeSampler: () => sampler() }));
vi.mock("@/server/runtime", () => ({ runtime: () => runtime() }));
vi.mock("@/server/store/store", () => ({ store: () => store() }));
vi.mock("@/server/store/store-placement", () => ({ storePlacementFor: () => placement() }));

afterEach(() => {
  vi.restoreAllMocks();
  runtime.mockClear();
  sampler.mockClear();
  serverless.value = false;
  placement.mockResolvedValue({ kind: "embedded", dataDir: ".data" });
});

async function startUpExit(): Promise<{ code: number | undefined; printed: string }> {
  const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
  const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const { startUp } = await import("@/server/start-up");
  await startUp();
  return {
    code: exit.mock.calls[0]?.[0] as number | undefined,
    printed: printed.mock.calls.map((call) => String(call[0])).join("\n"),
  };
}

test("a second console on the same embedded database stops at start-up, naming the directory and its owner", async () => {
  const cause = new DataDirInUseError(".data", 4242);
  store.mockRejectedValue(new ConsoleError("internal_error", "held", "store_in_use", {}, { cause }));
  const { code, printed } = await startUpExit();
  expect(code).toBe(1);
  expect(printed).toBe(`stack-console: ${cause.message}`);
  expect(printed).toMatch(/DATA_DIR \.data is in use by another console \(process 4242\)/);
});

test("any other store failure leaves the console serving: reads work, and each change says the store is unavailable", async () => {
  store.mockRejectedValue(new Error("connection refused"));
  expect((await startUpExit()).code).toBeUndefined();
  store.mockResolvedValue({});
  expect((await startUpExit()).code).toBeUndefined();
});

test("a live console on Vercel without DATABASE_URL stops before it starts anything, with the placement's one line", async () => {
  const message = "Invalid configuration: DATABASE_URL must be set: on Vercel …";
  placement.mockResolvedValue({ kind: "refused", message });
  const { code, printed } = await startUpExit();
  expect(code).toBe(1);
  expect(printed).toBe(`stack-console: ${message}`);
  expect(runtime).not.toHaveBeenCalled();
});

test("a long-running server samples the queue history in the background; a serverless host cannot", async () => {
  store.mockResolvedValue({});
  await startUpExit();
  expect(sampler).toHaveBeenCalledTimes(1);
  serverless.value = true;
  await startUpExit();
  expect(sampler).toHaveBeenCalledTimes(1);
});

test("a console that stops at start-up samples nothing", async () => {
  store.mockRejectedValue(new ConsoleError("internal_error", "held", "store_in_use", {}, { cause: new Error("held") }));
  await startUpExit();
  expect(sampler).not.toHaveBeenCalled();
});
