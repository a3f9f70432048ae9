import { describe, expect, it } from "vitest";
import { isSameOriginPost, requestHost } from "@/lib/security/same-origin";

const post = (headers: Record<string, string>) => isSameOriginPost(new Headers(headers));

describe("which posts the admins' CSV downloads accept", () => {
  it("accepts a post from a page of the site itself, directly or behind a proxy", () => {
    expect(post({ origin: "https://clinic.example", host: "clinic.example" })).toBe(true);
    expect(post({ origin: "http://localhost:3470", host: "localhost:3470", "sec-fetch-site": "same-origin" })).toBe(true);
    // nginx on 443 forwards to Node on 3000: the browser's host is in X-Forwarded-Host, first of a list.
    expect(post({ origin: "https://clinic.example", host: "127.0.0.1:3000", "x-forwarded-host": "clinic.example" })).toBe(true);
    expect(post({ origin: "https://clinic.example", host: "127.0.0.1:3000", "x-forwarded-host": "clinic.example, inner.proxy" })).toBe(true);
    expect(post({ origin: "https://Clinic.Example", host: "CLINIC.example" })).toBe(true);
  });

  it("refuses a cross-site form post", () => {
    expect(post({ origin: "https://attacker.example", host: "clinic.example" })).toBe(false);
    expect(post({ origin: "https://attacker.example", host: "127.0.0.1:3000", "x-forwarded-host": "clinic.example" })).toBe(false);
    // A look-alike host, another port, a sub-domain: not this site.
    expect(post({ origin: "https://clinic.example.attacker.example", host: "clinic.example" })).toBe(false);
    expect(post({ origin: "https://clinic.example:8443", host: "clinic.example" })).toBe(false);
    expect(post({ origin: "https://staff.clinic.example", host: "clinic.example" })).toBe(false);
  });

  it("prefers X-Forwarded-Host to Host, as Next does: a matching Host behind a proxy is not enough", () => {
    expect(post({ origin: "https://127.0.0.1:3000", host: "127.0.0.1:3000", "x-forwarded-host": "clinic.example" })).toBe(false);
    expect(requestHost(new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": " clinic.example , other" }))).toBe("clinic.example");
    expect(requestHost(new Headers({ host: "clinic.example" }))).toBe("clinic.example");
  });

  it("refuses a post that names no origin, names it as null or as something that is not a web address", () => {
    expect(post({ host: "clinic.example" })).toBe(false);
    expect(post({ origin: "null", host: "clinic.example" })).toBe(false);
    expect(post({ origin: "", host: "clinic.example" })).toBe(false);
    expect(post({ origin: "not a url", host: "clinic.example" })).toBe(false);
    expect(post({ origin: "file://clinic.example", host: "clinic.example" })).toBe(false);
  });

  it("refuses a post without a host to compare with", () => {
    expect(post({ origin: "https://clinic.example" })).toBe(false);
  });

  it("believes the browser when it says the post comes from another site, whatever the headers a proxy rewrote", () => {
    expect(post({ origin: "https://clinic.example", host: "clinic.example", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(post({ origin: "https://clinic.example", host: "clinic.example", "sec-fetch-site": "same-site" })).toBe(false);
  });
});
