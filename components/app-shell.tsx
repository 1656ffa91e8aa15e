import type { ReactNode } from "react";
import { AppNav } from "@/components/app-nav";

// The signed-in chrome (skip link, main navigation, content), shared by the app's pages and the
// account page (app/(account)), which must stay reachable while a password change is required.
export function AppShell({ orgName, userEmail, isAdmin, children }: { orgName: string; userEmail: string; isAdmin: boolean; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <AppNav orgName={orgName} userEmail={userEmail} isAdmin={isAdmin} />
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">
        {children}
      </main>
    </div>
  );
}
