import type { ReactNode } from "react";

export interface DataColumn {
  label: string;
  /** Numbers line up on the right, header included. */
  numeric?: boolean;
}

/**
 * The console's bordered table: scrolls sideways on narrow screens, names itself to screen readers with
 * `caption`, and shares its header style. `padding` is the horizontal padding of the header cells; rows
 * use the same in their own cells. With `busy` set, the rows dim while a new page loads.
 */
export function DataTable({
  caption,
  columns,
  padding = "px-3",
  busy,
  children,
}: {
  caption: string;
  columns: DataColumn[];
  padding?: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    // Relative: the box must contain its cells' absolutely positioned bits (sr-only text) too, or those
    // escape the sideways scroll and widen the whole page on a phone.
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className={`w-full text-left text-sm transition-opacity ${busy ? "opacity-70" : ""}`} aria-busy={busy}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase dark:bg-zinc-800/60 dark:text-zinc-400">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`${padding} py-2 font-medium ${column.numeric ? "text-right" : ""}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
