/**
 * OUTBOX_DRAIN_TOKEN, the operator's bearer token: it lets a scheduler drain the outbox (app/api/outbox/drain) and
 * a monitor read the health check's reasons and counts (app/api/health). Compared in constant time.
 */
import { timingSafeEqual } from "node:crypto";

/** Whether `request` carries `Authorization: Bearer <token>`; never true when no token is set. */
export function holdsOperatorToken(request: Request, token: string | undefined): boolean {
  if (!token) return false;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
