// Sending mail: through SMTP with nodemailer when SMTP_URL is set, else into .eml files under
// DATA_DIR/mail/ (readable by the server's user only), so a single-machine install works without
// a mail server: the operator opens the file the log names. Links in mails carry secrets, so the
// log names the file and the recipient's account, never the link.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter, TransportOptions as NodemailerOptions } from 'nodemailer';
import type { Logger } from '../logger';

// nodemailer is loaded with the first mail, not at start: most runs of the server send none.
function lazyTransport(
  options: string | NodemailerOptions | { streamTransport: true; buffer: true },
): () => Promise<Transporter> {
  let transport: Promise<Transporter> | undefined;
  return () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(options)));
}

/** One mail, ready to send. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends mail; `send` rejects when the mail could not be handed over. */
export interface Mailer {
  /** Where mail goes, for the start-up log line (never contains a password). */
  readonly describe: string;
  send(message: MailMessage): Promise<void>;
  /** Deletes what the server still holds of mail to `recipient` (erasure); SMTP holds nothing. */
  forget(recipient: string): Promise<void>;
}

/** A mailer over SMTP (`smtp://` or `smtps://` URL, credentials inside it). */
export function smtpMailer({ smtpUrl, from }: { smtpUrl: string; from: string }): Mailer {
  const transport = lazyTransport(smtpUrl);
  const url = new URL(smtpUrl);
  return {
    describe: `${url.protocol}//${url.host}`,
    async send(message) {
      await (await transport()).sendMail({ from, ...message });
    },
    // Handed over: the copy is the mail server's and the recipient's, not ours.
    forget: () => Promise.resolve(),
  };
}

/** A file-name tag for a recipient, so erasure finds their mails without reading any: a hash,
 * not the address, since file names end up in logs and listings. */
const recipientTag = (recipient: string): string =>
  createHash('sha256').update(recipient.toLowerCase()).digest('hex').slice(0, 16);

/** A mailer writing each mail as an .eml file into `dir` (made 0700; files 0600). */
export function fileMailer({
  dir,
  from,
  logger,
  now = Date.now,
}: {
  dir: string;
  from: string;
  logger: Logger;
  now?: () => number;
}): Mailer {
  const transport = lazyTransport({ streamTransport: true, buffer: true });
  return {
    describe: dir,
    async send(message) {
      const info = (await (await transport()).sendMail({ from, ...message })) as {
        message: Buffer;
      };
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await chmod(dir, 0o700);
      const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
      const file = join(
        dir,
        `${stamp}-${recipientTag(message.to)}-${randomBytes(4).toString('hex')}.eml`,
      );
      // 'wx': never follow or overwrite something already there.
      await writeFile(file, info.message, { mode: 0o600, flag: 'wx' });
      logger.info({ file }, 'mail written to a file (no SMTP_URL set)');
    },
    async forget(recipient) {
      const tag = `-${recipientTag(recipient)}-`;
      const files = await readdir(dir).catch(() => [] as string[]);
      await Promise.all(
        files.filter((f) => f.includes(tag)).map((f) => rm(join(dir, f), { force: true })),
      );
    },
  };
}

/** The mailer the configuration asks for: SMTP when `smtpUrl` is set, else .eml files. */
export const configuredMailer = ({
  smtpUrl,
  mailFrom,
  dataDir,
  logger,
}: {
  smtpUrl: string | null;
  mailFrom: string;
  dataDir: string;
  logger: Logger;
}): Mailer =>
  smtpUrl
    ? smtpMailer({ smtpUrl, from: mailFrom })
    : fileMailer({ dir: join(dataDir, 'mail'), from: mailFrom, logger });
