import { act, renderHook } from "@testing-library/react";
import { expect, test } from "vitest";
import { useWholeList } from "@/components/jobs/use-whole-list";

test("waits while the page holds only the first screen of rows, and not once it holds them all", async () => {
  const { result, rerender } = renderHook(({ partial }) => useWholeList(partial), { initialProps: { partial: true } });
  let done = false;
  const waiting = result.current().then(() => (done = true));
  await act(async () => {});
  expect(done).toBe(false);
  rerender({ partial: false });
  await act(async () => waiting);
  expect(done).toBe(true);
  await expect(result.current()).resolves.toBeUndefined();
});
