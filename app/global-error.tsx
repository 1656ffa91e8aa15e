"use client";

import { useEffect } from "react";
import "./globals.css";

// When the root layout itself fails: it replaces the whole document, so it brings <html> and the styles.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main role="alert" className="mx-auto max-w-xl px-6 py-24 text-center">
          <h1 className="text-2xl font-bold tracking-tight">Nexio could not load this page</h1>
          <p className="mt-3 text-slate-600">Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Please try again.</p>
          <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-800">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
