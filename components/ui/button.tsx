"use client";

import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { useHydrated } from "./hydrated";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const styles: Record<Variant, string> = {
  primary: "bg-indigo-700 text-white hover:bg-indigo-800 disabled:bg-indigo-300",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 disabled:text-red-300",
  ghost: "text-slate-700 hover:bg-slate-100",
};

/**
 * Every form of the dashboard is handled by script (none has an action). A submit button is
 * therefore disabled until the page has hydrated: clicked or triggered by Enter earlier, the
 * browser would submit natively, reloading the page with the fields in its query string (the
 * sign-in form's password among them) and losing what was typed.
 */
export function Button({ variant = "primary", className = "", disabled, ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  const hydrated = useHydrated();
  return (
    <button
      {...props}
      disabled={disabled || (props.type === "submit" && !hydrated)}
      className={cn(
        "inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed",
        styles[variant],
        className,
      )}
    />
  );
}
