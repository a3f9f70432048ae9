/**
 * Sends staff notifications through SMTP_URL, and tells the outbox whether a failed send may have been delivered
 * anyway (lib/appointments/outbox.ts decides what that means).
 */
import nodemailer from "nodemailer";
import { errorCode } from "@/lib/log";
import { MaybeDeliveredError, type SendNotification } from "./outbox";

/**
 * nodemailer's limit for each step of a send. A server that is down shows it at once (no connection, no greeting
 * within 10 s) and is retried later. Silence within the conversation is waited for longer: after the message the
 * server delivers it before it answers, and giving up then is what sends it twice (RFC 5321, 4.5.3.2.6, asks for
 * 10 minutes there; issue 20 saw a server answer after 25 s). The whole send is bounded by the outbox's
 * sendTimeoutMs (2 minutes), which aborts it; a send given up after the message went out is never sent again.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 };

/** `timeouts`: shorter limits, for the tests' slow servers. */
export function createSmtpSender({
  smtpUrl,
  from,
  to,
  timeouts = SMTP_TIMEOUTS,
}: {
  smtpUrl: string;
  from: string;
  to: string;
  timeouts?: typeof SMTP_TIMEOUTS;
}): SendNotification {
  return async ({ subject, text, messageId }, { signal }) => {
    // nodemailer logs (to this logger, nowhere else) when the whole message, its final "." included, has been
    // written to the server: from then on the server may accept it whatever happens to the connection. A
    // transport per send, as nodemailer opens a connection per send anyway, so each knows its own.
    let handedOver = false;
    const logger = {
      info(entry: unknown) {
        const { tnx, outByteCount } = (entry ?? {}) as { tnx?: unknown; outByteCount?: unknown };
        if (tnx === "message" && typeof outByteCount === "number") handedOver = true;
      },
    };
    const transport = nodemailer.createTransport({ url: smtpUrl, ...timeouts, logger });
    try {
      await transport.sendMail({ from, to, subject, text, messageId, signal });
    } catch (error) {
      // A refusal the server answered with a code means it did not take the message, whenever it came.
      if (handedOver && !(error as { responseCode?: unknown }).responseCode) throw new MaybeDeliveredError(errorCode(error), { cause: error });
      throw error;
    } finally {
      transport.close();
    }
  };
}
