// The words of advisor invites: the form that invites another advisor (AdvisorInvite) and the
// screen an invite link opens (InviteScreen), in nb/nn/en.
import { defineTexts } from '../i18n/feature-texts';

export const inviteTexts = defineTexts({
  nb: {
    formTitle: 'Inviter en rådgiver',
    formIntro:
      'Den du inviterer, ser de samme deltakerne som du. Invitasjonen kan brukes én gang, i 7 dager, og bare av en konto med denne e-postadressen.',
    email: 'E-postadresse',
    emailInvalid: 'Skriv en gyldig e-postadresse, for eksempel navn@firma.no.',
    send: 'Send invitasjonen',
    sending: 'Sender …',
    mailed: 'Invitasjonen er sendt til {email}.',
    notMailed: 'Invitasjonen er laget, men e-posten kunne ikke sendes. Gi lenken til {email} selv.',
    linkLabel: 'Invitasjonslenke til {email}',
    linkHint: 'Lenken virker til {date}. Den vises bare nå.',
    copy: 'Kopier lenken',
    copied: 'Lenken er kopiert.',
    copyFailed: 'Kunne ikke kopiere. Lenken er merket: kopier den selv.',
    screenTitle: 'Invitasjon som rådgiver',
    screenIntro:
      'Du er invitert til å bli rådgiver i en næringshage i Lommekurs. Som rådgiver ser du framgangen til deltakerne som har samtykket, og bare de refleksjonene de selv velger å dele.',
    signedInAs: 'Du er logget inn som {email}.',
    accept: 'Godta invitasjonen',
    accepting: 'Godtar …',
    signInFirst:
      'Logg inn med e-postadressen invitasjonen ble sendt til, eller opprett en konto med den. Så kan du godta invitasjonen her.',
    noToken:
      'Lenken er ikke hel. Åpne lenken i invitasjonen på nytt, eller be den som inviterte deg om en ny.',
    notFound: 'Denne invitasjonen finnes ikke. Sjekk at du åpnet hele lenken fra e-posten.',
    used: 'Invitasjonen er allerede brukt. Trenger du en ny, kan en rådgiver i hagen invitere deg igjen.',
    expired: 'Invitasjonen har gått ut (den virker i 7 dager). Be den som inviterte deg om en ny.',
    wrongAccount:
      'Invitasjonen ble sendt til en annen e-postadresse enn {email}. Logg ut, og logg inn med adressen invitasjonen ble sendt til.',
    toAdvisor: 'Til rådgiversiden',
  } as const,
  nn: {
    formTitle: 'Inviter ein rådgjevar',
    formIntro:
      'Den du inviterer, ser dei same deltakarane som du. Invitasjonen kan brukast éin gong, i 7 dagar, og berre av ein konto med denne e-postadressa.',
    email: 'E-postadresse',
    emailInvalid: 'Skriv ei gyldig e-postadresse, til dømes namn@firma.no.',
    send: 'Send invitasjonen',
    sending: 'Sender …',
    mailed: 'Invitasjonen er send til {email}.',
    notMailed:
      'Invitasjonen er laga, men e-posten kunne ikkje sendast. Gi lenkja til {email} sjølv.',
    linkLabel: 'Invitasjonslenkje til {email}',
    linkHint: 'Lenkja verkar til {date}. Ho blir berre vist no.',
    copy: 'Kopier lenkja',
    copied: 'Lenkja er kopiert.',
    copyFailed: 'Kunne ikkje kopiere. Lenkja er merkt: kopier ho sjølv.',
    screenTitle: 'Invitasjon som rådgjevar',
    screenIntro:
      'Du er invitert til å bli rådgjevar i ein næringshage i Lommekurs. Som rådgjevar ser du framgangen til deltakarane som har samtykt, og berre dei refleksjonane dei sjølve vel å dele.',
    signedInAs: 'Du er logga inn som {email}.',
    accept: 'Godta invitasjonen',
    accepting: 'Godtek …',
    signInFirst:
      'Logg inn med e-postadressa invitasjonen vart send til, eller opprett ein konto med ho. Så kan du godta invitasjonen her.',
    noToken:
      'Lenkja er ikkje heil. Opne lenkja i invitasjonen på nytt, eller be den som inviterte deg om ei ny.',
    notFound: 'Denne invitasjonen finst ikkje. Sjekk at du opna heile lenkja frå e-posten.',
    used: 'Invitasjonen er alt brukt. Treng du ein ny, kan ein rådgjevar i hagen invitere deg igjen.',
    expired: 'Invitasjonen har gått ut (han verkar i 7 dagar). Be den som inviterte deg om ein ny.',
    wrongAccount:
      'Invitasjonen vart send til ei anna e-postadresse enn {email}. Logg ut, og logg inn med adressa invitasjonen vart send til.',
    toAdvisor: 'Til rådgjevarsida',
  },
  en: {
    formTitle: 'Invite an advisor',
    formIntro:
      'The person you invite sees the same learners as you. The invite works once, for 7 days, and only for an account with this e-mail address.',
    email: 'E-mail address',
    emailInvalid: 'Enter a valid e-mail address, for example name@firm.no.',
    send: 'Send the invite',
    sending: 'Sending …',
    mailed: 'The invite is sent to {email}.',
    notMailed:
      'The invite is made, but the e-mail could not be sent. Give the link to {email} yourself.',
    linkLabel: 'Invite link for {email}',
    linkHint: 'The link works until {date}. It is shown only now.',
    copy: 'Copy the link',
    copied: 'The link is copied.',
    copyFailed: 'Could not copy. The link is selected: copy it yourself.',
    screenTitle: 'Invitation as an advisor',
    screenIntro:
      'You are invited to be an advisor of a business garden in Lommekurs. As an advisor you see the progress of the learners who consented, and only the reflections they choose to share.',
    signedInAs: 'You are signed in as {email}.',
    accept: 'Accept the invite',
    accepting: 'Accepting …',
    signInFirst:
      'Sign in with the e-mail address the invite was sent to, or create an account with it. Then you can accept the invite here.',
    noToken:
      'The link is incomplete. Open the link in the invite again, or ask the person who invited you for a new one.',
    notFound: 'This invite does not exist. Check that you opened the whole link from the e-mail.',
    used: 'The invite has already been used. If you need a new one, an advisor of the garden can invite you again.',
    expired:
      'The invite has expired (it works for 7 days). Ask the person who invited you for a new one.',
    wrongAccount:
      'The invite was sent to another e-mail address than {email}. Sign out, and sign in with the address the invite was sent to.',
    toAdvisor: 'Go to the advisor page',
  },
});
