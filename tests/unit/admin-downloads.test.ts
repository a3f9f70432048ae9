// @vitest-environment node
/**
 * The route handlers behind "Download all requests (CSV)" and "Export the audit log (CSV)": who gets the file, who
 * gets a 403, and who is sent to sign in. The session and the exports are stand-ins here; the Origin check is real.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ current: undefined as undefined | { user: { role: "admin" | "staff" } }, refusals: vi.fn() }));
const exports = vi.hoisted(() => ({ requests: vi.fn(), audit: vi.fn() }));

vi.mock("@/lib/staff/session", () => ({
  currentStaff: async () => (session.current ? { ...session.current, context: { env: { TIME_ZONE: "America/Chicago" } } } : undefined),
  signInPath: ({ returnTo }: { returnTo: string }) => `/staff/sign-in?next=${encodeURIComponent(returnTo)}`,
  recordAdminRefusal: session.refusals,
}));
vi.mock("@/lib/staff/inbox", async (original) => ({ ...(await original()), exportRequestsCsv: exports.requests }));
vi.mock("@/lib/staff/audit-log", async (original) => ({ ...(await original()), exportAuditCsv: exports.audit }));

const SITE = "https://clinic.example";
// The site's address as the server has it: the Origin check compares with SITE_URL, never with the Host.
vi.stubEnv("SITE_URL", SITE);

const { POST: postRequestsExport } = await import("@/app/staff/export/requests/route");
const { POST: postAuditExport } = await import("@/app/staff/export/audit/route");

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

function post(path: string, headers: Record<string, string>, body = form({})): Request {
  return new Request(`http://127.0.0.1:3000${path}`, { method: "POST", headers: { host: "clinic.example", ...headers }, body });
}

beforeEach(() => {
  session.current = undefined;
  session.refusals.mockReset();
  exports.requests.mockReset().mockResolvedValue({ csv: "\uFEFFreference\r\nMS-7K2P9QX4\r\n", count: 1 });
  exports.audit.mockReset().mockResolvedValue({ csv: "\uFEFFtime\r\n", count: 0 });
});

describe.each([
  ["/staff/export/requests", postRequestsExport, exports.requests],
  ["/staff/export/audit", postAuditExport, exports.audit],
] as const)("POST %s", (path, handler, exportCsv) => {
  it("gives a signed-in admin the file, from a page of the site", async () => {
    session.current = { user: { role: "admin" } };
    const response = await handler(post(path, { origin: SITE }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="mocek-spine-[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(exportCsv).toHaveBeenCalledOnce();
  });

  it("refuses a cross-site post, or one with no Origin, with a bare 403, even for a signed-in admin", async () => {
    session.current = { user: { role: "admin" } };
    const refused: Record<string, string>[] = [
      { origin: "https://attacker.example" },
      {},
      { origin: "null" },
      { origin: SITE, "sec-fetch-site": "cross-site" },
      // Another name for this server (rebound to it, or passed on by a proxy): the Host agrees, SITE_URL does not.
      { origin: "https://attacker.example", host: "attacker.example" },
    ];
    for (const headers of refused) {
      const response = await handler(post(path, headers));
      expect(response.status).toBe(403);
      expect(await response.text()).toBe("");
    }
    expect(exportCsv).not.toHaveBeenCalled();
  });

  it("refuses a signed-in staff member who is not an admin with a bare 403, and has the refusal audited", async () => {
    session.current = { user: { role: "staff" } };
    const response = await handler(post(path, { origin: SITE }));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("");
    expect(exportCsv).not.toHaveBeenCalled();
    expect(session.refusals).toHaveBeenCalledWith(expect.objectContaining({ user: { role: "staff" } }), expect.stringMatching(/^export .* \(CSV\)$/));
  });

  it("sends a signed-out visitor to sign in (a 303: the browser follows with a GET)", async () => {
    const response = await handler(post(path, { origin: SITE }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/staff\/sign-in\?next=/);
    expect(exportCsv).not.toHaveBeenCalled();
  });
});

it("exports the audit log with the page's person and reference filter", async () => {
  session.current = { user: { role: "admin" } };
  await postAuditExport(post("/staff/export/audit", { origin: SITE }, form({ actor: "command-line", reference: "7k2p9qx4", before: "40" })));
  expect(exports.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ actor: "command-line", reference: "MS-7K2P9QX4" }));
});
