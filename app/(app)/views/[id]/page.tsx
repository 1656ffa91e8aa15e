import { notFound, redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { getSavedView, viewHref } from "@/lib/saved-views/views";

// A saved view's shareable link: opens the page with the view's filters, for anyone in the same
// organization (another organization's view is not found).
export default async function SavedViewLink({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { principal } = await requireSession(`/views/${id}`);
  const view = await getSavedView(prisma(), principal.organizationId, id, principal.userId);
  if (!view) notFound();
  redirect(viewHref(view));
}
