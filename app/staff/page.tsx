import { redirect } from "next/navigation";
import { STAFF_REQUESTS_PATH } from "@/lib/staff/paths";

// Answered on each request, like every other /staff address, with the same headers (not prerendered).
export const dynamic = "force-dynamic";

export default function StaffHome(): never {
  redirect(STAFF_REQUESTS_PATH);
}
