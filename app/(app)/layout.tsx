import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { AppShell } from "@/components/app-shell";

// Everything inside (app) is for signed-in people of one organization.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, org, principal } = await requireSession();
  // A password an admin set must be replaced before anything else (the API refuses them too);
  // Profile lives outside this group, in app/(account), so it stays reachable.
  if (principal.mustChangePassword) redirect("/profile");
  return (
    <AppShell orgName={org.name} userEmail={user.email} isAdmin={principal.role === "admin"}>
      {children}
    </AppShell>
  );
}
