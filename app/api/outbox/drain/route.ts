/**
 * Retries staff notifications on request, for hosts where no process stays up to poll the outbox: a scheduler
 * (Vercel Cron, a systemd timer) calls it every few minutes with `Authorization: Bearer $OUTBOX_DRAIN_TOKEN`.
 * GET for Vercel Cron, POST for everything else. Answers with counts only, never a patient's details. A HEAD (a
 * link checker, a monitor) sends nothing: without a HEAD of its own, Next would answer it by running GET.
 */
import { holdsOperatorToken } from "@/lib/appointments/operator-token";
import { getAppointmentsRuntime } from "@/lib/appointments/runtime";
import { getServerEnv } from "@/lib/env";
import { errorCode, logEvent } from "@/lib/log";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

async function drain(request: Request): Promise<Response> {
  const token = getServerEnv().OUTBOX_DRAIN_TOKEN;
  // Without a token the endpoint does not exist: nobody can make the site send mail on demand.
  if (!token) return Response.json({ error: "not found" }, { status: 404, headers: NO_STORE });
  if (!holdsOperatorToken(request, token)) return Response.json({ error: "unauthorised" }, { status: 401, headers: NO_STORE });
  try {
    const { outbox } = await getAppointmentsRuntime();
    if (!outbox) return Response.json({ tried: 0, notifications: "off" }, { headers: NO_STORE });
    const tried = await outbox.deliverDue();
    return Response.json({ tried }, { headers: NO_STORE });
  } catch (error) {
    logEvent("error", "outbox.drain_failed", { error: errorCode(error) });
    return Response.json({ error: "the outbox could not be read" }, { status: 503, headers: NO_STORE });
  }
}

export const GET = drain;
export const POST = drain;

export function HEAD(): Response {
  return new Response(null, { status: 405, headers: { ...NO_STORE, Allow: "GET, POST" } });
}
