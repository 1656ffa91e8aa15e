// Placeholder until engine 2's surplusLinesRequirement lands on main (replaced on rebase).
export function requiredDeclinations(_state: string): number {
  return 3;
}
