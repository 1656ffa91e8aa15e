// The colour theme a person chose: "system" follows the operating system's setting (CSS
// prefers-color-scheme through `color-scheme: light dark`), "light"/"dark" override it. Kept in a
// cookie so the server renders <html class="dark"> itself: the first paint is already right (no
// flash, no inline script under the nonce CSP).
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "nexio-theme";

export function parseTheme(value: string | undefined): Theme {
  return THEMES.includes(value as Theme) ? (value as Theme) : "system";
}

/** The class on <html> for a theme: none for "system". */
export function themeClass(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}
