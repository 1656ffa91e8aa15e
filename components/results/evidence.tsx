// One dimension's evidence from the audit trace, whatever its shape: a sentence, a list of
// sentences, or facts (name → value).

type Value = string | number | boolean | null | undefined | Value[] | { [k: string]: Value };

const humanize = (k: string) => k.replace(/_/g, " ");

function scalar(v: Value): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-US") : String(v);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

export function Evidence({ value }: { value: unknown }) {
  const v = value as Value;
  if (v === undefined || v === null || v === "") return <span className="text-slate-400">No evidence recorded</span>;
  if (typeof v !== "object") return <span>{scalar(v)}</span>;
  if (Array.isArray(v)) {
    return (
      <ul className="list-disc space-y-0.5 pl-4">
        {v.map((item, i) => (
          <li key={i}>{typeof item === "object" && item !== null ? <Evidence value={item} /> : scalar(item)}</li>
        ))}
      </ul>
    );
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
      {Object.entries(v).map(([k, val]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{humanize(k)}</dt>
          <dd className="break-words">{typeof val === "object" && val !== null ? <Evidence value={val} /> : scalar(val)}</dd>
        </div>
      ))}
    </dl>
  );
}
