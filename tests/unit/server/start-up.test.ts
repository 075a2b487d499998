import { afterEach, expect, test, vi } from "vitest";
import { ConsoleError } from "@/server/route-kit/console-error";
import { DataDirInUseError } from "@/server/store/data-dir-lock";

// Start-up is where a console that must not serve stops, with one line saying why.

const store = vi.fn();
vi.mock("@/server/config", () => ({ ConfigError: class extends Error {}, config: () => ({ dataDir: ".data" }) }));
vi.mock("@/server/runtime", () => ({ runtime: async () => ({}) }));
vi.mock("@/server/store/store", () => ({ store: () => store() }));

afterEach(() => vi.restoreAllMocks());

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
