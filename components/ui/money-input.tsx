"use client";

import { useEffect, useRef, useState, type InputHTMLAttributes } from "react";

// A dollar amount typed as people write it: shows "$12,000,000" while the value is the number
// 12000000. Reformats as you type and keeps the caret after the same digit. A leading "-" is
// kept so that validation can say a negative amount is wrong instead of silently dropping it.

const withCommas = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export function formatMoneyText(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return "";
  const [int, frac] = Math.abs(n).toString().split(".");
  return `${n < 0 ? "-" : ""}$${withCommas(int)}${frac ? `.${frac.slice(0, 2)}` : ""}`;
}

/** Typed text → [shown text, number or undefined]. */
export function parseMoneyText(raw: string): [string, number | undefined] {
  const negative = /^\s*-/.test(raw) || /^\s*\$\s*-/.test(raw);
  const cleaned = raw.replace(/[^\d.]/g, "");
  const dot = cleaned.indexOf(".");
  const int = (dot === -1 ? cleaned : cleaned.slice(0, dot)).replace(/^0+(?=\d)/, "");
  const frac =
    dot === -1
      ? null
      : cleaned
          .slice(dot + 1)
          .replace(/\./g, "")
          .slice(0, 2);
  if (!int && frac === null) return [negative ? "-" : "", undefined];
  const text = `${negative ? "-" : ""}$${withCommas(int || "0")}${frac !== null ? `.${frac}` : ""}`;
  const n = Number(`${int || "0"}${frac ? `.${frac}` : ""}`);
  return [text, negative ? -n : n];
}

const significant = (s: string) => s.replace(/[^\d.-]/g, "").length;

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  value: number | undefined;
  onValueChange: (n: number | undefined) => void;
};

export function MoneyInput({ value, onValueChange, ...props }: Props) {
  const [text, setText] = useState(() => formatMoneyText(value));
  const emitted = useRef(value);
  const ref = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);

  // A value set from outside (an example, a reset) replaces what is shown.
  useEffect(() => {
    if (!Object.is(value, emitted.current)) {
      emitted.current = value;
      setText(formatMoneyText(value));
    }
  }, [value]);

  // Put the caret back after the same number of digits it followed before reformatting.
  useEffect(() => {
    const el = ref.current;
    if (caret.current === null || !el || document.activeElement !== el) return;
    let seen = 0;
    let pos = 0;
    while (pos < text.length && seen < caret.current) if (/[\d.-]/.test(text[pos++])) seen++;
    el.setSelectionRange(pos, pos);
    caret.current = null;
  }, [text]);

  return (
    <input
      {...props}
      ref={ref}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={text}
      onChange={(e) => {
        const raw = e.target.value;
        caret.current = significant(raw.slice(0, e.target.selectionStart ?? raw.length));
        const [shown, n] = parseMoneyText(raw);
        setText(shown);
        emitted.current = n;
        onValueChange(n);
      }}
    />
  );
}
