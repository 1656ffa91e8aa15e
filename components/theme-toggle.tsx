"use client";

import { useState } from "react";
import { THEMES, THEME_COOKIE, themeClass, type Theme } from "@/lib/theme";
import { cn } from "@/lib/cn";

const LABEL: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Applies a theme to the page at once and remembers it for a year (the server reads the cookie). */
function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  const cls = themeClass(theme);
  if (cls) root.classList.add(cls);
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

/** System / Light / Dark. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const choose = (next: Theme) => {
    setTheme(next);
    applyTheme(next);
  };
  return (
    <div role="radiogroup" aria-label="Colour theme" className="inline-flex rounded-md p-0.5 ring-1 ring-slate-200">
      {THEMES.map((t) => (
        <button
          key={t}
          type="button"
          role="radio"
          aria-checked={theme === t}
          onClick={() => choose(t)}
          className={cn(
            "rounded px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100",
            theme === t && "bg-slate-800 text-white hover:bg-slate-800",
          )}
        >
          {LABEL[t]}
        </button>
      ))}
    </div>
  );
}
