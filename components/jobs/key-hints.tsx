const KEYS: [string, string][] = [
  ["j / k", "move"],
  ["x", "select"],
  ["Enter", "open"],
  ["/", "filter"],
  ["Esc", "close"],
];

/** The table's keyboard shortcuts, always in view so nobody has to remember them at 3 a.m. */
export function KeyHints() {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
      {KEYS.map(([key, action]) => (
        <span key={key}>
          <kbd className="rounded border border-zinc-300 bg-white px-1 font-mono dark:border-zinc-700 dark:bg-zinc-900">
            {key}
          </kbd>{" "}
          {action}
        </span>
      ))}
    </p>
  );
}
