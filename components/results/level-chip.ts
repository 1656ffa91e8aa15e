import { LEVEL_STYLE } from "@/components/ui/badges";

// The level chip's classes, as plain strings so a 1,800-row table pays nothing per chip.
// White on the shell's emerald-600 is 3.8:1, under WCAG AA's 4.5:1 for small text (axe flags
// it), so L1 is one shade darker here until components/ui/badges.tsx changes.
const COLOURS = { ...LEVEL_STYLE, L1: "bg-emerald-700 text-white" } as const;

const BASE = "inline-block min-w-8 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold";

export const LEVEL_CHIP: Record<keyof typeof LEVEL_STYLE, string> = {
  L1: `${BASE} ${COLOURS.L1}`,
  L2: `${BASE} ${COLOURS.L2}`,
  L3: `${BASE} ${COLOURS.L3}`,
  L4: `${BASE} ${COLOURS.L4}`,
};
