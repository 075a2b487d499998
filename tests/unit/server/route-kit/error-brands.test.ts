import { expect, test } from "vitest";
import { BuildkiteError } from "@/server/buildkite/errors";
import { ConsoleError } from "@/server/route-kit/console-error";
import { DataDirInUseError } from "@/server/store/data-dir-lock";

// Next can load a module twice (instrumentation and routes are bundled apart); an error made by one copy
// must still be recognised by the other. A plain object carrying the registered brand stands in for it.
test("errors are recognised by their registered brand, not by class identity", () => {
  const foreignBuildkite = Object.assign(new Error("x"), { [Symbol.for("stack-console.BuildkiteError")]: true });
  const foreignConsole = Object.assign(new Error("x"), { [Symbol.for("stack-console.ConsoleError")]: true });
  expect(foreignBuildkite instanceof BuildkiteError).toBe(true);
  expect(foreignConsole instanceof ConsoleError).toBe(true);
  expect(
    Object.assign(new Error("x"), { [Symbol.for("stack-console.DataDirInUseError")]: true }) instanceof
      DataDirInUseError,
  ).toBe(true);
  expect(foreignConsole instanceof DataDirInUseError).toBe(false);
  expect(new Error("plain") instanceof BuildkiteError).toBe(false);
  expect(new ConsoleError("not_found", "m", "c") instanceof BuildkiteError).toBe(false);
  expect(
    new BuildkiteError({
      kind: "http",
      message: "m",
      method: "GET",
      path: "/",
      attempts: 1,
      retryable: false,
    }) instanceof BuildkiteError,
  ).toBe(true);
});
