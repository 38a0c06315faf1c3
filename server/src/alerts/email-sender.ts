import { createTransport } from 'nodemailer';
import { DeliveryFailure } from './webhook-sender.ts';
import type { EmailDigest } from './email-digest.ts';

/** Sends one digest; throws `DeliveryFailure` when the SMTP server cannot be reached or refuses it. */
export type EmailSender = (to: readonly string[], digest: EmailDigest) => Promise<void>;

/** An SMTP sender over `SMTP_URL` (smtp:// with STARTTLS when the server offers it, smtps:// for TLS). */
export function smtpSender(smtpUrl: string, from: string): EmailSender & { close(): void } {
  const transport = createTransport(smtpUrl);
  const send = async (to: readonly string[], digest: EmailDigest) => {
    try {
      await transport.sendMail({ from, to: [...to], subject: digest.subject, text: digest.text, html: digest.html });
    } catch (error) {
      throw new DeliveryFailure(`SMTP ${new URL(smtpUrl).hostname} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return Object.assign(send, { close: () => transport.close() });
}
