// The client address that per-IP limits count, from the request's headers.
//
// Why x-forwarded-for's first entry: on Vercel (where this app is deployed) the platform sets
// `x-forwarded-for` and `x-real-ip` to the address the connection came from and overwrites whatever
// the client sent, so the first entry is the client's and cannot be forged. `next start` on its own
// fills x-forwarded-for from the socket only when the request has none: a server of your own must
// sit behind a proxy that overwrites it, or a client can pick its own bucket (the per-account limits
// do not depend on the address). Without a usable address the request goes to one shared bucket
// (SHARED_ADDRESS), never to no limit at all.
import { isIPv4, isIPv6 } from "node:net";

/** The bucket of requests without a usable client address. */
export const SHARED_ADDRESS = "unknown";

/**
 * "203.0.113.7" for IPv4 (and IPv4-mapped IPv6), "2001:db8:1:2::/64" for IPv6: one host usually holds
 * a whole /64, so counting single IPv6 addresses would give it 2^64 buckets. SHARED_ADDRESS otherwise.
 */
export function clientAddressOf(headers: Headers): string {
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  if (isIPv4(first)) return first;
  if (!isIPv6(first)) return SHARED_ADDRESS;
  const groups = ipv6Groups(first);
  const mappedV4 = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mappedV4) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address ("::" expanded, a dotted IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address.split("%")[0]!; // a zone id ("fe80::1%eth0") names an interface, not a host
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(":") : []);
  const groups =
    tail === undefined ? part(head) : [...part(head), ...Array<string>(8 - part(head).length - part(tail).length).fill("0"), ...part(tail)];
  return groups.map((g) => parseInt(g, 16));
}
