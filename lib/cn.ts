import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Class names for a component that takes overrides: conditions as clsx reads them, and where two
 * Tailwind classes set the same property (`px-3.5` and a caller's `px-2.5`) the later one wins,
 * whatever order Tailwind happened to write them in the stylesheet.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
