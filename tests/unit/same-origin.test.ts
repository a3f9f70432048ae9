import { describe, expect, it } from "vitest";
import { isOwnNavigation, isSameOriginPost } from "@/lib/security/same-origin";

const SITE_URL = "https://clinic.example";
const post = (headers: Record<string, string>, siteUrl = SITE_URL) => isSameOriginPost(new Headers(headers), siteUrl);
const navigation = (headers: Record<string, string>, siteUrl = SITE_URL) => isOwnNavigation(new Headers(headers), siteUrl);

describe("which posts the inbox accepts (its actions and the admins' CSV downloads)", () => {
  it("accepts a post from a page of the site at SITE_URL, whatever Host a proxy in front passes on", () => {
    expect(post({ origin: "https://clinic.example", host: "clinic.example" })).toBe(true);
    expect(post({ origin: "http://localhost:3470", "sec-fetch-site": "same-origin" }, "http://localhost:3470")).toBe(true);
    // nginx on 443 forwards to Node on 3000, with or without X-Forwarded-Host: SITE_URL says where staff are.
    expect(post({ origin: "https://clinic.example", host: "127.0.0.1:3000" })).toBe(true);
    expect(post({ origin: "https://clinic.example", host: "127.0.0.1:3000", "x-forwarded-host": "inner.proxy" })).toBe(true);
    expect(post({ origin: "https://Clinic.Example" })).toBe(true);
    // SITE_URL with a path of its own (a site served under /clinic): the origin is what a browser names.
    expect(post({ origin: "https://clinic.example" }, "https://clinic.example/clinic")).toBe(true);
  });

  it("refuses a post whose Origin matches the Host it was sent with but not SITE_URL (a rebound name, a proxy passing any Host)", () => {
    expect(post({ origin: "https://attacker.example", host: "attacker.example" })).toBe(false);
    expect(post({ origin: "https://attacker.example", host: "127.0.0.1:3000", "x-forwarded-host": "attacker.example" })).toBe(false);
    expect(post({ origin: "http://clinic.example", host: "clinic.example" })).toBe(false);
  });

  it("refuses a cross-site form post", () => {
    expect(post({ origin: "https://attacker.example", host: "clinic.example" })).toBe(false);
    // A look-alike host, another port, a sub-domain: not this site.
    expect(post({ origin: "https://clinic.example.attacker.example" })).toBe(false);
    expect(post({ origin: "https://clinic.example:8443" })).toBe(false);
    expect(post({ origin: "https://staff.clinic.example" })).toBe(false);
  });

  it("refuses a post that names no origin, names it as null or as something that is not a web address", () => {
    expect(post({ host: "clinic.example" })).toBe(false);
    expect(post({ origin: "null", host: "clinic.example" })).toBe(false);
    expect(post({ origin: "", host: "clinic.example" })).toBe(false);
    expect(post({ origin: "not a url", host: "clinic.example" })).toBe(false);
    expect(post({ origin: "file://clinic.example", host: "clinic.example" })).toBe(false);
  });

  it("believes the browser when it says the post comes from another site", () => {
    expect(post({ origin: "https://clinic.example", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(post({ origin: "https://clinic.example", "sec-fetch-site": "same-site" })).toBe(false);
  });
});

describe("which page visits may open a patient's details or write the audit log", () => {
  it("a link or form on the inbox's own pages, or an address the person typed, bookmarked or opened from a mail app", () => {
    expect(navigation({ "sec-fetch-site": "same-origin" })).toBe(true);
    expect(navigation({ "sec-fetch-site": "none" })).toBe(true);
  });

  it("not a link followed, or a page opened, from another website, nor from a sibling sub-domain", () => {
    expect(navigation({ "sec-fetch-site": "cross-site" })).toBe(false);
    expect(navigation({ "sec-fetch-site": "same-site" })).toBe(false);
    // The browser's word wins over a referrer: a page elsewhere cannot make the browser say same-origin.
    expect(navigation({ "sec-fetch-site": "cross-site", referer: "https://clinic.example/staff/requests" })).toBe(false);
  });

  it("from a browser that sends no Sec-Fetch-Site: only with a referrer from the site itself", () => {
    expect(navigation({ referer: "https://clinic.example/staff/requests" })).toBe(true);
    // A page elsewhere can withhold its referrer, or send its own, but never the inbox's.
    expect(navigation({})).toBe(false);
    expect(navigation({ referer: "https://attacker.example/staff/requests" })).toBe(false);
    expect(navigation({ referer: "https://clinic.example.attacker.example/" })).toBe(false);
    expect(navigation({ referer: "not a url" })).toBe(false);
    // A form post names its origin.
    expect(navigation({ origin: "https://clinic.example" })).toBe(true);
    expect(navigation({ origin: "https://attacker.example", referer: "https://clinic.example/staff/requests" })).toBe(false);
    expect(navigation({ origin: "null", referer: "https://clinic.example/staff/requests" })).toBe(false);
  });
});
