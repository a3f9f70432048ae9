/**
 * Runs before the appointment form's server action and before every post to the staff inbox. The form: refuses,
 * with a page that gives the clinic's phone number, the posts Next would otherwise answer with a bare 500 (too
 * large, or from another website). The inbox: refuses any post that does not come from one of its own pages
 * (Next's own check of server actions lets a post with no Origin through; a browser always sends one).
 */
import { NextResponse, type NextRequest } from "next/server";
import { refusalPage, refuseFormPost } from "@/lib/appointments/form-post-guard";
import { STAFF_PATH } from "@/lib/staff/paths";
import { isSameOriginPost } from "@/lib/security/same-origin";

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

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isStaff = pathname === STAFF_PATH || pathname.startsWith(`${STAFF_PATH}/`);
  if (isStaff && !isDecodable(pathname)) return new NextResponse("Not found.", { status: 404, headers: STAFF_RESPONSE_HEADERS });
  if (request.method !== "POST") return NextResponse.next();
  if (isStaff) {
    if (isSameOriginPost(request.headers)) return NextResponse.next();
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
