import nodemailer from "nodemailer";
import type { SendNotification } from "./outbox";

/** Sends staff notifications through SMTP_URL. Short timeouts: a slow server is retried later, not waited on. */
export function createSmtpSender({ smtpUrl, from, to }: { smtpUrl: string; from: string; to: string }): SendNotification {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return async ({ subject, text, messageId }) => {
    await transport.sendMail({ from, to, subject, text, messageId });
  };
}
