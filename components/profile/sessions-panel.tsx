"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authClient } from "@/lib/auth/client";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { LoadError, SkeletonRows, Table, td, th } from "@/components/settings/table-states";
import { formatDateTime } from "@/components/trace/format";

// The signed-in person's sessions (better-auth's list-sessions / revoke-session): where they are
// signed in, and a way to end any of them.

interface SessionRow {
  id: string;
  token: string;
  createdAt: string | Date;
  updatedAt: string | Date;
  expiresAt: string | Date;
  ipAddress?: string | null;
  userAgent?: string | null;
}

const KEY = ["profile", "sessions"];

async function load(): Promise<SessionRow[]> {
  const res = await authClient.listSessions();
  if (res.error) throw new Error(res.error.message ?? "could not list the sessions");
  return res.data as SessionRow[];
}

function browser(ua: string | null | undefined) {
  if (!ua) return "Unknown client";
  const name = /Firefox\//.test(ua)
    ? "Firefox"
    : /Edg\//.test(ua)
      ? "Edge"
      : /Chrom(e|ium)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : ua.slice(0, 40);
  const os = /Windows/.test(ua)
    ? "Windows"
    : /Mac OS X/.test(ua)
      ? "macOS"
      : /Linux/.test(ua)
        ? "Linux"
        : /Android/.test(ua)
          ? "Android"
          : /iPhone|iPad/.test(ua)
            ? "iOS"
            : "";
  return os ? `${name} on ${os}` : name;
}

export function SessionsTable({ currentSessionId: initialSessionId }: { currentSessionId: string }) {
  const qc = useQueryClient();
  // Changing the password replaces this session too: ask better-auth which one is ours now.
  const current = useQuery({ queryKey: [...KEY, "current"], queryFn: async () => (await authClient.getSession()).data?.session.id ?? initialSessionId });
  const currentSessionId = current.data ?? initialSessionId;
  const sessions = useQuery({ queryKey: KEY, queryFn: load });
  const end = useMutation({
    mutationFn: async (token: string) => {
      const res = await authClient.revokeSession({ token });
      if (res.error) throw new Error(res.error.message ?? "could not end the session");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  if (sessions.isError) return <LoadError what="your sessions" error={sessions.error} retry={() => sessions.refetch()} />;
  return (
    <Table
      caption="Your sessions"
      head={
        <tr>
          <th scope="col" className={th}>
            Client
          </th>
          <th scope="col" className={th}>
            Address
          </th>
          <th scope="col" className={th}>
            Signed in
          </th>
          <th scope="col" className={th}>
            Expires
          </th>
          <th scope="col" className={th}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      }
    >
      {!sessions.data ? (
        <SkeletonRows cols={5} rows={1} />
      ) : (
        sessions.data.map((s) => (
          <tr key={s.token} data-testid="session-row">
            <td className={`${td} font-medium text-slate-900`}>
              {browser(s.userAgent)}
              {s.id === currentSessionId && <span className="ml-2 text-xs font-normal text-slate-600">(this one)</span>}
            </td>
            <td className={`${td} font-mono text-xs`}>{s.ipAddress || "—"}</td>
            <td className={td}>{formatDateTime(String(s.createdAt))}</td>
            <td className={td}>{formatDateTime(String(s.expiresAt))}</td>
            <td className={td}>
              {s.id !== currentSessionId && (
                <ConfirmButton
                  label="End"
                  confirmLabel="End session"
                  accessibleName={`End the session of ${browser(s.userAgent)}`}
                  pending={end.isPending}
                  onConfirm={() => end.mutate(s.token)}
                />
              )}
            </td>
          </tr>
        ))
      )}
    </Table>
  );
}
