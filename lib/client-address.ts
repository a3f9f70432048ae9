/**
 * Which client sent a request, as far as the site can trust it: the key the rate limits count by.
 *
 * `X-Forwarded-For` is a list each proxy appends to, so only its right end is written by proxies we run; anything
 * to the left of them came from the client and may be made up. We take the address `trustedProxies` hops from
 * the right. Next fills the header from the socket when a request arrives without one, so with no proxy in front
 * the list holds just the caller's own address.
 */
import { isIPv4 } from "node:net";

/** One key for everything that is not an address: garbage cannot be rotated to dodge a limit. */
export const UNPARSEABLE_ADDRESS = "unparseable";

/** The entry `trustedProxies` hops from the right of an X-Forwarded-For header (the leftmost if it is shorter). */
export function forwardedClientEntry(forwardedFor: string | null | undefined, trustedProxies: number): string | undefined {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - trustedProxies)];
}

/** Strips what proxies may add around an address: quotes, `[...]` brackets, a port, an IPv6 zone. */
function bareAddress(entry: string): string {
  const unquoted = entry.replace(/^"(.*)"$/, "$1");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(unquoted);
  if (bracketed) return bracketed[1]!;
  // "1.2.3.4:5678": one colon means IPv4 with a port; IPv6 has at least two.
  if (/^[^:]+:\d+$/.test(unquoted)) return unquoted.slice(0, unquoted.lastIndexOf(":"));
  return unquoted;
}

/** The WHATWG URL parser knows every spelling of an address (leading zeros, `::ffff:7f00:1`) and writes one. */
function canonicalHost(host: string): string | undefined {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

/** The eight 16-bit groups of a canonical IPv6 address (as `URL` writes it: lower case, `::` compressed). */
function ipv6Groups(canonical: string): number[] {
  const [head = "", tail = ""] = canonical.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const [left, right] = [parse(head), parse(tail)];
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The rate-limit key of an address: IPv4 as one dotted quad however it was written (IPv4-mapped IPv6 included);
 * IPv6 by its /64, the block one home or phone is given, so rotating within it does not make a new client.
 */
export function clientAddressKey(entry: string | undefined): string {
  if (!entry) return UNPARSEABLE_ADDRESS;
  const bare = bareAddress(entry.trim()).replace(/%.*$/, "");
  if (!bare.includes(":")) {
    const canonical = canonicalHost(bare);
    return canonical && isIPv4(canonical) ? canonical : UNPARSEABLE_ADDRESS;
  }
  const canonical = canonicalHost(`[${bare}]`)?.slice(1, -1);
  if (!canonical) return UNPARSEABLE_ADDRESS;
  const groups = ipv6Groups(canonical);
  const isIpv4Mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (isIpv4Mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`;
}

/** The rate-limit key of the client that sent a request with this X-Forwarded-For header. */
export function clientAddressFromForwardedFor(forwardedFor: string | null | undefined, trustedProxies: number): string {
  return clientAddressKey(forwardedClientEntry(forwardedFor, trustedProxies));
}
