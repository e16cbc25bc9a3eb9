// The words of Settings → Næringshage, in the section's own chunk.
import { defineTexts } from '../i18n/feature-texts';

export const networkSettingsTexts = defineTexts({
  nb: {
    'network.heading': 'Næringshage',
    'network.intro':
      'Er du med i en næringshage, kan rådgiverne der følge framgangen din – bare det du har samtykket til.',
    'network.loading': 'Henter næringshagene dine …',
    'network.none': 'Du er ikke med i noen næringshage.',
    'network.signedOut':
      'Du er ikke logget inn. Har du en kode fra en næringshage, kan du opprette en konto når du blir med.',
    'network.listLabel': 'Næringshagene du er med i',
    'network.firm': 'Firma: {firm}',
    'network.noFirm': 'Uten firma',
    'network.since': 'Med siden {date}',
    'network.withdraw': 'Trekk samtykket',
    'network.withdrawLabel': 'Trekk samtykket for {garden}',
    'network.confirmTitle': 'Trekke samtykket for {garden}?',
    'network.confirmText':
      'Du forlater {garden}. Rådgiverne der får ikke noe mer om deg fra Lommekurs, og du forsvinner fra oversikten deres neste gang den oppdateres. Framgangen din og refleksjonene dine blir liggende hos deg. Du kan bli med igjen senere med en ny kode.',
    'network.confirm': 'Trekk samtykket',
    'network.cancel': 'Avbryt',
    'network.withdrawing': 'Trekker samtykket …',
    'network.withdrawn': 'Du har trukket samtykket og er ikke lenger med i {garden}.',
    'network.withdrawOffline':
      'Du er uten nett. Samtykket kan bare trekkes når enheten er på nett – prøv igjen da.',
    'network.withdrawServer': 'Lommekurs-serveren svarer ikke nå. Prøv igjen om litt.',
    'network.withdrawSignedOut': 'Du er ikke logget inn lenger. Logg inn og prøv igjen.',
    'network.withdrawFailed': 'Det gikk ikke å trekke samtykket. Prøv igjen.',
    'network.stale': 'Lista er fra {date} kl. {time}. Den oppdateres når du er på nett.',
    'network.codeHeading': 'Har du en kode?',
    'network.advisorLink': 'Rådgiver: næringshagene du er rådgiver i',
    'network.insightLink': 'Innsikt: hva kursdeltakerne gjør og mener, i tall',
    'network.privacyLink': 'Personvern: hva rådgiverne ser, og hva de ikke ser',
  } as const,
  nn: {
    'network.heading': 'Næringshage',
    'network.intro':
      'Er du med i ein næringshage, kan rådgjevarane der følgje framgangen din – berre det du har samtykt til.',
    'network.loading': 'Hentar næringshagane dine …',
    'network.none': 'Du er ikkje med i nokon næringshage.',
    'network.signedOut':
      'Du er ikkje logga inn. Har du ein kode frå ein næringshage, kan du opprette ein konto når du blir med.',
    'network.listLabel': 'Næringshagane du er med i',
    'network.firm': 'Firma: {firm}',
    'network.noFirm': 'Utan firma',
    'network.since': 'Med sidan {date}',
    'network.withdraw': 'Trekk samtykket',
    'network.withdrawLabel': 'Trekk samtykket for {garden}',
    'network.confirmTitle': 'Trekkje samtykket for {garden}?',
    'network.confirmText':
      'Du forlèt {garden}. Rådgjevarane der får ikkje noko meir om deg frå Lommekurs, og du forsvinn frå oversikta deira neste gong ho vert oppdatert. Framgangen din og refleksjonane dine blir liggjande hos deg. Du kan bli med igjen seinare med ein ny kode.',
    'network.confirm': 'Trekk samtykket',
    'network.cancel': 'Avbryt',
    'network.withdrawing': 'Trekkjer samtykket …',
    'network.withdrawn': 'Du har trekt samtykket og er ikkje lenger med i {garden}.',
    'network.withdrawOffline':
      'Du er utan nett. Samtykket kan berre trekkjast når eininga er på nett – prøv igjen då.',
    'network.withdrawServer': 'Lommekurs-tenaren svarar ikkje no. Prøv igjen om litt.',
    'network.withdrawSignedOut': 'Du er ikkje logga inn lenger. Logg inn og prøv igjen.',
    'network.withdrawFailed': 'Det gjekk ikkje å trekkje samtykket. Prøv igjen.',
    'network.stale': 'Lista er frå {date} kl. {time}. Ho vert oppdatert når du er på nett.',
    'network.codeHeading': 'Har du ein kode?',
    'network.advisorLink': 'Rådgjevar: næringshagane du er rådgjevar i',
    'network.insightLink': 'Innsikt: kva kursdeltakarane gjer og meiner, i tal',
    'network.privacyLink': 'Personvern: kva rådgjevarane ser, og kva dei ikkje ser',
  },
  en: {
    'network.heading': 'Business garden',
    'network.intro':
      'If you are a member of a business garden, its advisors can follow your progress – only what you have consented to.',
    'network.loading': 'Fetching your business gardens …',
    'network.none': 'You are not a member of any business garden.',
    'network.signedOut':
      'You are not signed in. If you have a code from a business garden, you can create an account when you join.',
    'network.listLabel': 'The business gardens you are a member of',
    'network.firm': 'Firm: {firm}',
    'network.noFirm': 'No firm',
    'network.since': 'Member since {date}',
    'network.withdraw': 'Withdraw consent',
    'network.withdrawLabel': 'Withdraw consent for {garden}',
    'network.confirmTitle': 'Withdraw your consent for {garden}?',
    'network.confirmText':
      'You leave {garden}. Its advisors get nothing more about you from Lommekurs, and you disappear from their overview the next time it is refreshed. Your progress and your reflections stay with you. You can join again later with a new code.',
    'network.confirm': 'Withdraw consent',
    'network.cancel': 'Cancel',
    'network.withdrawing': 'Withdrawing consent …',
    'network.withdrawn': 'You have withdrawn your consent and are no longer a member of {garden}.',
    'network.withdrawOffline':
      'You are offline. Consent can only be withdrawn while the device is online – try again then.',
    'network.withdrawServer':
      'The Lommekurs server is not answering right now. Try again in a while.',
    'network.withdrawSignedOut': 'You are no longer signed in. Sign in and try again.',
    'network.withdrawFailed': 'Withdrawing consent did not work. Try again.',
    'network.stale': 'The list is from {date} at {time}. It is refreshed when you are online.',
    'network.codeHeading': 'Do you have a code?',
    'network.advisorLink': 'Advisor: the business gardens you advise',
    'network.insightLink': 'Insight: what learners do and think, in numbers',
    'network.privacyLink': 'Privacy: what advisors see, and what they do not',
  },
});
