import { setDefaultLookup } from "@/lib/webhooks/ssrf";

// No test asks the real DNS (slow, or hanging until the submission timeout, on a machine without
// a network; different answers on a machine with one). Every hostname a test does not resolve
// itself, with its own `lookup`, is unknown here: submission accepts it and delivery fails it with
// "dns: could not resolve …" — the same every run, and nothing leaves the machine.
export function installTestResolver() {
  setDefaultLookup(async (hostname) => {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (tests use no real DNS)`), { code: "ENOTFOUND" });
  });
}

installTestResolver();
