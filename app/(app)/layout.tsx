import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { requireSession } from "@/lib/auth/session";
import { AppNav } from "@/components/app-nav";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

// Everything inside (app) is for signed-in people of one organization.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, org, principal } = await requireSession();
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
        <AppNav orgName={org.name} userEmail={user.email} isAdmin={principal.role === "admin"} theme={theme} />
      </div>
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">
        {children}
      </main>
    </div>
  );
}
