import type { Transporter } from "nodemailer";

export interface MailTransport {
  from: string;
  send(message: {
    to: string;
    subject: string;
    html: string;
    text: string;
    headers?: Record<string, string>;
  }): Promise<{ messageId: string | null }>;
  close(): void;
}

/**
 * nodemailer over the SMTP server of `SMTP_URL` (smtp:// or smtps://, credentials in the URL).
 * nodemailer is loaded with the first message, not at start: 4 MB of resident memory that an
 * instance without mail to send never needs (the 200 MB budget of issue 14).
 */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  let transporter: Promise<Transporter> | null = null;
  const open = () => {
    transporter ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
    return transporter;
  };
  return {
    from,
    async send(message) {
      const info = await (await open()).sendMail({ from, ...message });
      return { messageId: info.messageId ?? null };
    },
    close: () => void transporter?.then((opened) => opened.close()),
  };
}
