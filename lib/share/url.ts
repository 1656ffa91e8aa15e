import { settings } from "@/lib/settings";
import type { ShareKind } from "@/lib/share/schemas";

/** The link people open: the same origin as the audit links (BASE_URL); a marketing summary under /share/summary/. */
export const shareUrl = (token: string, kind: ShareKind = "trace") => `${settings().baseUrl}/share/${kind === "marketing_summary" ? "summary/" : ""}${token}`;
