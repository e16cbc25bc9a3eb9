// The text of the account mails in bokmål, nynorsk and English: plain text plus a simple HTML
// version, each with the link. The link is the only thing that varies, and it is escaped.
import type { MailMessage } from './mailer';

/** The languages mails are written in (the app's languages). */
export const MAIL_LANGUAGES = ['nb', 'nn', 'en'] as const;
/** One of MAIL_LANGUAGES. */
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** Which mail: a password-reset link or an address-verification link. */
export type MailKind = 'reset' | 'verify';

/** The words of a mail with one link. */
export interface LinkMailWording {
  subject: string;
  greeting: string;
  body: string;
  action: string;
  footer: string;
}

const WORDING: Record<MailKind, Record<MailLanguage, LinkMailWording>> = {
  reset: {
    nb: {
      subject: 'Nytt passord til Lommekurs',
      greeting: 'Hei!',
      body: 'Noen (forhåpentligvis du) ba om å lage et nytt passord til Lommekurs-kontoen din. Åpne lenken for å velge et nytt passord. Lenken virker i 30 minutter og kan brukes én gang.',
      action: 'Velg nytt passord',
      footer: 'Ba du ikke om dette? Da kan du se bort fra e-posten. Passordet ditt er ikke endret.',
    },
    nn: {
      subject: 'Nytt passord til Lommekurs',
      greeting: 'Hei!',
      body: 'Nokon (forhåpentlegvis du) bad om å lage eit nytt passord til Lommekurs-kontoen din. Opna lenkja for å velje eit nytt passord. Lenkja verkar i 30 minutt og kan brukast éin gong.',
      action: 'Vel nytt passord',
      footer:
        'Bad du ikkje om dette? Då kan du sjå bort frå e-posten. Passordet ditt er ikkje endra.',
    },
    en: {
      subject: 'A new password for Lommekurs',
      greeting: 'Hello,',
      body: 'Someone (hopefully you) asked to set a new password for your Lommekurs account. Open the link to choose a new password. The link works for 30 minutes and can be used once.',
      action: 'Choose a new password',
      footer: 'Did not ask for this? Then ignore this email. Your password has not changed.',
    },
  },
  verify: {
    nb: {
      subject: 'Bekreft e-postadressen din hos Lommekurs',
      greeting: 'Hei!',
      body: 'Åpne lenken for å bekrefte at dette er e-postadressen din. Da kan vi hjelpe deg inn igjen hvis du glemmer passordet. Lenken virker i 7 dager.',
      action: 'Bekreft e-postadressen',
      footer: 'Har du ikke laget en konto hos Lommekurs? Da kan du se bort fra e-posten.',
    },
    nn: {
      subject: 'Stadfest e-postadressa di hos Lommekurs',
      greeting: 'Hei!',
      body: 'Opna lenkja for å stadfeste at dette er e-postadressa di. Då kan vi hjelpe deg inn att om du gløymer passordet. Lenkja verkar i 7 dagar.',
      action: 'Stadfest e-postadressa',
      footer: 'Har du ikkje laga ein konto hos Lommekurs? Då kan du sjå bort frå e-posten.',
    },
    en: {
      subject: 'Confirm your email address at Lommekurs',
      greeting: 'Hello,',
      body: 'Open the link to confirm that this is your email address. Then we can help you back in if you forget your password. The link works for 7 days.',
      action: 'Confirm the email address',
      footer: 'Did not create a Lommekurs account? Then ignore this email.',
    },
  },
};

/** A notice of a change to how the learner signs in: no link (nothing to click in a mail that
 * may not be theirs), only what happened and what to do if it was not them. */
export type NoticeKind = 'password-changed' | 'passkey-added' | 'passkey-removed';

interface NoticeWording {
  subject: string;
  body: string;
}

const NOT_YOU: Record<MailLanguage, string> = {
  nb: 'Var det ikke deg? Åpne Lommekurs, trykk «Glemt passordet?» under «Logg inn» og lag et nytt passord med en gang. Det logger ut alle enhetene dine.',
  nn: 'Var det ikkje deg? Opna Lommekurs, trykk «Gløymt passordet?» under «Logg inn» og lag eit nytt passord med ein gong. Det loggar ut alle einingane dine.',
  en: 'Was it not you? Open Lommekurs, choose "Forgot your password?" under "Sign in" and set a new password at once. That signs out all your devices.',
};

const NOTICES: Record<NoticeKind, Record<MailLanguage, NoticeWording>> = {
  'password-changed': {
    nb: {
      subject: 'Passordet ditt til Lommekurs er endret',
      body: 'Passordet ditt er endret. Andre enheter som var logget inn, er logget ut.',
    },
    nn: {
      subject: 'Passordet ditt til Lommekurs er endra',
      body: 'Passordet ditt er endra. Andre einingar som var logga inn, er logga ut.',
    },
    en: {
      subject: 'Your Lommekurs password was changed',
      body: 'Your password was changed. Other devices that were signed in have been signed out.',
    },
  },
  'passkey-added': {
    nb: {
      subject: 'Ny passnøkkel på Lommekurs-kontoen din',
      body: 'En ny passnøkkel er lagt til på kontoen din. Med den kan noen logge inn uten passord.',
    },
    nn: {
      subject: 'Ny passnøkkel på Lommekurs-kontoen din',
      body: 'Ein ny passnøkkel er lagd til på kontoen din. Med han kan nokon logge inn utan passord.',
    },
    en: {
      subject: 'A new passkey on your Lommekurs account',
      body: 'A new passkey was added to your account. With it, someone can sign in without a password.',
    },
  },
  'passkey-removed': {
    nb: {
      subject: 'En passnøkkel er fjernet fra Lommekurs-kontoen din',
      body: 'En passnøkkel er fjernet fra kontoen din. Den kan ikke lenger brukes til å logge inn.',
    },
    nn: {
      subject: 'Ein passnøkkel er fjerna frå Lommekurs-kontoen din',
      body: 'Ein passnøkkel er fjerna frå kontoen din. Han kan ikkje lenger brukast til å logge inn.',
    },
    en: {
      subject: 'A passkey was removed from your Lommekurs account',
      body: 'A passkey was removed from your account. It can no longer be used to sign in.',
    },
  },
};

const GREETING: Record<MailLanguage, string> = { nb: 'Hei!', nn: 'Hei!', en: 'Hello,' };

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** The mail of `kind` in `lang` to `to`, carrying `link`. */
export function accountMail(
  kind: MailKind,
  lang: MailLanguage,
  to: string,
  link: string,
): MailMessage {
  return linkMail(WORDING[kind][lang], lang, to, link);
}

/** A mail with one link as a button, in the account mails' layout (used for advisor invites
 * too, src/server/network/invite-mail.ts). */
export function linkMail(
  w: LinkMailWording,
  lang: MailLanguage,
  to: string,
  link: string,
): MailMessage {
  const text = `${w.greeting}\n\n${w.body}\n\n${w.action}:\n${link}\n\n${w.footer}\n\n– Lommekurs\n`;
  const href = escapeHtml(link);
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(w.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b">
<p>${escapeHtml(w.greeting)}</p>
<p>${escapeHtml(w.body)}</p>
<p><a href="${href}" style="display: inline-block; padding: 12px 20px; background: #1d4ed8; color: #ffffff; border-radius: 6px; text-decoration: none">${escapeHtml(w.action)}</a></p>
<p style="font-size: 14px">${href}</p>
<p style="font-size: 14px; color: #444">${escapeHtml(w.footer)}</p>
<p>– Lommekurs</p>
</body></html>
`;
  return { to, subject: w.subject, text, html };
}

/** The notice of `kind` in `lang` to `to`. */
export function noticeMail(kind: NoticeKind, lang: MailLanguage, to: string): MailMessage {
  const w = NOTICES[kind][lang];
  const paragraphs = [GREETING[lang], w.body, NOT_YOU[lang]];
  const text = `${paragraphs.join('\n\n')}\n\n– Lommekurs\n`;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(w.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p>– Lommekurs</p>
</body></html>
`;
  return { to, subject: w.subject, text, html };
}

/** The mail language from a request: the one asked for, else the first of Accept-Language the
 * app speaks (`no`/`nb`/`nn`/`en`), else bokmål. */
export function mailLanguage(
  asked: string | undefined,
  acceptLanguage: string | undefined,
): MailLanguage {
  if (asked && (MAIL_LANGUAGES as readonly string[]).includes(asked)) return asked as MailLanguage;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    const primary = tag.split('-')[0];
    if (primary === 'nn') return 'nn';
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'nb';
}
