import { beforeAll, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { newOrg, newUser, testDb } from "@/tests/setup/db";

// better-auth's organization plugin brings its own management endpoints under
// /api/auth/organization/*. Nexio manages organizations and people through its own API
// (/api/v1/members, admins signed in) and the operator CLI; the plugin's endpoints would be a
// second, unchecked door: an admin renaming the slug to anything (the namespace of pool ids and
// of the CLI's --org), inviting accounts of other organizations, and any member reading every
// member's email address (an admin-only list in Nexio). They answer 404.

const ORIGIN = "http://localhost:3000";
type Who = { cookie: string; userId: string };
let org: Awaited<ReturnType<typeof newOrg>>;
let other: Awaited<ReturnType<typeof newOrg>>;
let admin: Who;
let underwriter: Who;

async function signIn(organizationId: string, role: "admin" | "underwriter"): Promise<Who> {
  const { user, email, password } = await newUser(organizationId, role);
  const res = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  return {
    userId: user.id,
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  };
}

async function authCall(who: Who, path: string, body?: unknown) {
  const headers: Record<string, string> = { cookie: who.cookie, origin: ORIGIN };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await auth().handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  org = await newOrg("authep");
  other = await newOrg("authep-other");
  admin = await signIn(org.org.id, "admin");
  underwriter = await signIn(org.org.id, "underwriter");
}, 60_000);

describe("better-auth's organization endpoints", () => {
  it.each([
    ["admin renames the slug", () => authCall(admin, "/organization/update", { organizationId: org.org.id, data: { slug: "carriers" } })],
    [
      "admin sets a slug the CLI and pool ids cannot use",
      () => authCall(admin, "/organization/update", { organizationId: org.org.id, data: { slug: "Bad Slug/.." } }),
    ],
    [
      "admin renames the slug by another spelling of the path",
      () => authCall(admin, "/organization/%75pdate/", { organizationId: org.org.id, data: { slug: "carriers" } }),
    ],
    ["admin renames the organization", () => authCall(admin, "/organization/update", { organizationId: org.org.id, data: { name: "Renamed" } })],
    [
      "admin invites someone",
      () => authCall(admin, "/organization/invite-member", { organizationId: org.org.id, email: "someone@example.test", role: "admin" }),
    ],
    ["underwriter lists the members", () => authCall(underwriter, `/organization/list-members?organizationId=${org.org.id}`)],
    ["underwriter reads the full organization", () => authCall(underwriter, `/organization/get-full-organization?organizationId=${org.org.id}`)],
  ])("%s: 404", async (_label, run) => {
    const res = await run();
    expect(res.status, res.text).toBe(404);
    expect(res.text).not.toContain("@example.test");
  });

  it("leave the organization, its slug and its members as they were", async () => {
    const row = await testDb().organization.findUniqueOrThrow({ where: { id: org.org.id }, select: { slug: true, name: true } });
    expect(row).toEqual({ slug: org.org.slug, name: org.org.name });
    expect(await testDb().invitation.count({ where: { organizationId: org.org.id } })).toBe(0);
    // nor any other organization's (two random slugs could never be equal: compare the row)
    const otherRow = await testDb().organization.findUniqueOrThrow({ where: { id: other.org.id }, select: { slug: true, name: true } });
    expect(otherRow).toEqual({ slug: other.org.slug, name: other.org.name });
  });

  it("sign-in, the session and sign-out still work", async () => {
    const session = await authCall(underwriter, "/get-session");
    expect(session.status).toBe(200);
    expect(JSON.parse(session.text)).toMatchObject({ user: { id: underwriter.userId } });
    expect((await authCall(underwriter, "/sign-out", {})).status).toBe(200);
  });
});
