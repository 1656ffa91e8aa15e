// The nouns the summaries use for a domain's candidates ("14 carriers no longer write …").

const NOUNS: Record<string, [string, string]> = {
  carriers: ["carrier", "carriers"],
  providers: ["provider", "providers"],
};

export function noun(domain: string, count: number): string {
  const [one, many] = NOUNS[domain] ?? ["candidate", "candidates"];
  return count === 1 ? one : many;
}

/** "1 carrier" / "14 carriers" */
export const count = (domain: string, k: number) => `${k.toLocaleString("en-US")} ${noun(domain, k)}`;

/** "is" / "are" for a count */
export const be = (k: number) => (k === 1 ? "is" : "are");
