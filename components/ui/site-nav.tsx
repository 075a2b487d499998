"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  // A stack's pages are where its queues lead, so they keep "Queues" lit.
  { href: "/", label: "Queues", matches: (path: string) => path === "/" || path.startsWith("/stacks/") },
  { href: "/builds", label: "Builds", matches: (path: string) => path.startsWith("/builds") },
  { href: "/agents", label: "Agents", matches: (path: string) => path.startsWith("/agents") },
  { href: "/reservations", label: "Reservations", matches: (path: string) => path.startsWith("/reservations") },
  { href: "/audit", label: "Audit log", matches: (path: string) => path.startsWith("/audit") },
  { href: "/settings", label: "Settings", matches: (path: string) => path.startsWith("/settings") },
];

export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap items-center gap-1 text-sm">
        {links.map(({ href, label, matches }) => {
          const active = matches(pathname);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={
                  active
                    ? "rounded-md bg-zinc-900 px-2.5 py-1 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
                    : "rounded-md px-2.5 py-1 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
