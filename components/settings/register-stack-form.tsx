"use client";

import { useDenied } from "@/components/ui/operator-context";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/lib/api/api-error";
import type { MetadataRow } from "@/lib/metadata-rows";
import { useRegisterStack } from "@/lib/mutations/stacks";
import { registerErrorsFromApi, validateRegisterForm, type RegisterErrors } from "@/lib/register-stack-errors";
import { cardClass, errorClass, inputClass, labelClass, primaryButton } from "@/components/ui/form-styles";
import { useInFlight } from "@/components/ui/use-in-flight";
import { MetadataRowsEditor, metadataInputId } from "./metadata-rows-editor";
import { RegisteredStack } from "./registered-stack";

function TextField({
  id,
  label,
  value,
  error,
  hint,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  hint: string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className={`mt-1 font-mono ${inputClass}`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The id of the first control with a problem, so focus can go straight to it. */
function firstInvalid(errors: RegisterErrors): string | null {
  if (errors.fields.key) return "stack-key";
  if (errors.fields.queueKey) return "queue-key";
  const row = errors.rows[0];
  return row ? metadataInputId(row.rowId, row.field) : null;
}

export function RegisterStackForm() {
  const denied = useDenied("stacks.admin");
  const [key, setKey] = useState("");
  const [queueKey, setQueueKey] = useState("");
  const [rows, setRows] = useState<MetadataRow[]>([]);
  const [errors, setErrors] = useState<RegisterErrors | null>(null);
  const mutation = useRegisterStack();
  const flight = useInFlight();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateRegisterForm({ key, queueKey, rows });
    setErrors(checked.errors);
    if (checked.errors) {
      const target = firstInvalid(checked.errors);
      if (target) document.getElementById(target)?.focus();
      return;
    }
    if (!flight.begin()) return;
    mutation.mutate(checked.input, {
      onSettled: flight.settle,
      onError: (error) =>
        setErrors(
          error instanceof ApiError
            ? registerErrorsFromApi(error.error)
            : { fields: {}, rows: [], form: error.message },
        ),
    });
  }

  const result = mutation.isSuccess ? mutation.data : null;
  return (
    <section aria-labelledby="register-heading" className={cardClass}>
      <h2 id="register-heading" className="text-lg font-semibold">
        Register a stack
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Registers a custom stack with Buildkite, or updates it when the key is already registered.
      </p>
      <form onSubmit={submit} noValidate className="mt-4 space-y-4">
        {errors?.form && (
          <p
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-500/50 dark:bg-red-500/10 dark:text-red-200"
          >
            Buildkite did not register the stack: {errors.form}
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            id="stack-key"
            label="Stack key"
            value={key}
            error={errors?.fields.key}
            hint="Letters, digits, _ or -; up to 80."
            onChange={setKey}
          />
          <div>
            <label htmlFor="stack-type" className={labelClass}>
              Type
            </label>
            <input
              id="stack-type"
              value="custom"
              readOnly
              aria-describedby="stack-type-hint"
              className={`mt-1 font-mono ${inputClass}`}
            />
            <p id="stack-type-hint" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              Other types belong to Buildkite&apos;s own stacks.
            </p>
          </div>
          <TextField
            id="queue-key"
            label="Queue key"
            value={queueKey}
            error={errors?.fields.queueKey}
            hint="The cluster queue the stack serves."
            onChange={setQueueKey}
          />
        </div>
        <MetadataRowsEditor
          rows={rows}
          issues={errors?.rows ?? []}
          error={errors?.fields.metadata}
          onChange={setRows}
        />
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className={primaryButton}
            disabled={flight.inFlight || denied !== null}
            title={denied ?? undefined}
          >
            Register stack
          </button>
          {denied && <span className="text-xs text-zinc-600 dark:text-zinc-400">{denied}</span>}
          {flight.inFlight && (
            <span role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
              Registering…
            </span>
          )}
        </div>
      </form>
      {result && <RegisteredStack stack={result.data} created={result.summary.created === true} />}
    </section>
  );
}
