/**
 * Runs before every server action and every post that Next could take for one, and answers the posts Next would
 * answer with a bare 500 or a line of plain text (lib/security/server-action-post.ts says which). The patients'
 * side: a page that gives the clinic's phone number (lib/appointments/form-post-guard.ts). The staff inbox: a
 * line staff can act on, and any post that does not come from one of its own pages is refused (Next's own check
 * of server actions compares the Origin with the Host a client or proxy sent, and lets a post with no Origin
 * through; ours compares it with SITE_URL, and a browser always sends one). And an address that is not
 * validly percent-encoded, which Next's router answers with a bare 500, is not found.
 */
import { NextResponse, type NextRequest } from "next/server";
import { refusalPage, refuseFormPost } from "@/lib/appointments/form-post-guard";
import { getServerEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { APPOINTMENT_REQUEST_HREF } from "@/lib/routes";
import { STAFF_PATH } from "@/lib/staff/paths";
import { refuseStaffPost } from "@/lib/staff/post-guard";

const STAFF_RESPONSE_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

/** Whether the address is validly percent-encoded: Next answers one that is not with a bare 500 from its router. */
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * A post refused whose Origin is the very address it was sent to: most likely the inbox is used at an address
 * SITE_URL does not name (a server started on another port, a new domain), and every staff form will fail until
 * an operator sets it. Said once per refusal, without the address itself (it may be an attacker's).
 */
function warnIfSiteUrlLooksWrong(headers: Headers, siteUrl: string): void {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!origin || !host || origin === "null") return;
  if (URL.canParse(origin) && new URL(origin).host === host.toLowerCase()) {
    logEvent("warn", "staff.post_refused_site_url", {
      message: `A staff form was posted from the address it was sent to, which is not SITE_URL (${new URL(siteUrl).origin}): if staff use the inbox at another address, set SITE_URL to it.`,
    });
  }
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isStaff = pathname === STAFF_PATH || pathname.startsWith(`${STAFF_PATH}/`);
  if (!isDecodable(pathname)) {
    if (isStaff) return new NextResponse("Not found.", { status: 404, headers: STAFF_RESPONSE_HEADERS });
    // A mangled link: the site's own not-found page, with the clinic's number and the pages one may want.
    return NextResponse.rewrite(new URL("/_not-found", request.url));
  }
  if (request.method !== "POST") return NextResponse.next();
  if (isStaff) {
    const siteUrl = getServerEnv().SITE_URL;
    const refusal = await refuseStaffPost(request, siteUrl);
    if (!refusal) return NextResponse.next();
    if (refusal.status === 403) warnIfSiteUrlLooksWrong(request.headers, siteUrl);
    return new NextResponse(refusal.message, { status: refusal.status, headers: STAFF_RESPONSE_HEADERS });
  }
  const refusal = await refuseFormPost(request, { toFormPage: pathname === APPOINTMENT_REQUEST_HREF, siteUrl: getServerEnv().SITE_URL });
  if (!refusal) return NextResponse.next();
  return new NextResponse(refusalPage(refusal), {
    status: refusal.status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      ...(refusal.status === 405 ? { Allow: "GET, HEAD" } : {}),
    },
  });
}

export const config = {
  matcher: [
    "/request-appointment",
    "/staff",
    "/staff/:path*",
    // Any address with a percent sign: one that is not validly encoded.
    "/(.*%.*)",
    // Posts to any other page: a script's call to a server action names it in a header, and a form's post has a
    // body (Next tries to decode any multipart one). Route handlers under /api read their own posts.
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "content-type" }] },
  ],
};
