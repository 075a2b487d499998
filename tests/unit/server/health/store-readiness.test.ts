import { expect, test } from "vitest";
import { storeReadiness } from "@/server/health/store-readiness";
import type { Store } from "@/server/store/store";

// The store is ready when it answers and every migration this build knows has been applied.

const storeWith = (applied: string[]) => async () =>
  ({ db: { query: async () => applied.map((id) => ({ id })) } }) as unknown as Store;

test("every migration applied is ok; one missing is not migrated", async () => {
  expect(await storeReadiness(storeWith(["001", "002"]), ["001", "002"], 60_000)).toBe("ok");
  expect(await storeReadiness(storeWith(["001"]), ["001", "002"], 60_000)).toBe("not migrated");
});

test("a store that fails to open, or whose query fails, is unreachable", async () => {
  expect(await storeReadiness(() => Promise.reject(new Error("ECONNREFUSED")), ["001"], 60_000)).toBe("unreachable");
  const broken = async () =>
    ({ db: { query: () => Promise.reject(new Error("terminating connection")) } }) as unknown as Store;
  expect(await storeReadiness(broken, ["001"], 60_000)).toBe("unreachable");
});

test("a store that never answers has timed out once the probe's deadline passes", async () => {
  expect(await storeReadiness(() => new Promise<Store>(() => undefined), ["001"], 0)).toBe("timed out");
});
