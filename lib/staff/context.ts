/**
 * What every staff action works with: Better Auth, the store and the keys. The server builds one per process
 * (./auth.ts); the command-line tool builds its own (scripts/staff.ts), without Next.
 */
import type { DerivedKeys } from "@/lib/appointments/crypto";
import type { AppointmentStore } from "@/lib/appointments/store";
import type { ServerEnv } from "@/lib/env";
import type { AuditContext } from "./audit";
import type { StaffAuth } from "./auth-config";

export interface StaffContext {
  auth: StaffAuth;
  store: AppointmentStore;
  keys: DerivedKeys;
  env: Pick<ServerEnv, "SITE_URL" | "TIME_ZONE" | "STAFF_IDLE_MINUTES" | "TRUSTED_PROXIES">;
  now?: () => Date;
}

/** The time now, by the context's clock (tests set one; the server has none and uses the real time). */
export function timeNow(context: Pick<StaffContext, "now">): Date {
  return context.now?.() ?? new Date();
}

export function auditContext(context: StaffContext): AuditContext {
  return { store: context.store, ipHashKey: context.keys.ipHash, now: context.now };
}
