// The words of the consent screen (/bli-med), in its own chunk. The consent text itself (what
// advisors see) is in consent-texts.ts, versioned.
import { defineTexts } from '../i18n/feature-texts';

export const joinTexts = defineTexts({
  nb: {
    'join.title': 'Bli med i en næringshage',
    'join.intro':
      'Med en kode fra næringshagen din kan rådgiverne der følge framgangen din og forberede samtaler med deg. Du bestemmer selv, og du kan trekke deg når som helst.',
    'join.codeLabel': 'Koden fra næringshagen',
    'join.codeHint': 'Den ser slik ut: NH-7K3P-Q2.',
    'join.codeSubmit': 'Gå videre',
    'join.codeInvalid': 'Koden har ikke riktig form. Den ser slik ut: NH-7K3P-Q2.',
    'join.loading': 'Henter næringshagen …',
    'join.place': '{municipality}, {county}',
    'join.privacyLink': 'Les hele personvernerklæringen',
    'join.already':
      'Du er allerede med i {garden}, siden {date}. Sender du skjemaet igjen, oppdateres navnet og firmaet ditt.',
    'join.accountHeading': 'Du trenger en konto',
    'join.accountText':
      'Rådgiverne ser framgangen din gjennom kontoen din. Opprett en konto eller logg inn her, så går du videre med én gang. Det du allerede har gjort på denne enheten, blir med inn i kontoen.',
    'join.formHeading': 'Bli med',
    'join.nameLabel': 'Navnet rådgiverne ser',
    'join.nameHint': 'For eksempel fornavnet ditt, eller fornavn og etternavn.',
    'join.firmLegend': 'Firmaet ditt',
    'join.firmOther': 'Et annet firma',
    'join.firmNameLabel': 'Firmaets navn',
    'join.orgNumberLabel': 'Organisasjonsnummer (valgfritt)',
    'join.orgNumberHint': '9 siffer, fra Brønnøysundregistrene.',
    'join.submit': 'Bli med i {garden}',
    'join.submitting': 'Blir med …',
    'join.nameMissing': 'Skriv navnet rådgiverne skal se.',
    'join.nameTooLong': 'Navnet kan ha høyst 120 tegn.',
    'join.firmMissing': 'Velg firmaet ditt, eller skriv navnet på et annet.',
    'join.orgNumberInvalid':
      'Organisasjonsnummeret stemmer ikke. Det har 9 siffer, for eksempel 974 760 673.',
    'join.doneHeading': 'Du er med i {garden}',
    'join.doneText':
      'Rådgiverne der ser nå det du har samtykket til, fra neste gang enheten din synkroniserer. Du kan trekke samtykket under Innstillinger → Næringshage.',
    'join.doneShare':
      'Vil du dele en refleksjon med dem, slår du på «Del med rådgiveren» i refleksjonsleksjonen.',
    'join.home': 'Til forsiden',
    'join.settings': 'Til innstillingene',
    'join.retry': 'Prøv igjen',
    'join.reload': 'Last inn siden på nytt',
    'join.otherCode': 'Skriv en annen kode',
    'join.error.notFound':
      'Vi fant ingen næringshage med denne koden. Den kan være skrevet feil, trukket tilbake eller utløpt. Be næringshagen om en ny kode.',
    'join.error.offline': 'Du er uten nett. Koble til internett og prøv igjen.',
    'join.error.server': 'Lommekurs-serveren svarer ikke nå. Prøv igjen om litt.',
    'join.error.rateLimited': 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
    'join.error.consentOutdated':
      'Teksten om hva rådgiverne ser, er endret siden appen ble lastet. Last inn siden på nytt og les den nye teksten før du blir med.',
    'join.error.signedOut': 'Du er ikke logget inn lenger. Logg inn igjen og prøv på nytt.',
    'join.error.firm': 'Firmaet ble ikke godtatt. Velg det på nytt, eller skriv navnet igjen.',
    'join.error.other': 'Det gikk ikke å bli med. Prøv igjen.',
  } as const,
  nn: {
    'join.title': 'Bli med i ein næringshage',
    'join.intro':
      'Med ein kode frå næringshagen din kan rådgjevarane der følgje framgangen din og førebu samtalar med deg. Du bestemmer sjølv, og du kan trekkje deg når som helst.',
    'join.codeLabel': 'Koden frå næringshagen',
    'join.codeHint': 'Han ser slik ut: NH-7K3P-Q2.',
    'join.codeSubmit': 'Gå vidare',
    'join.codeInvalid': 'Koden har ikkje rett form. Han ser slik ut: NH-7K3P-Q2.',
    'join.loading': 'Hentar næringshagen …',
    'join.place': '{municipality}, {county}',
    'join.privacyLink': 'Les heile personvernerklæringa',
    'join.already':
      'Du er allereie med i {garden}, sidan {date}. Sender du skjemaet igjen, vert namnet og firmaet ditt oppdaterte.',
    'join.accountHeading': 'Du treng ein konto',
    'join.accountText':
      'Rådgjevarane ser framgangen din gjennom kontoen din. Opprett ein konto eller logg inn her, så går du vidare med ein gong. Det du allereie har gjort på denne eininga, blir med inn i kontoen.',
    'join.formHeading': 'Bli med',
    'join.nameLabel': 'Namnet rådgjevarane ser',
    'join.nameHint': 'Til dømes førenamnet ditt, eller førenamn og etternamn.',
    'join.firmLegend': 'Firmaet ditt',
    'join.firmOther': 'Eit anna firma',
    'join.firmNameLabel': 'Namnet på firmaet',
    'join.orgNumberLabel': 'Organisasjonsnummer (valfritt)',
    'join.orgNumberHint': '9 siffer, frå Brønnøysundregistera.',
    'join.submit': 'Bli med i {garden}',
    'join.submitting': 'Blir med …',
    'join.nameMissing': 'Skriv namnet rådgjevarane skal sjå.',
    'join.nameTooLong': 'Namnet kan ha høgst 120 teikn.',
    'join.firmMissing': 'Vel firmaet ditt, eller skriv namnet på eit anna.',
    'join.orgNumberInvalid':
      'Organisasjonsnummeret stemmer ikkje. Det har 9 siffer, til dømes 974 760 673.',
    'join.doneHeading': 'Du er med i {garden}',
    'join.doneText':
      'Rådgjevarane der ser no det du har samtykt til, frå neste gong eininga di synkroniserer. Du kan trekkje samtykket under Innstillingar → Næringshage.',
    'join.doneShare':
      'Vil du dele ein refleksjon med dei, slår du på «Del med rådgjevaren» i refleksjonsleksjonen.',
    'join.home': 'Til framsida',
    'join.settings': 'Til innstillingane',
    'join.retry': 'Prøv igjen',
    'join.reload': 'Last inn sida på nytt',
    'join.otherCode': 'Skriv ein annan kode',
    'join.error.notFound':
      'Vi fann ingen næringshage med denne koden. Han kan vere skriven feil, trekt tilbake eller utgått. Be næringshagen om ein ny kode.',
    'join.error.offline': 'Du er utan nett. Kople til internett og prøv igjen.',
    'join.error.server': 'Lommekurs-tenaren svarar ikkje no. Prøv igjen om litt.',
    'join.error.rateLimited': 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
    'join.error.consentOutdated':
      'Teksten om kva rådgjevarane ser, er endra sidan appen vart lasta. Last inn sida på nytt og les den nye teksten før du blir med.',
    'join.error.signedOut': 'Du er ikkje logga inn lenger. Logg inn igjen og prøv på nytt.',
    'join.error.firm': 'Firmaet vart ikkje godteke. Vel det på nytt, eller skriv namnet igjen.',
    'join.error.other': 'Det gjekk ikkje å bli med. Prøv igjen.',
  },
  en: {
    'join.title': 'Join a business garden',
    'join.intro':
      'With a code from your business garden, its advisors can follow your progress and prepare conversations with you. It is your choice, and you can leave at any time.',
    'join.codeLabel': 'The code from the business garden',
    'join.codeHint': 'It looks like this: NH-7K3P-Q2.',
    'join.codeSubmit': 'Continue',
    'join.codeInvalid': 'The code is not in the right form. It looks like this: NH-7K3P-Q2.',
    'join.loading': 'Fetching the business garden …',
    'join.place': '{municipality}, {county}',
    'join.privacyLink': 'Read the full privacy statement',
    'join.already':
      'You are already a member of {garden}, since {date}. If you send the form again, your name and firm are updated.',
    'join.accountHeading': 'You need an account',
    'join.accountText':
      'The advisors see your progress through your account. Create an account or sign in here, and you continue straight away. What you have already done on this device comes with you into the account.',
    'join.formHeading': 'Join',
    'join.nameLabel': 'The name the advisors see',
    'join.nameHint': 'For example your first name, or your first and last name.',
    'join.firmLegend': 'Your firm',
    'join.firmOther': 'Another firm',
    'join.firmNameLabel': 'The firm’s name',
    'join.orgNumberLabel': 'Organisation number (optional)',
    'join.orgNumberHint': '9 digits, from the Brønnøysund Register Centre.',
    'join.submit': 'Join {garden}',
    'join.submitting': 'Joining …',
    'join.nameMissing': 'Write the name the advisors will see.',
    'join.nameTooLong': 'The name can have at most 120 characters.',
    'join.firmMissing': 'Choose your firm, or write the name of another one.',
    'join.orgNumberInvalid':
      'The organisation number is not right. It has 9 digits, for example 974 760 673.',
    'join.doneHeading': 'You are a member of {garden}',
    'join.doneText':
      'Its advisors now see what you consented to, from the next time your device syncs. You can withdraw your consent under Settings → Business garden.',
    'join.doneShare':
      'To share a reflection with them, turn on “Share with my advisor” in the reflection lesson.',
    'join.home': 'Go to the home page',
    'join.settings': 'Go to settings',
    'join.retry': 'Try again',
    'join.reload': 'Reload the page',
    'join.otherCode': 'Enter another code',
    'join.error.notFound':
      'We found no business garden with this code. It may be mistyped, revoked or expired. Ask the business garden for a new code.',
    'join.error.offline': 'You are offline. Connect to the internet and try again.',
    'join.error.server': 'The Lommekurs server is not answering right now. Try again in a while.',
    'join.error.rateLimited': 'Too many attempts in a short time. Wait a little and try again.',
    'join.error.consentOutdated':
      'The text about what advisors see has changed since the app was loaded. Reload the page and read the new text before you join.',
    'join.error.signedOut': 'You are no longer signed in. Sign in again and try once more.',
    'join.error.firm': 'The firm was not accepted. Choose it again, or write its name again.',
    'join.error.other': 'Joining did not work. Try again.',
  },
});
