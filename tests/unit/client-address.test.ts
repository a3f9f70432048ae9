import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientAddressFromForwardedFor, clientAddressKey, UNPARSEABLE_ADDRESS } from "@/lib/client-address";

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
const hex = (group: number) => group.toString(16);

describe("the client address the rate limits count by", () => {
  it("is read from the right of X-Forwarded-For, where the proxies we run write, not the left, where a client can", () => {
    expect(clientAddressFromForwardedFor("203.0.113.7", 1)).toBe("203.0.113.7");
    // nginx's $proxy_add_x_forwarded_for keeps what the client sent and appends what it saw.
    expect(clientAddressFromForwardedFor("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    // Two proxies (a CDN, then nginx): the client is the second from the right.
    expect(clientAddressFromForwardedFor("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddressFromForwardedFor("203.0.113.7", 3)).toBe("203.0.113.7");
  });

  it("cannot be changed by a client that writes anything it likes to the left", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 5 }), ipv4, (spoofed, [a, b, c, d]) => {
        const real = `${a}.${b}.${c}.${d}`;
        const header = [...spoofed.map((entry) => entry.replace(/,/g, "")), real].join(", ");
        expect(clientAddressFromForwardedFor(header, 1)).toBe(real);
      }),
      { numRuns: 300 },
    );
  });

  it("writes every spelling of one IPv4 address the same, IPv4-mapped IPv6 included", () => {
    const spellings = [
      "127.0.0.1",
      " 127.0.0.1 ",
      "127.000.000.001",
      "127.0.0.1:8080",
      "::ffff:127.0.0.1",
      "::FFFF:7f00:1",
      "0:0:0:0:0:ffff:7f00:1",
      "[::ffff:127.0.0.1]:443",
    ];
    expect(new Set(spellings.map(clientAddressKey))).toEqual(new Set(["127.0.0.1"]));
    fc.assert(
      fc.property(ipv4, ([a, b, c, d]) => {
        const dotted = `${a}.${b}.${c}.${d}`;
        const mapped = `::ffff:${hex((a << 8) | b)}:${hex((c << 8) | d)}`;
        expect(clientAddressKey(mapped)).toBe(dotted);
        expect(clientAddressKey(`[::ffff:${dotted}]:1234`)).toBe(dotted);
      }),
      { numRuns: 300 },
    );
  });

  it("counts IPv6 by its /64, so rotating addresses within one home's or phone's block is still one client", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }), fc.array(fc.nat(0xffff), { minLength: 4, maxLength: 4 }), (address, otherInterface) => {
        const rotated = [...address.slice(0, 4), ...otherInterface];
        // Mapped IPv4 is an IPv4 client, not a /64.
        fc.pre(!(address.slice(0, 5).every((group) => group === 0) && address[5] === 0xffff));
        expect(clientAddressKey(rotated.map(hex).join(":"))).toBe(clientAddressKey(address.map(hex).join(":")));
        expect(clientAddressKey(address.map(hex).join(":"))).toMatch(/::\/64$/);
      }),
      { numRuns: 300 },
    );
    expect(clientAddressKey("2001:db8:1:2::1")).not.toBe(clientAddressKey("2001:db8:1:3::1"));
  });

  it("puts everything that is not an address in one bucket, so garbage cannot be rotated either", () => {
    for (const garbage of ["", "unknown", "999.1.1.1", "not an address", "1.2.3.4.5", "[::1", "::g"]) {
      expect(clientAddressKey(garbage)).toBe(UNPARSEABLE_ADDRESS);
    }
    expect(clientAddressFromForwardedFor(null, 1)).toBe(UNPARSEABLE_ADDRESS);
  });
});
