import { LEVEL_MEANING, LEVEL_STYLE } from "@/components/ui/badges";

// The shared LevelChip's L1 (white on emerald-600) is 3.8:1, below WCAG AA for 12 px text, and
// fails axe. Until components/ui/badges.tsx darkens it, the trace uses emerald-700 (5.5:1) for L1
// and the shared styles for the rest.
const STYLE = { ...LEVEL_STYLE, L1: "bg-emerald-700 text-white" } as const;

export function LevelChip({ level, label }: { level: keyof typeof LEVEL_STYLE; label?: string }) {
  const meaning = `${level} (${LEVEL_MEANING[level]})`;
  return (
    <span className={`inline-flex min-w-8 justify-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${STYLE[level]}`} title={label ? `${label}: ${meaning}` : meaning}>
      {level}
    </span>
  );
}
