import type { z } from "zod";

// Turning zod issues (from the client-side parse) and the API's error details (from a 400) into
// one message per form field. The API's paths are "profile.revenue", "pool", "webhook_url".

export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

function friendly(issue: Issue): string {
  const i = issue as Issue & { input?: unknown; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean; origin?: string };
  if (i.input === undefined && (i.code === "invalid_type" || i.code === "invalid_value")) return "Required";
  switch (i.code) {
    case "invalid_type":
      return i.expected === "number" || i.expected === "int" ? "Enter a number" : issue.message;
    case "too_small":
      if (i.origin === "string" && Number(i.minimum) === 1) return "Required";
      if (i.origin === "number" || i.origin === "int") {
        return Number(i.minimum) === 0 && !i.inclusive ? "Must be greater than 0" : `Must be at least ${Number(i.minimum).toLocaleString("en-US")}`;
      }
      return issue.message;
    case "too_big":
      if (i.origin === "number" || i.origin === "int") return `Must be at most ${Number(i.maximum).toLocaleString("en-US")}`;
      if (i.origin === "string") return `At most ${Number(i.maximum)} characters`;
      return issue.message;
    case "invalid_value":
      return "Choose one of the options";
    default:
      return issue.message;
  }
}

/** The first problem with each field of a profile, keyed by field name. */
export function profileErrors(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") continue;
    const name = String(issue.path[0] ?? "");
    if (name && !(name in out)) out[name] = friendly(issue);
  }
  return out;
}

export interface ServerErrors {
  profile: FieldErrors;
  pool?: string;
  webhook_url?: string;
  /** Anything not tied to a field we show (the form-level note shows it). */
  other: string[];
}

/** A 400's details → the fields they belong to; the message loses its "Invalid value for x:" prefix. */
export function serverErrors(details: readonly { path: string; code: string; message: string }[]): ServerErrors {
  const out: ServerErrors = { profile: {}, other: [] };
  for (const d of details) {
    const message = d.message.replace(/^Invalid value for [\w.]+: /, "").replace(/^Missing required field: .*/, "Required");
    const [head, field] = d.path.split(".");
    if (head === "profile" && field) out.profile[field] ??= message;
    else if (head === "pool") out.pool ??= message;
    else if (head === "webhook_url") out.webhook_url ??= message;
    else out.other.push(d.message);
  }
  return out;
}
