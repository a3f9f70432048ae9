/**
 * Runs before the appointment form's server action and before every post to the staff inbox. The form: refuses,
 * with a page that gives the clinic's phone number, the posts Next would otherwise answer with a bare 500 (too
 * large, or from another website). The inbox: refuses any post that does not come from one of its own pages at
 * SITE_URL (Next's own check of server actions compares the Origin with the Host a client or proxy sent, and lets
 * a post with no Origin through; a browser always sends one).
 */
import { NextResponse, type NextRequest } from "next/server";
import { refusalPage, refuseFormPost } from "@/lib/appointments/form-post-guard";
import { getServerEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { STAFF_PATH } from "@/lib/staff/paths";
import { isSameOriginPost } from "@/lib/staff/same-origin";

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
  if (isStaff && !isDecodable(pathname)) return new NextResponse("Not found.", { status: 404, headers: STAFF_RESPONSE_HEADERS });
  if (request.method !== "POST") return NextResponse.next();
  if (isStaff) {
    const siteUrl = getServerEnv().SITE_URL;
    if (isSameOriginPost(request.headers, siteUrl)) return NextResponse.next();
    warnIfSiteUrlLooksWrong(request.headers, siteUrl);
    return new NextResponse("Refused: this form can only be sent from the staff inbox's own pages.", { status: 403, headers: STAFF_RESPONSE_HEADERS });
  }
  const refusal = await refuseFormPost(request.headers, async () => (await request.clone().arrayBuffer()).byteLength);
  if (!refusal) return NextResponse.next();
  return new NextResponse(refusalPage(refusal), {
    status: refusal.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export const config = { matcher: ["/request-appointment", "/staff", "/staff/:path*"] };
