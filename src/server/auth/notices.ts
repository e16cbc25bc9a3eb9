// Notices of changed credentials (ASVS 2.5.5): a password changed or reset, a passkey added or
// removed — mailed to the account's address after the reply, so a learner whose account was
// taken over learns of it. No link in them; a failure to send is logged, never the reply's.
import type { Db } from '../db/schema';
import type { Logger } from '../logger';
import type { Mailer } from '../mail/mailer';
import { mailLanguage, noticeMail, type NoticeKind } from '../mail/texts';
import { findUserById } from './queries';
import { runLater } from './recovery';

/** What a notice needs. */
export interface NoticeDeps {
  db: Db;
  logger: Logger;
  mailer: Mailer | null;
}

/** Mails the notice of `kind` to `userId`'s address in the request's language, after the reply. */
export function notifyCredentialChange(
  { db, logger, mailer }: NoticeDeps,
  userId: string,
  kind: NoticeKind,
  acceptLanguage: string | undefined,
): void {
  if (!mailer) return;
  runLater(logger, kind, async () => {
    // 1. The address as it is now (a reset may just have verified it).
    const user = await findUserById(db, userId);
    if (!user) return;
    // 2. The mail; the log names the account and the kind only.
    await mailer.send(noticeMail(kind, mailLanguage(undefined, acceptLanguage), user.email));
    logger.info({ userId, kind }, 'credential notice sent');
  });
}
