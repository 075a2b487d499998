import { expect, test } from "vitest";
import {
  DARK_QUERY,
  THEME_STORAGE_KEY,
  nextThemePreference,
  parseThemePreference,
  resolveTheme,
  themeInitScript,
  themePreferences,
  type ThemePreference,
} from "@/lib/theme";

test("system follows the operating system; light and dark override it", () => {
  expect(resolveTheme("system", true)).toBe("dark");
  expect(resolveTheme("system", false)).toBe("light");
  expect(resolveTheme("light", true)).toBe("light");
  expect(resolveTheme("dark", false)).toBe("dark");
});

test("a missing or unknown stored value means system", () => {
  expect(parseThemePreference(null)).toBe("system");
  expect(parseThemePreference(undefined)).toBe("system");
  expect(parseThemePreference("sepia")).toBe("system");
  expect(parseThemePreference("dark")).toBe("dark");
  expect(parseThemePreference("light")).toBe("light");
});

test("the toggle cycles through every preference and back", () => {
  expect(nextThemePreference("system")).toBe("light");
  expect(nextThemePreference("light")).toBe("dark");
  expect(nextThemePreference("dark")).toBe("system");
});

/** Runs the inline <head> script against a fake page and reports whether it chose dark. */
function runInitScript(stored: string | null, systemPrefersDark: boolean, storageThrows = false): boolean | null {
  let dark: boolean | null = null;
  const window = {
    matchMedia: (query: string) => ({ matches: query === DARK_QUERY && systemPrefersDark }),
  };
  const localStorage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error("SecurityError");
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  const document = {
    documentElement: { classList: { toggle: (name: string, on: boolean) => name === "dark" && (dark = on) } },
  };
  new Function("window", "localStorage", "document", themeInitScript)(window, localStorage, document);
  return dark;
}

test.each(
  [null, "bogus", ...themePreferences].flatMap((stored) => [true, false].map((system) => [stored, system] as const)),
)("the head script agrees with resolveTheme for stored %s and system dark %s", (stored, system) => {
  const expected = resolveTheme(parseThemePreference(stored as ThemePreference | null), system) === "dark";
  expect(runInitScript(stored, system)).toBe(expected);
});

test("the head script follows the system when storage is blocked", () => {
  expect(runInitScript("light", true, true)).toBe(true);
  expect(runInitScript("dark", false, true)).toBe(false);
});
