// Descriptions in the OpenAPI document use `backticks` for code, as Markdown does.
export function RichText({ text, capitalize = false }: { text: string; capitalize?: boolean }) {
  const t = capitalize && text ? text[0].toUpperCase() + text.slice(1) : text;
  return (
    <>
      {t.split(/(`[^`]+`)/g).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 2 ? (
          <code key={i} className="font-mono text-[0.92em] text-slate-900">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
