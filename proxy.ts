import { NextResponse, type NextRequest } from "next/server";

// Layouts cannot see the URL, so the signed-in area's layout would send a signed-out visitor to
// sign-in without remembering where they were going. This passes the path (and query) along as a
// request header; requireSession() uses it as the `next` target, which the sign-in page only
// follows when it is a same-site path.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-nexio-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/jobs/:path*", "/jobs", "/traces/:path*", "/settings/:path*", "/settings"] };
