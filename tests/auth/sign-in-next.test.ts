import { beforeEach, describe, expect, it, vi } from "vitest";
import { isValidElement, type ReactElement, type ReactNode } from "react";

// The sign-in page's `next`: followed after sign-in (and at once when already signed in) only
// when the browser would read it as a path on this site. Everything else goes to /jobs.

const session = vi.hoisted(() => ({ signedIn: false }));
vi.mock("@/lib/auth/session", () => ({ optionalSession: async () => (session.signedIn ? { organizationId: "org" } : null) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
  useRouter: () => ({}),
}));
vi.mock("@/lib/auth/client", () => ({ authClient: {} }));

const { default: SignInPage } = await import("@/app/sign-in/page");
const { SignInForm } = await import("@/components/sign-in-form");

function formNext(node: ReactNode): string | undefined {
  if (Array.isArray(node)) return node.map(formNext).find((n) => n !== undefined);
  if (!isValidElement(node)) return undefined;
  const el = node as ReactElement<{ next?: string; children?: ReactNode }>;
  return el.type === SignInForm ? el.props.next : formNext(el.props.children);
}

async function targetOf(next: string | string[] | undefined) {
  const page = await SignInPage({ searchParams: Promise.resolve(next === undefined ? {} : { next }) });
  return formNext(page);
}

async function redirectOf(next: string) {
  session.signedIn = true;
  try {
    await SignInPage({ searchParams: Promise.resolve({ next }) });
  } catch (err) {
    return (err as { to?: string }).to;
  } finally {
    session.signedIn = false;
  }
  return undefined;
}

describe("sign-in next", () => {
  beforeEach(() => void (session.signedIn = false));

  it.each([
    ["/jobs/new", "/jobs/new"],
    ["/traces/eval_abcdefgh?x=1#top", "/traces/eval_abcdefgh?x=1#top"],
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"], // encoded slashes stay a path
  ])("follows the same-site path %j", async (next, want) => {
    expect(await targetOf(next)).toBe(want);
  });

  it.each([
    "//evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "/\\/evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    " //evil.com",
    "https://evil.com",
    "javascript:alert(1)",
    "evil.com",
    "",
  ])("refuses %j", async (next) => {
    expect(await targetOf(next)).toBe("/jobs");
    expect(await redirectOf(next)).toBe("/jobs");
  });

  it("refuses a repeated next instead of failing", async () => {
    expect(await targetOf(["/jobs/new", "//evil.com"])).toBe("/jobs");
  });
});
