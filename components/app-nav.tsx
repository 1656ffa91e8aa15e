"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { authClient } from "@/lib/auth/client";
import type { Theme } from "@/lib/theme";
import { ThemeToggle } from "@/components/theme-toggle";

const LINKS = [
  { href: "/jobs/new", label: "New evaluation" },
  { href: "/jobs", label: "History" },
  { href: "/batches", label: "Batches" },
  { href: "/markets", label: "Markets" },
];

export function AppNav({ orgName, userEmail, isAdmin, theme }: { orgName: string; userEmail: string; isAdmin: boolean; theme: Theme }) {
  const pathname = usePathname();
  const router = useRouter();
  const links = isAdmin ? [...LINKS, { href: "/settings", label: "Settings" }] : LINKS;
  const active = (href: string) =>
    href === "/jobs" ? pathname === "/jobs" || (pathname.startsWith("/jobs/") && pathname !== "/jobs/new") : pathname.startsWith(href);
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
        <Link href="/jobs" className="text-lg font-bold tracking-tight text-indigo-800">
          Nexio
        </Link>
        <ul className="flex gap-1">
          {links.map((l) => (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={active(l.href) ? "page" : undefined}
                className={`rounded-md px-3 py-1.5 text-sm font-medium ${active(l.href) ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="ml-auto flex items-center gap-3 text-sm text-slate-700">
          <ThemeToggle initial={theme} />
          <span className="hidden sm:inline">{orgName}</span>
          <span className="text-slate-400" aria-hidden="true">
            ·
          </span>
          <Link
            href="/profile"
            aria-current={pathname.startsWith("/profile") ? "page" : undefined}
            className="rounded-md px-2 py-1 hover:bg-slate-100"
            title="Profile: password and sessions"
          >
            {userEmail}
          </Link>
          <button
            type="button"
            className="rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100"
            onClick={async () => {
              await authClient.signOut();
              router.replace("/sign-in");
              router.refresh();
            }}
          >
            Sign out
          </button>
        </div>
      </nav>
    </header>
  );
}
