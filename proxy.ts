import { NextResponse, type NextRequest } from "next/server";

// Two things for every page request:
//
// 1. Layouts cannot see the URL, so the signed-in area's layout would send a signed-out visitor to
//    sign-in without remembering where they were going. This passes the path (and query) along as
//    a request header; requireSession() uses it as the `next` target, which the sign-in page only
//    follows when it is a same-site path.
// 2. A Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the request's
//    header and puts it on its own inline and chunk scripts; with 'strict-dynamic' nothing else
//    runs, so an injected <script> or event handler would not. Styles stay 'unsafe-inline'
//    (React style attributes); pages are rendered per request already, so a nonce costs nothing.
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("x-nexio-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export function contentSecurityPolicy(nonce: string, dev = false) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Pages only: API routes answer JSON (no scripts), static files need no nonce.
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
