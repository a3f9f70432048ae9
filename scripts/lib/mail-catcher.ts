/**
 * A real SMTP server on localhost that keeps the subject of every email it accepts: for the checks that count
 * staff notifications (each request's email sent exactly once), in the tests and the form's load bench.
 */
import { SMTPServer } from "smtp-server";

export interface MailCatcher {
  subjects: string[];
  stop: () => Promise<void>;
}

export async function startMailCatcher(port: number): Promise<MailCatcher> {
  const subjects: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let text = "";
      stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      stream.on("end", () => {
        subjects.push(/^Subject: (.*)$/m.exec(text)?.[1]?.trim() ?? "");
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { subjects, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
