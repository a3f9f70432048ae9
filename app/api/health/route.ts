/** GET /api/health: for uptime monitors and load balancers (see README, "Running it in production"). */
import { checkHealth } from "@/lib/appointments/health";
import { getAppointmentsRuntime } from "@/lib/appointments/runtime";

// Asked fresh every time: a cached "ok" would hide a database that has just gone away.
export const dynamic = "force-dynamic";

export async function GET() {
  const { httpStatus, report } = await checkHealth(async () => (await getAppointmentsRuntime()).store);
  return Response.json(report, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
