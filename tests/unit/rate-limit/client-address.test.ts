import { describe, expect, it } from "vitest";
import { clientAddressOf, SHARED_ADDRESS } from "@/lib/rate-limit/client-address";

const of = (forwardedFor?: string) => clientAddressOf(new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }));

describe("clientAddressOf", () => {
  it.each([
    ["an IPv4 address", "203.0.113.7", "203.0.113.7"],
    ["the first entry of a proxy chain", "203.0.113.7, 10.0.0.1, 70.41.3.18", "203.0.113.7"],
    ["surrounding spaces", "  198.51.100.20 ,10.0.0.1", "198.51.100.20"],
    ["an IPv4-mapped IPv6 address as IPv4 (next start on a dual-stack socket)", "::ffff:127.0.0.1", "127.0.0.1"],
    ["an IPv6 address as its /64", "2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3:8d3::/64"],
    ["two addresses of one /64 alike", "2001:db8:85a3:8d3::1", "2001:db8:85a3:8d3::/64"],
    ["a compressed IPv6 address", "2001:db8::1", "2001:db8:0:0::/64"],
    ["IPv6 loopback", "::1", "0:0:0:0::/64"],
    ["an IPv6 address with a zone id", "fe80::1%eth0", "fe80:0:0:0::/64"],
    ["an IPv6 address with a dotted IPv4 tail", "64:ff9b::192.0.2.33", "64:ff9b:0:0::/64"],
    ["no header: the shared bucket", undefined, SHARED_ADDRESS],
    ["an empty header", "", SHARED_ADDRESS],
    ["an empty first entry", " , 203.0.113.7", SHARED_ADDRESS],
    ["a host name", "example.com", SHARED_ADDRESS],
    ["an address with a port", "203.0.113.7:5555", SHARED_ADDRESS],
    ["garbage", "../../etc/passwd", SHARED_ADDRESS],
    ["IPv4 with leading zeros", "010.0.0.1", SHARED_ADDRESS],
  ])("%s", (_, header, expected) => {
    expect(of(header)).toBe(expected);
  });

  it("tells different IPv6 networks apart", () => {
    expect(of("2001:db8:1:1::1")).not.toBe(of("2001:db8:1:2::1"));
  });
});
