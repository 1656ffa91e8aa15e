/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server-only packages with WASM or native parts stay outside the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg"],
  // npm test has type-checked the same sources in its typecheck pass just before it builds
  // (scripts/test.ts sets NEXIO_TYPECHECKED=1): the build need not do it a second time.
  typescript: { tsconfigPath: "tsconfig.json", ignoreBuildErrors: process.env.NEXIO_TYPECHECKED === "1" },
  // Machines ask for the audit trace at the same URL people open: JSON when they say so.
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: "/traces/:evalId",
          has: [{ type: "header", key: "accept", value: "(.*)application/json(.*)" }],
          destination: "/api/traces/:evalId",
        },
      ],
    };
  },
  async headers() {
    const share = [
      { key: "Referrer-Policy", value: "no-referrer" },
      { key: "X-Robots-Tag", value: "noindex, nofollow" },
      { key: "Cache-Control", value: "no-store" },
    ];
    // A share link's JSON (/api/traces/:evalId?token=…, or /traces/:evalId?token=… asked for as
    // JSON): the route sets these too, but Next.js keeps a header this file already set over the
    // route's own, so without these entries the catch-all's Referrer-Policy would win.
    const withToken = [{ type: "query", key: "token" }];
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // Last, so it wins over the catch-all above (Next applies later entries over earlier). Capability links: the token in the URL must not leak onward, be indexed or be cached.
        source: "/share/:token*",
        headers: share,
      },
      { source: "/api/traces/:evalId", has: withToken, headers: share },
      { source: "/traces/:evalId", has: withToken, headers: share },
    ];
  },
};
export default nextConfig;
