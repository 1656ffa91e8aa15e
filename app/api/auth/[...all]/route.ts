// /api/auth/* – better-auth's endpoints (sign-in, sign-out, session)
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

const handler = (req: Request) => auth().handler(req);
export const { GET, POST } = toNextJsHandler(handler);
