/**
 * Five failed sign-ins lock an account for 15 minutes, and the same for an address: a guesser is stopped whether
 * they try many passwords on one account or one password on many. Each attempt counts as failed before its password
 * or code is checked and is taken back only once it turns out right, so guesses sent all at once are refused past
 * the fifth rather than all checked. Counted in the database, so every server sees the same count. Keys are hashes:
 * the table never holds an email or an address.
 */
import { hashIp, keyedHash } from "@/lib/appointments/crypto";
import { timeNow, type StaffContext } from "./context";

export const MAX_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
const WINDOW_MS = LOCKOUT_MINUTES * 60 * 1000;

export interface LockoutKeys {
  account: string;
  address: string;
}

export function lockoutKeys(context: StaffContext, email: string, clientAddress: string): LockoutKeys {
  return {
    account: `account:${keyedHash(context.keys.ipHash, `staff-email:${email.trim().toLowerCase()}`)}`,
    address: `address:${hashIp(context.keys.ipHash, clientAddress)}`,
  };
}

/** Counts an attempt as failed before it is checked; undefined when the account or the address is locked. */
export async function beginAttempt(context: StaffContext, keys: LockoutKeys): Promise<string | undefined> {
  return context.store.reserveSignInAttempt([keys.account, keys.address], timeNow(context).getTime(), WINDOW_MS, MAX_FAILURES);
}

/** An attempt that failed nothing (a right password, a completed sign-in, nothing checked): it counts for nothing. */
export async function releaseAttempt(context: StaffContext, attemptId: string): Promise<void> {
  await context.store.releaseSignInAttempt(attemptId);
}

export async function isLockedOut(context: StaffContext, keys: LockoutKeys): Promise<boolean> {
  const since = timeNow(context).getTime() - WINDOW_MS;
  const [account, address] = await Promise.all([
    context.store.countSignInFailures(keys.account, since),
    context.store.countSignInFailures(keys.address, since),
  ]);
  return account >= MAX_FAILURES || address >= MAX_FAILURES;
}

/** After a complete sign-in: the account's count starts again (the address's stays, so one success does not reopen guessing). */
export async function clearAccountFailures(context: StaffContext, keys: LockoutKeys): Promise<void> {
  await context.store.clearSignInFailures(keys.account);
}
