import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { AppNav } from "@/components/app-nav";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

// The signed-in chrome (skip link, main navigation, content), shared by the app's pages and the
// account page (app/(account)), which must stay reachable while a password change is required.
export async function AppShell({ orgName, userEmail, isAdmin, children }: { orgName: string; userEmail: string; isAdmin: boolean; children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <div className="print:hidden">
        <AppNav orgName={orgName} userEmail={userEmail} isAdmin={isAdmin} theme={theme} />
      </div>
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">
        {children}
      </main>
    </div>
  );
}
