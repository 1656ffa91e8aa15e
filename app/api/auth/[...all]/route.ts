// /api/auth/* – better-auth's endpoints (sign-in, sign-out, session, change password, sessions); bodies capped at 16 KiB
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { readBodyText } from "@/lib/api/body";
import { errorResponse } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

// better-auth reads whatever body it is given before it parses it: a sign-in needs a few hundred
// bytes, so anything over 16 KiB is refused (413 in the error shape) before it is buffered.
const MAX_AUTH_BODY_BYTES = 16 * 1024;

async function handler(req: Request) {
  if (req.method !== "GET" && req.method !== "HEAD" && req.body) {
    let text: string;
    try {
      text = await readBodyText(req, MAX_AUTH_BODY_BYTES);
    } catch (err) {
      return errorResponse(err);
    }
    req = new Request(req.url, { method: req.method, headers: req.headers, body: text });
  }
  return auth().handler(req);
}

export const { GET, POST } = toNextJsHandler(handler);
