/** GET /api/health: for uptime monitors and load balancers (see README, "Running it in production"). */
import { checkHealth } from "@/lib/appointments/health";
import { getAppointmentsRuntime } from "@/lib/appointments/runtime";
import { servedRelease } from "@/lib/release";

// Asked fresh every time: a cached "ok" would hide a database that has just gone away.
export const dynamic = "force-dynamic";

export async function GET() {
  const { httpStatus, report } = await checkHealth(async () => (await getAppointmentsRuntime()).store);
  // The commit served: the release supervisor waits for it before a switch, and the editor shows "live since …".
  return Response.json({ ...report, release: servedRelease }, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
