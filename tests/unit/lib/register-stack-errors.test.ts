import { expect, test } from "vitest";
import type { EnvelopeError } from "@/lib/api/envelope";
import { registerErrorsFromApi, validateRegisterForm } from "@/lib/register-stack-errors";

const apiError = (overrides: Partial<EnvelopeError>): EnvelopeError => ({
  type: "validation_error",
  message: "body.key: must be 1–80 letters, digits, _ or -",
  httpStatus: null,
  code: "invalid_input",
  retryable: false,
  requestId: "req-1",
  details: { source: "console" },
  ...overrides,
});

test("valid values become the API's input", () => {
  expect(
    validateRegisterForm({ key: "gpu-fleet", queueKey: "gpu", rows: [{ id: 1, key: "region", value: "eu" }] }),
  ).toEqual({
    input: { key: "gpu-fleet", queueKey: "gpu", metadata: { region: "eu" } },
    errors: null,
  });
});

test("bad keys are refused beside their fields, naming them", () => {
  const result = validateRegisterForm({ key: "has space", queueKey: "", rows: [] });
  expect(result.input).toBeNull();
  expect(result.errors?.fields).toEqual({
    key: "Stack key must be 1–80 letters, digits, _ or -",
    queueKey: "Queue key must be 1–100 letters, digits, _, - or .",
  });
  expect(result.errors?.form).toBeNull();
});

test("metadata row problems are reported per row", () => {
  const result = validateRegisterForm({ key: "ok", queueKey: "ok", rows: [{ id: 7, key: "", value: "x" }] });
  expect(result.errors?.rows).toEqual([{ rowId: 7, field: "key", message: "Metadata row 1: a key is required" }]);
});

test("the BFF's field issues land on the form's fields", () => {
  const errors = registerErrorsFromApi(
    apiError({
      details: {
        source: "console",
        field: "body.key",
        issues: [
          { field: "body.key", message: "must be 1–80 letters, digits, _ or -" },
          { field: "body.queueKey", message: "must be 1–100 letters, digits, _ or -" },
          { field: "body.metadata.region", message: "values must be at most 256 characters" },
        ],
      },
    }),
  );
  expect(errors).toEqual({
    fields: {
      key: "Stack key must be 1–80 letters, digits, _ or -",
      queueKey: "Queue key must be 1–100 letters, digits, _ or -",
      metadata: "Metadata “region”: values must be at most 256 characters",
    },
    rows: [],
    form: null,
  });
});

test("issues no field owns are shown above the form", () => {
  const errors = registerErrorsFromApi(
    apiError({ details: { source: "console", issues: [{ field: "body.type", message: "must be custom" }] } }),
  );
  expect(errors.form).toBe("body.type: must be custom");
});

test("errors that are not about input keep their message", () => {
  const errors = registerErrorsFromApi(
    apiError({
      type: "permission_error",
      message: "Organization has reached its limit of 10 stacks; deregister one first",
      details: { source: "buildkite" },
    }),
  );
  expect(errors).toEqual({
    fields: {},
    rows: [],
    form: "Organization has reached its limit of 10 stacks; deregister one first",
  });
});
