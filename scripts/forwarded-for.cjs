// Preloaded into `next start` (node --require) by scripts/start.ts, before Next.js creates its
// server: X-Forwarded-For is believed only from TRUSTED_PROXIES.
//
// Next.js sets X-Forwarded-For to the socket's address only when the request has none, so without
// this any client could name its own address and get a fresh per-address sign-in budget with every
// request. Here every request's header is rewritten: its last entry is always the socket's peer,
// and the entries before it are kept only when that peer is a trusted proxy. better-auth (reading
// from the right, skipping TRUSTED_PROXIES) and lib/api/client-address.ts then agree on the client.
"use strict";
const http = require("node:http");
const ipaddr = require("ipaddr.js");

function normalize(ip) {
  if (!ip || !ipaddr.isValid(ip)) return ip || "";
  const addr = ipaddr.parse(ip);
  return addr.kind() === "ipv6" && addr.isIPv4MappedAddress() ? addr.toIPv4Address().toString() : addr.toString();
}

function parseTrusted(text) {
  return String(text || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => (entry.includes("/") ? ipaddr.parseCIDR(entry) : ipaddr.parse(entry)));
}

function isTrusted(ip, trusted) {
  if (!ipaddr.isValid(ip)) return false;
  const addr = ipaddr.parse(ip);
  return trusted.some((t) => {
    if (Array.isArray(t)) return t[0].kind() === addr.kind() && addr.match(t);
    return t.kind() === addr.kind() && t.toNormalizedString() === addr.toNormalizedString();
  });
}

/** The header to pass on: the peer alone, or (from a trusted proxy) what it sent plus the peer. */
function forwardedChain(given, peer, trusted) {
  const p = normalize(peer);
  const value = Array.isArray(given) ? given.join(", ") : given;
  if (!value || !isTrusted(p, trusted)) return p;
  return `${value}, ${p}`;
}

function install(trustedText) {
  const trusted = parseTrusted(trustedText);
  const emit = http.Server.prototype.emit;
  if (emit.__nexioForwardedFor) return;
  const patched = function (event, req, ...rest) {
    if ((event === "request" || event === "upgrade") && req && req.headers && req.socket) {
      req.headers["x-forwarded-for"] = forwardedChain(req.headers["x-forwarded-for"], req.socket.remoteAddress, trusted);
    }
    return emit.call(this, event, req, ...rest);
  };
  patched.__nexioForwardedFor = true;
  http.Server.prototype.emit = patched;
}

module.exports = { forwardedChain, parseTrusted, install };
if (process.env.NEXIO_FORWARDED_FOR_PRELOAD === "1") install(process.env.TRUSTED_PROXIES);
