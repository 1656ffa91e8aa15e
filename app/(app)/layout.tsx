import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { AppNav } from "@/components/app-nav";

// Everything inside (app) is for signed-in people of one organization.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, org, principal } = await requireSession();
  // A password an admin set must be replaced before anything else (the API refuses them too).
  if (principal.mustChangePassword && !((await headers()).get("x-nexio-path") ?? "").startsWith("/profile")) redirect("/profile");
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <AppNav orgName={org.name} userEmail={user.email} isAdmin={principal.role === "admin"} />
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">
        {children}
      </main>
    </div>
  );
}
