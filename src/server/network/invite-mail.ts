// The mail inviting someone to advise a business garden, in bokmål, nynorsk and English. The
// garden's name is the only thing besides the link that varies (escaped by linkMail).
import type { MailMessage } from '../mail/mailer';
import { linkMail, type LinkMailWording, type MailLanguage } from '../mail/texts';

const WORDING: Record<MailLanguage, (garden: string) => LinkMailWording> = {
  nb: (garden) => ({
    subject: `Invitasjon: rådgiver for ${garden} i Lommekurs`,
    greeting: 'Hei!',
    body: `Du er invitert som rådgiver for ${garden} i Lommekurs. Som rådgiver ser du framdriften til deltakere som selv har sagt ja til det. Åpne lenken og logg inn (eller lag en konto) med denne e-postadressen. Lenken virker i 7 dager og kan brukes én gang.`,
    action: 'Bli rådgiver',
    footer: 'Ventet du ikke denne invitasjonen? Da kan du se bort fra e-posten.',
  }),
  nn: (garden) => ({
    subject: `Invitasjon: rådgjevar for ${garden} i Lommekurs`,
    greeting: 'Hei!',
    body: `Du er invitert som rådgjevar for ${garden} i Lommekurs. Som rådgjevar ser du framdrifta til deltakarar som sjølve har sagt ja til det. Opna lenkja og logg inn (eller lag ein konto) med denne e-postadressa. Lenkja verkar i 7 dagar og kan brukast éin gong.`,
    action: 'Bli rådgjevar',
    footer: 'Venta du ikkje denne invitasjonen? Då kan du sjå bort frå e-posten.',
  }),
  en: (garden) => ({
    subject: `Invitation: advisor for ${garden} in Lommekurs`,
    greeting: 'Hello,',
    body: `You are invited to advise ${garden} in Lommekurs. As an advisor you see the progress of learners who have agreed to it themselves. Open the link and sign in (or create an account) with this email address. The link works for 7 days and can be used once.`,
    action: 'Become an advisor',
    footer: 'Not expecting this invitation? Then ignore this email.',
  }),
};

/** The invite to advise `gardenName`, to `to`, carrying `link`. */
export const inviteMail = (
  lang: MailLanguage,
  to: string,
  gardenName: string,
  link: string,
): MailMessage => linkMail(WORDING[lang](gardenName), lang, to, link);
