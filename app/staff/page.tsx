import { redirect } from "next/navigation";
import { STAFF_REQUESTS_PATH } from "@/lib/staff/paths";

export default function StaffHome(): never {
  redirect(STAFF_REQUESTS_PATH);
}
