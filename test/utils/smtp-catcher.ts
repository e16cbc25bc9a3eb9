// A real SMTP server (the `smtp-server` package) on a free loopback port, started by a test: the
// server under test sends its mails here through nodemailer, exactly as it would to a mail
// provider, and the test reads what arrived. No TLS, no auth (loopback only).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One mail as the SMTP server received it. */
export interface CaughtMail {
  /** RCPT TO addresses. */
  to: string[];
  from: string;
  /** The whole message as sent (headers and MIME parts). */
  raw: string;
  /** The raw message with quoted-printable soft breaks and escapes undone (for searching). */
  decoded: string;
  subject: string;
}

/** Which mail to wait for, and how long. */
export interface WaitOptions {
  since?: number;
  containing?: string;
  timeoutMs?: number;
}

/** A running catcher. */
export interface SmtpCatcher {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  mails: CaughtMail[];
  /** Resolves with the first mail to `to` (whose decoded text has `containing`, if given)
   * among those after the first `since` mails, or rejects after `timeoutMs`. */
  waitFor(to: string, options?: WaitOptions): Promise<CaughtMail>;
  close(): Promise<void>;
}

/** Undoes quoted-printable: soft line breaks and =XX escapes (UTF-8). */
export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** The link (`https?://…/path#token=…`) to `path` in a mail, or undefined. */
export function linkIn(mail: CaughtMail, path: string): string | undefined {
  const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`https?://[^\\s"<>]+${escaped}#token=[A-Za-z0-9_-]{43}`).exec(
    mail.decoded,
  )?.[0];
}

function subjectOf(raw: string): string {
  const line = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  const unfolded = line.replace(/\r?\n[ \t]/g, ' ');
  // RFC 2047 encoded words, as nodemailer writes non-ASCII subjects.
  return unfolded
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, body: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(body, 'base64').toString('utf8')
        : decodeQuotedPrintable(body.replace(/_/g, ' ')),
    )
    .trim();
}

/** Starts a catcher on 127.0.0.1 (a free port). */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const mails: CaughtMail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = session.envelope;
        mails.push({
          to: envelope.rcptTo.map((r) => r.address),
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          raw,
          decoded: decodeQuotedPrintable(raw),
          subject: subjectOf(raw),
        });
        for (const wake of waiting) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  function waitFor(
    to: string,
    { since = 0, containing, timeoutMs = 10_000 }: WaitOptions = {},
  ): Promise<CaughtMail> {
    const find = () =>
      mails
        .slice(since)
        .find(
          (mail) =>
            mail.to.includes(to) && (containing === undefined || mail.decoded.includes(containing)),
        );
    return new Promise((resolve, reject) => {
      const check = () => {
        const mail = find();
        if (!mail) return;
        cleanup();
        resolve(mail);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`No mail to ${to} within ${timeoutMs} ms (${mails.length} caught)`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiting.delete(check);
      };
      waiting.add(check);
      check();
    });
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
