import type { ReactNode } from "react";
import { requireSession } from "@/lib/auth/session";
import { AppShell } from "@/components/app-shell";

// The signed-in person's own account (Profile): reachable also while an admin-set password must be changed.
export const dynamic = "force-dynamic";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const { user, org, principal } = await requireSession("/profile");
  return (
    <AppShell orgName={org.name} userEmail={user.email} isAdmin={principal.role === "admin"}>
      {children}
    </AppShell>
  );
}
