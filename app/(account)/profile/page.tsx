import type { Metadata } from "next";
import { headers } from "next/headers";
import { requireSession } from "@/lib/auth/session";
import { auth } from "@/lib/auth/auth";
import { Panel } from "@/components/settings/panel";
import { PasswordForm } from "@/components/profile/password-form";
import { SessionsTable } from "@/components/profile/sessions-panel";

export const metadata: Metadata = { title: "Profile" };
export const dynamic = "force-dynamic";

// The signed-in person's own account: their password, and where they are signed in.
export default async function ProfilePage() {
  const { user, org, principal } = await requireSession("/profile");
  const session = await auth().api.getSession({ headers: await headers() });
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Profile</h1>
        <p className="mt-1 text-sm text-slate-600">
          {user.email} · {principal.role === "admin" ? "Admin" : "Underwriter"} of {org.name}
        </p>
      </header>
      <Panel id="password" title="Password" description="Changing it signs out your other sessions.">
        <PasswordForm required={principal.mustChangePassword === true} />
      </Panel>
      <Panel id="sessions" title="Sessions" description="Where you are signed in. End a session you do not recognise, then change your password." flush>
        <SessionsTable currentSessionId={session?.session.id ?? ""} />
      </Panel>
    </div>
  );
}
