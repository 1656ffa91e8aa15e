"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api";
import { Button } from "@/components/ui/button";
import { ErrorNote, Spinner } from "@/components/ui/badges";
import { CopyField } from "@/components/settings/copy-field";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { Panel } from "@/components/settings/panel";
import { formatDateTime } from "@/components/trace/format";
import type { WebhookSecretView } from "@/lib/webhooks/schemas";

const KEY = ["settings", "webhook-secret"];

/** The signing secret is fetched only when someone asks to see it, and forgotten when hidden. */
export function WebhookSecretPanel() {
  const qc = useQueryClient();
  const [revealed, setRevealed] = useState(false);
  const secret = useQuery({
    queryKey: KEY,
    queryFn: () => api<WebhookSecretView>("/api/v1/webhook-secret"),
    enabled: revealed,
    gcTime: 0,
    staleTime: Infinity,
  });
  const rotate = useMutation({
    mutationFn: () => api<WebhookSecretView>("/api/v1/webhook-secret", { method: "POST" }),
    onSuccess: (s) => {
      qc.setQueryData(KEY, s);
      setRevealed(true);
    },
  });
  const hide = () => {
    setRevealed(false);
    qc.removeQueries({ queryKey: KEY });
  };

  return (
    <Panel
      id="signing-secret"
      title="Signing secret"
      description={
        <>
          Every webhook is signed per Standard Webhooks: <code className="whitespace-nowrap font-mono text-xs">webhook-id</code>,{" "}
          <code className="whitespace-nowrap font-mono text-xs">webhook-timestamp</code> and{" "}
          <code className="whitespace-nowrap font-mono text-xs">webhook-signature</code> (<code className="font-mono text-xs">v1,</code> + base64 HMAC-SHA256).
          Verify it with this secret before trusting a delivery.
        </>
      }
    >
      <div className="space-y-4">
        <div className="min-h-[5.5rem]">
          {revealed && secret.data ? (
            <CopyField label="Current secret" value={secret.data.secret} hint="Keep it server-side, like a password." />
          ) : (
            <div>
              <p className="block text-sm font-medium text-slate-800">Current secret</p>
              <div className="mt-1 flex gap-2">
                <div
                  className="flex min-w-0 flex-1 items-center rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-600"
                  aria-label="Secret hidden"
                >
                  whsec_••••••••••••••••••••••••
                </div>
                <Button type="button" variant="secondary" className="w-24 shrink-0" onClick={() => setRevealed(true)} disabled={revealed && secret.isFetching}>
                  Reveal
                </Button>
              </div>
              <div className="mt-1 h-4 text-xs">{revealed && secret.isFetching && <Spinner label="Loading secret" />}</div>
            </div>
          )}
        </div>
        {secret.isError && <ErrorNote>Could not load the secret: {secret.error.message}</ErrorNote>}
        {revealed && secret.data?.previous_valid_until && (
          <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-950 ring-1 ring-inset ring-sky-200">
            Rotated {formatDateTime(secret.data.rotated_at)}. Until {formatDateTime(secret.data.previous_valid_until)}, deliveries carry a signature from the
            previous secret as well.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
          <ConfirmButton
            label="Rotate secret"
            confirmLabel="Rotate now"
            question="Make a new secret?"
            pending={rotate.isPending}
            onConfirm={() => rotate.mutate()}
          />
          {revealed && secret.data && (
            <Button type="button" variant="ghost" onClick={hide}>
              Hide secret
            </Button>
          )}
          <p className="basis-full text-sm text-slate-600">
            After a rotation, new deliveries are signed with both the new and the previous secret for 24 hours (two signatures in{" "}
            <code className="whitespace-nowrap font-mono text-xs">webhook-signature</code>), so you can update your receiver without rejecting any delivery.
          </p>
        </div>
        {rotate.isError && <ErrorNote>Could not rotate the secret: {rotate.error.message}</ErrorNote>}
      </div>
    </Panel>
  );
}
