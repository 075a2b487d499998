"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useEffect, useSyncExternalStore } from "react";
import {
  DARK_QUERY,
  THEME_STORAGE_KEY,
  nextThemePreference,
  parseThemePreference,
  resolveTheme,
  type ThemePreference,
} from "@/lib/theme";

// The preference is read from localStorage as an external store: the server renders "system" and the
// browser switches to the stored value right after hydration, without a mismatch. Another tab changing it
// arrives through the storage event.
const listeners = new Set<() => void>();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY) onChange();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onStorage);
  };
}

function readPreference(): ThemePreference {
  try {
    return parseThemePreference(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function storePreference(preference: ThemePreference) {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Storage is blocked: the choice still applies to this page, it just will not survive a reload.
  }
  for (const listener of listeners) listener();
}

const icons = { system: Monitor, light: Sun, dark: Moon } as const;

export function ThemeToggle() {
  const preference = useSyncExternalStore(subscribe, readPreference, () => "system" as const);

  useEffect(() => {
    const media = window.matchMedia(DARK_QUERY);
    const apply = () =>
      document.documentElement.classList.toggle("dark", resolveTheme(preference, media.matches) === "dark");
    apply();
    if (preference !== "system") return;
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [preference]);

  const Icon = icons[preference];
  return (
    <button
      type="button"
      onClick={() => storePreference(nextThemePreference(preference))}
      title="Switch between the system's theme, light and dark"
      className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <Icon aria-hidden="true" className="size-3.5" />
      Theme: {preference}
    </button>
  );
}
