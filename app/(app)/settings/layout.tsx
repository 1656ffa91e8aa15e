import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireSession } from "@/lib/auth/session";
import { SettingsNav } from "@/components/settings/settings-nav";
import { ErrorNote } from "@/components/ui/badges";

export const metadata: Metadata = { title: { default: "Settings", template: "%s · Settings · Nexio" } };
export const dynamic = "force-dynamic";

// Settings are for admins; the API routes behind them check again (403 for anyone else).
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const { principal, org } = await requireSession("/settings");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">{org.name}: API keys, webhooks, members, pools and scoring rules.</p>
      </header>
      {principal.role !== "admin" ? (
        <ErrorNote>Only organization admins can open Settings. Ask an admin of {org.name} if you need a key or an account.</ErrorNote>
      ) : (
        <div className="grid items-start gap-6 md:grid-cols-[12rem_minmax(0,1fr)]">
          <SettingsNav />
          <div className="min-w-0 space-y-6">{children}</div>
        </div>
      )}
    </div>
  );
}
