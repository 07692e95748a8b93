import nodemailer, { type Transporter } from "nodemailer";

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

/** nodemailer over the SMTP server of `SMTP_URL` (smtp:// or smtps://, credentials in the URL). */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    from,
    async send(message) {
      const info = await transporter.sendMail({ from, ...message });
      return { messageId: info.messageId ?? null };
    },
    close: () => transporter.close(),
  };
}
