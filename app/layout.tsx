import type { Metadata } from "next";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { parseTheme, themeClass, THEME_COOKIE } from "@/lib/theme";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Nexio", template: "%s · Nexio" },
  description: "Carrier and provider fit evaluation for commercial insurance.",
};

// Rendered per request, every page: proxy.ts sends a Content-Security-Policy with a fresh nonce,
// and a page built ahead of time (the default 404) would carry scripts without it.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  // The chosen theme is rendered by the server (see lib/theme.ts): the first paint is right.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme)}>
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
