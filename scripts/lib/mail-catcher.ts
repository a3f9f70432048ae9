/**
 * A real SMTP server on localhost that keeps the subject of every email it accepts: for the checks that count
 * staff notifications (each request's email sent exactly once), in the tests and the form's load bench. It can
 * play a slow server (answering a message long after it arrived) or one that refuses a message.
 */
import { SMTPServer } from "smtp-server";

export interface MailCatcher {
  /** Every message received in full, in order: a message counts once its end has arrived, answered or not. */
  subjects: string[];
  /** Conversations still open: zero once every client has finished or given up. */
  openConnections: () => number;
  stop: () => Promise<void>;
}

export interface MailCatcherOptions {
  /** Answers each message this long after it arrived, as a slow server does (the message is received already). */
  answerAfterMs?: number;
  /** Called as each message arrives; a refusal it returns is the server's answer (the message then does not count). */
  onMessage?: (subject: string) => { responseCode: number; message: string } | void;
}

export async function startMailCatcher(port: number, { answerAfterMs = 0, onMessage }: MailCatcherOptions = {}): Promise<MailCatcher> {
  const subjects: string[] = [];
  let open = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      open += 1;
      callback();
    },
    onClose() {
      open -= 1;
    },
    onData(stream, _session, callback) {
      let text = "";
      stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      stream.on("end", () => {
        const subject = /^Subject: (.*)$/m.exec(text)?.[1]?.trim() ?? "";
        const refusal = onMessage?.(subject);
        if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.responseCode }));
        subjects.push(subject);
        if (answerAfterMs > 0) setTimeout(() => callback(), answerAfterMs);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { subjects, openConnections: () => open, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
