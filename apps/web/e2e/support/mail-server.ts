import { type SmtpCatcher, startSmtpCatcher } from "@trame/test-support/smtp-catcher";
import { freePort, type RunningServer, startServer } from "./server.ts";

export interface ServerWithMail {
  trame: RunningServer;
  /** Every message the server sent, read back with mailparser. */
  smtp: SmtpCatcher;
  stop(): Promise<void>;
}

/**
 * A Trame server of the test file's own whose e-mail goes to an SMTP server started by the test, its
 * links pointing at itself: what a test follows is what a message carries. `env` adds settings
 * (ProConnect, a schedule); `port` when something started earlier must know the address.
 */
export async function startServerWithMail(
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<ServerWithMail> {
  const smtp = await startSmtpCatcher();
  const port = options.port ?? (await freePort());
  const trame = await startServer({
    port,
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: "Trame <trame@example.fr>",
      TRAME_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...options.env,
    },
  }).catch(async (error: unknown) => {
    await smtp.close();
    throw error;
  });
  return {
    trame,
    smtp,
    async stop() {
      await trame.stop();
      await smtp.close();
    },
  };
}
