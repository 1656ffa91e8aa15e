import { settings } from "@/lib/settings";

/** The link people open: the same origin as the audit links (BASE_URL). */
export const shareUrl = (token: string) => `${settings().baseUrl}/share/${token}`;
