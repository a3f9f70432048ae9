/**
 * Delivers staff notifications from the outbox: one email per request, whatever the mail server's speed, with
 * exponential backoff while it is down and a dead-letter state after repeated refusals. The request itself is
 * already safe in the store and listed in the staff inbox, which staff work from; the email only says one arrived.
 *
 * So a notification is sent at most once, and one that may have gone out is never sent again:
 * - Each send is bounded: the sender is aborted after `sendTimeoutMs`. The lease that keeps other servers and the
 *   drain endpoint off a message is derived from that bound (`leaseMs`), so it always outlasts the send, and one
 *   message is claimed at a time, so its lease starts when its send does.
 * - The attempt is recorded (`sending`) before the send. A send that failed before the message reached the server
 *   (no connection, a refusal with a response code) is retried later. One that failed after the whole message was
 *   handed over (no answer in time, the connection lost while waiting for it) may have been delivered: the server
 *   may well have taken it (issue 20: a server answering after 25 s got every message, and each retry sent it
 *   again). It is marked `unconfirmed`, never sent again, logged, and counted by the health check. We chose "maybe
 *   missed, never twice": every request is in the inbox whatever the email does, and the message's stable
 *   Message-ID lets a mail client recognise the rare duplicate that remains possible.
 * - How a send went is recorded before any more work: when recording fails (a full disk), the worker keeps the
 *   outcome and records it first on its next pass, sending nothing meanwhile. A sender that stops before recording
 *   (a crash, a deploy) leaves the message `sending`; once its lease runs out, the next claim marks it `unconfirmed`.
 */
import { errorCode, logEvent } from "@/lib/log";
import { buildStaffNotification, type NotificationSettings, type StaffNotification } from "./notification";
import type { AppointmentStore, OutboxMessage } from "./store";

/** Sends one notification; must stop (settle) when `signal` aborts. Throws MaybeDeliveredError when it cannot tell. */
export type SendNotification = (notification: StaffNotification & { messageId: string }, options: { signal: AbortSignal }) => Promise<void>;

/** A send failed after the whole message was handed to the mail server: it may have been delivered. */
export class MaybeDeliveredError extends Error {
  /** The underlying error's code, e.g. ETIMEDOUT. */
  readonly code: string;

  constructor(code: string, options?: ErrorOptions) {
    super(`the mail server may have taken the message without saying so (${code})`, options);
    this.name = "MaybeDeliveredError";
    this.code = code;
  }
}

export interface OutboxOptions {
  /** Delay after the first failure; doubles after each further failure. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a message is marked dead for staff to look into. */
  maxAttempts: number;
  /** How often to look for due messages when nothing nudges the worker. */
  pollMs: number;
  /** The longest one send may take, however slowly the mail server answers: the sender is aborted then. */
  sendTimeoutMs: number;
  /** Where the email's link points and which time zone it uses. */
  notification: NotificationSettings;
  now?: () => Date;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = {
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
  maxAttempts: 10,
  pollMs: 15_000,
  // Room for every step of a slow but working server (lib/appointments/mailer.ts's SMTP_TIMEOUTS, each shorter).
  sendTimeoutMs: 2 * 60_000,
  notification: { siteUrl: "http://localhost:3000", timeZone: "America/Chicago" },
};

/** How long a sender that ignores its abort is waited for, before its send counts as maybe delivered. */
const ABORT_GRACE_MS = 5_000;

/**
 * How long a claimed message is held for its sender: the longest send, the grace after it, and time to record the
 * outcome (SQLite's busy timeout is 5 s) and for clocks of servers sharing PostgreSQL that differ a little.
 */
export function leaseMs({ sendTimeoutMs }: Pick<OutboxOptions, "sendTimeoutMs">): number {
  return sendTimeoutMs + ABORT_GRACE_MS + 55_000;
}

/** Messages one pass sends at most, so a drain call returns. */
const MESSAGES_PER_PASS = 50;

export function retryDelayMs(failedAttempts: number, { retryBaseMs, retryMaxMs }: Pick<OutboxOptions, "retryBaseMs" | "retryMaxMs">) {
  return Math.min(retryBaseMs * 2 ** Math.max(0, failedAttempts - 1), retryMaxMs);
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private readonly options: OutboxOptions;
  /** Outcomes of sends that could not be recorded yet, by message id: recorded before anything else is sent. */
  private readonly unrecorded = new Map<number, () => Promise<void>>();

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

  /**
   * One pass: records what earlier sends could not, then claims due messages no other sender holds, one at a time,
   * and tries each once. Returns how many it tried; throws when the store cannot record an outcome.
   */
  async deliverDue(): Promise<number> {
    for (const [id, record] of this.unrecorded) {
      await record();
      this.unrecorded.delete(id);
    }
    let tried = 0;
    while (tried < MESSAGES_PER_PASS) {
      const now = this.now();
      const [message] = await this.store.claimDueNotifications(now.toISOString(), 1, new Date(now.getTime() + leaseMs(this.options)).toISOString());
      if (!message) break;
      tried += 1;
      await this.deliver(message);
    }
    return tried;
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    const { id, reference, attempts } = message;
    let record: () => Promise<void>;
    try {
      await this.sendWithinLimit(message);
      const sentAt = this.now().toISOString();
      record = () => this.store.markNotificationSent(id, sentAt);
      logEvent("info", "outbox.sent", { reference, attempts });
    } catch (error) {
      if (error instanceof MaybeDeliveredError) {
        record = () => this.store.markNotificationUnconfirmed(id, error.code);
        logEvent("error", "outbox.unconfirmed", {
          reference,
          attempts,
          error: error.code,
          message: "the mail server may have taken this notification without saying so; it is not sent again (the request is in the staff inbox)",
        });
      } else {
        const giveUp = attempts >= this.options.maxAttempts;
        const nextAttemptAt = giveUp ? null : new Date(this.now().getTime() + retryDelayMs(attempts, this.options)).toISOString();
        record = () => this.store.markNotificationFailed(id, errorCode(error), nextAttemptAt);
        logEvent(giveUp ? "error" : "warn", giveUp ? "outbox.dead" : "outbox.retry_scheduled", {
          reference,
          attempts,
          error: errorCode(error),
          nextAttemptAt: nextAttemptAt ?? undefined,
        });
      }
    }
    try {
      await record();
    } catch (error) {
      this.unrecorded.set(id, record);
      logEvent("error", "outbox.outcome_not_recorded", { reference, error: errorCode(error) });
      throw error;
    }
  }

  /** The send, aborted after sendTimeoutMs; one that does not stop then is not waited for and may have gone out. */
  private async sendWithinLimit(message: OutboxMessage): Promise<void> {
    const abort = new AbortController();
    const timers: NodeJS.Timeout[] = [];
    const abandoned = new Promise<never>((_resolve, reject) => {
      timers.push(setTimeout(() => abort.abort(), this.options.sendTimeoutMs));
      timers.push(setTimeout(() => reject(new MaybeDeliveredError("ESENDTIMEOUT")), this.options.sendTimeoutMs + ABORT_GRACE_MS));
    });
    try {
      const notification = { ...buildStaffNotification(message, this.options.notification), messageId: message.messageId };
      await Promise.race([this.send(notification, { signal: abort.signal }), abandoned]);
    } finally {
      for (const timer of timers) clearTimeout(timer);
    }
  }
}
