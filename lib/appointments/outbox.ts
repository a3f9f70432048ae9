/**
 * Delivers staff notifications from the outbox: at least once, with exponential backoff while the mail server
 * is down, and a dead-letter state after repeated failures. The request itself is already safe in the store.
 */
import { errorCode, logEvent } from "@/lib/log";
import { buildStaffNotification, type NotificationSettings, type StaffNotification } from "./notification";
import type { AppointmentStore, OutboxMessage } from "./store";

export type SendNotification = (notification: StaffNotification & { messageId: string }) => Promise<void>;

export interface OutboxOptions {
  /** Delay after the first failure; doubles after each further failure. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a message is marked dead for staff to look into. */
  maxAttempts: number;
  /** How often to look for due messages when nothing nudges the worker. */
  pollMs: number;
  /**
   * How long a claimed message is held for this sender: longer than a send can take, so no other server or drain
   * call sends it meanwhile; a sender that dies while holding one leaves it to be retried after this.
   */
  leaseMs: number;
  /** Where the email's link points and which time zone it uses. */
  notification: NotificationSettings;
  now?: () => Date;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = {
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
  maxAttempts: 10,
  pollMs: 15_000,
  leaseMs: 5 * 60_000,
  notification: { siteUrl: "http://localhost:3000", timeZone: "America/Chicago" },
};

export function retryDelayMs(failedAttempts: number, { retryBaseMs, retryMaxMs }: Pick<OutboxOptions, "retryBaseMs" | "retryMaxMs">) {
  return Math.min(retryBaseMs * 2 ** Math.max(0, failedAttempts - 1), retryMaxMs);
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private readonly options: OutboxOptions;

  constructor(
    private readonly store: AppointmentStore,
    private readonly send: SendNotification,
    options: Partial<OutboxOptions> = {},
  ) {
    this.options = { ...DEFAULT_OUTBOX_OPTIONS, ...options };
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /** Starts polling; the first pass runs at once, so messages left by a stopped process go out on restart. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.nudge(), this.options.pollMs);
    // The worker must never keep a process (a build, a CLI command) alive on its own.
    this.timer.unref();
    this.nudge();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Asks for a pass soon; passes never overlap, and a nudge during a pass causes one more pass after it. */
  nudge(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.rerun = false;
        await this.deliverDue();
      } while (this.rerun);
    })()
      .catch((error) => logEvent("error", "outbox.pass_failed", { error: errorCode(error) }))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** One pass: claims the due messages no other sender holds and tries each once. Returns how many it tried. */
  async deliverDue(): Promise<number> {
    const now = this.now();
    const claimed = await this.store.claimDueNotifications(now.toISOString(), 50, new Date(now.getTime() + this.options.leaseMs).toISOString());
    for (const message of claimed) await this.deliver(message);
    return claimed.length;
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    try {
      await this.send({ ...buildStaffNotification(message, this.options.notification), messageId: message.messageId });
      await this.store.markNotificationSent(message.id, this.now().toISOString());
      logEvent("info", "outbox.sent", { reference: message.reference, attempts: message.attempts + 1 });
    } catch (error) {
      const failedAttempts = message.attempts + 1;
      const giveUp = failedAttempts >= this.options.maxAttempts;
      const nextAttemptAt = giveUp ? null : new Date(this.now().getTime() + retryDelayMs(failedAttempts, this.options));
      await this.store.markNotificationFailed(message.id, errorCode(error), nextAttemptAt?.toISOString() ?? null);
      logEvent(giveUp ? "error" : "warn", giveUp ? "outbox.dead" : "outbox.retry_scheduled", {
        reference: message.reference,
        attempts: failedAttempts,
        error: errorCode(error),
        nextAttemptAt: nextAttemptAt?.toISOString(),
      });
    }
  }
}
