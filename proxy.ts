/**
 * Runs before the appointment form's server action: refuses, with a page that gives the clinic's phone number,
 * the posts Next would otherwise answer with a bare 500 (too large, or from another website).
 */
import { NextResponse, type NextRequest } from "next/server";
import { refusalPage, refuseFormPost } from "@/lib/appointments/form-post-guard";

export async function proxy(request: NextRequest) {
  if (request.method !== "POST") return NextResponse.next();
  const refusal = await refuseFormPost(request.headers, async () => (await request.clone().arrayBuffer()).byteLength);
  if (!refusal) return NextResponse.next();
  return new NextResponse(refusalPage(refusal), {
    status: refusal.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export const config = { matcher: "/request-appointment" };
