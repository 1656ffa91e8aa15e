import type { Metadata } from "next";
import { requireSession } from "@/lib/auth/session";
import { MembersPanel } from "@/components/settings/members-panel";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { user } = await requireSession("/settings/members");
  return <MembersPanel currentUserId={user.id} />;
}
