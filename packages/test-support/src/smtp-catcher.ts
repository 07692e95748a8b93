import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: string;
}

export interface SmtpCatcher {
  url: string;
  port: number;
  messages: CaughtMail[];
  /** The next `count` messages are refused with a temporary error (451), as a busy server would. */
  refuseNext(count: number): void;
  /** Resolves with the first message to `to` (case-insensitive) whose subject matches, waiting up to `seconds`. */
  waitFor(to: string, seconds?: number, subject?: RegExp): Promise<CaughtMail>;
  close(): Promise<void>;
}

/** A real SMTP server on a free local port (the `smtp-server` package); every message read back with `mailparser`. */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (refusals > 0) {
          refusals--;
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const parsed = await simpleParser(raw);
        messages.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.server.address();
      if (typeof address === "object" && address) resolve(address.port);
      else reject(new Error("no port"));
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    refuseNext(count) {
      refusals = count;
    },
    async waitFor(to, seconds = 30, subject) {
      const end = Date.now() + seconds * 1000;
      for (;;) {
        const found = messages.find(
          (m) =>
            m.envelopeTo.some((a) => a.toLowerCase() === to.toLowerCase()) &&
            (!subject || subject.test(m.parsed.subject ?? "")),
        );
        if (found) return found;
        if (Date.now() > end) throw new Error(`no e-mail to ${to} within ${seconds} s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
