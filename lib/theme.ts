// Light, dark, or whatever the operating system prefers. The choice lives in localStorage so it survives
// reloads, and an inline script applies it before the first paint so a dark-room operator never sees a
// white flash.

export const themePreferences = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof themePreferences)[number];
export type Theme = "light" | "dark";

export const THEME_STORAGE_KEY = "stack-console:theme";
export const DARK_QUERY = "(prefers-color-scheme: dark)";

/** A stored value as a preference; anything unrecognised (or nothing) means "follow the system". */
export function parseThemePreference(stored: string | null | undefined): ThemePreference {
  return themePreferences.find((preference) => preference === stored) ?? "system";
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === "system") return systemPrefersDark ? "dark" : "light";
  return preference;
}

/** The toggle's order: system → light → dark → system. */
export function nextThemePreference(preference: ThemePreference): ThemePreference {
  const index = themePreferences.indexOf(preference);
  return themePreferences[(index + 1) % themePreferences.length] ?? "system";
}

/**
 * Runs in <head> before the body paints. It repeats parseThemePreference and resolveTheme in plain ES5
 * because it cannot import anything; a unit test holds the two to the same answers. A blocked
 * localStorage (private mode, policy) falls back to the system's preference.
 */
export const themeInitScript = `(function(){var p=null;try{p=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});}catch(e){}var d=p==="dark"||(p!=="light"&&window.matchMedia(${JSON.stringify(DARK_QUERY)}).matches);document.documentElement.classList.toggle("dark",d);})();`;
