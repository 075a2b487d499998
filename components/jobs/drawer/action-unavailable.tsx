/** Says why an action is not offered for the job in its current state, in place of its form. */
export function ActionUnavailable({ reason }: { reason: string }) {
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="action-unavailable">
      {reason}
    </p>
  );
}
