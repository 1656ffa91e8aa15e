// /api/auth/* – better-auth's endpoints (sign-in, sign-out, session), behind a per-account limit
// on sign-in attempts (lib/auth/sign-in-limit.ts)
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { signInAccountLimit } from "@/lib/auth/sign-in-limit";

export const dynamic = "force-dynamic";

const handler = async (req: Request) => (await signInAccountLimit(req)) ?? auth().handler(req);
export const { GET, POST } = toNextJsHandler(handler);
