"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { authClient } from "@/lib/auth/client";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/badges";
import { Field, inputClass } from "@/components/settings/panel";

// The signed-in person's own password (better-auth's change-password). Other sessions end with it.

export function PasswordForm({ required }: { required: boolean }) {
  const router = useRouter();
  const qc = useQueryClient();
  const ids = { current: useId(), next: useId(), again: useId() };
  const [form, setForm] = useState({ current: "", next: "", again: "" });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <>
      {required && !done && (
        <p role="alert" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          An admin set your password. Choose your own before you continue.
        </p>
      )}
      <form
        noValidate
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          setDone(false);
          if (form.next.length < 8) return setError("The new password must be at least 8 characters.");
          if (form.next !== form.again) return setError("The two new passwords differ.");
          if (form.next === form.current) return setError("Choose a password different from the current one.");
          setError(null);
          setPending(true);
          const res = await authClient.changePassword({ currentPassword: form.current, newPassword: form.next, revokeOtherSessions: true });
          setPending(false);
          if (res.error) return setError(res.error.message ?? "The password could not be changed.");
          setForm({ current: "", next: "", again: "" });
          setDone(true);
          // The other sessions ended and this one was replaced: list them again.
          void qc.invalidateQueries({ queryKey: ["profile", "sessions"] });
          router.refresh();
        }}
      >
        {done && (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            Password changed. Your other sessions were signed out.
          </p>
        )}
        <div className="grid gap-4 md:grid-cols-3">
          <Field id={ids.current} label="Current password">
            <input id={ids.current} type="password" autoComplete="current-password" value={form.current} onChange={set("current")} className={inputClass()} />
          </Field>
          <Field id={ids.next} label="New password" hint="At least 8 characters.">
            <input
              id={ids.next}
              type="password"
              autoComplete="new-password"
              value={form.next}
              onChange={set("next")}
              aria-describedby={`${ids.next}-hint`}
              className={inputClass()}
            />
          </Field>
          <Field id={ids.again} label="New password again">
            <input id={ids.again} type="password" autoComplete="new-password" value={form.again} onChange={set("again")} className={inputClass()} />
          </Field>
        </div>
        {error && <ErrorNote>{error}</ErrorNote>}
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </form>
    </>
  );
}
