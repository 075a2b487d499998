"use client";

import { useDenied } from "@/components/ui/operator-context";
import { useState, type FormEvent } from "react";
import { errorText } from "@/lib/api/api-error";
import { useDeregisterStack } from "@/lib/mutations/stacks";
import { stackKeyInput } from "@/lib/inputs/stacks";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cardClass, dangerButton, errorClass, inputClass, labelClass } from "@/components/ui/form-styles";

export function DeregisterStack({ consoleStackKey }: { consoleStackKey: string }) {
  const denied = useDenied("stacks.admin");
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The key the dialog asks about, fixed when it opens so editing the field cannot change its target.
  const [confirming, setConfirming] = useState<string | null>(null);
  const mutation = useDeregisterStack();

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = stackKeyInput.safeParse(key);
    if (!parsed.success) {
      setError(`Stack key ${parsed.error.issues[0]?.message ?? "is not valid"}`);
      return;
    }
    setError(null);
    mutation.reset();
    setConfirming(parsed.data);
  }

  const failure = errorText(mutation.error);
  return (
    <section aria-labelledby="deregister-heading" className={cardClass}>
      <h2 id="deregister-heading" className="text-lg font-semibold">
        Deregister a stack
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Buildkite forgets the stack: it can no longer list, reserve or finish jobs until it registers again.
      </p>
      <form onSubmit={ask} noValidate className="mt-4 flex flex-wrap items-start gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="deregister-key" className={labelClass}>
            Stack key to deregister
          </label>
          <input
            id="deregister-key"
            value={key}
            onChange={(event) => setKey(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "deregister-key-error" : undefined}
            className={`mt-1 font-mono ${inputClass}`}
          />
          {error && (
            <p id="deregister-key-error" className={errorClass}>
              {error}
            </p>
          )}
        </div>
        <button type="submit" className={`${dangerButton} mt-6`} disabled={denied !== null} title={denied ?? undefined}>
          Deregister
        </button>
        {denied && <p className="mt-7 text-xs text-zinc-600 dark:text-zinc-400">{denied}</p>}
      </form>
      {mutation.isSuccess && (
        <p role="status" className="mt-4 text-sm font-medium text-emerald-800 dark:text-emerald-300">
          Stack {mutation.data.data.key} deregistered.
        </p>
      )}
      {failure && (
        <p role="alert" className="mt-4 text-sm font-medium text-red-700 dark:text-red-300">
          Could not deregister stack {mutation.variables}: {failure}
        </p>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={`Deregister stack ${confirming ?? ""}?`}
        busy={mutation.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && mutation.mutate(confirming, { onSettled: () => setConfirming(null) })}
      >
        <p>Buildkite will stop offering jobs to this stack&apos;s agents through the Stacks API.</p>
        {confirming === consoleStackKey && (
          <p className="font-semibold text-red-700 dark:text-red-300">
            This is the stack this console watches: its pages will fail until it registers again.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
