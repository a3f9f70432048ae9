/** GET /api/health: for uptime monitors and load balancers (see README, "Running it in production"). */
import { createHealthCheck } from "@/lib/appointments/health";
import { holdsOperatorToken } from "@/lib/appointments/operator-token";
import { getAppointmentsRuntime } from "@/lib/appointments/runtime";
import { getServerEnv } from "@/lib/env";
import { servedRelease } from "@/lib/release";

// Asked per request: Next must not turn the answer into a static file. The check keeps its own answer two seconds.
export const dynamic = "force-dynamic";

const checkHealth = createHealthCheck(async () => (await getAppointmentsRuntime()).store);

export async function GET(request: Request) {
  const detailed = holdsOperatorToken(request, getServerEnv().OUTBOX_DRAIN_TOKEN);
  const { httpStatus, report } = await checkHealth({ detailed });
  // The commit served (public, like the repository's history): the release supervisor waits for it before a
  // switch, and the editor shows "live since …".
  return Response.json({ ...report, release: servedRelease }, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
