// The words of Safari's deletion notice and of the storage screen's same facts, in the chunk that
// shows them: only Safari tabs load it (app.tsx), so the app's start does not carry them.
import { defineTexts } from '../i18n/feature-texts';

/** The Safari notice's own texts. */
export const safariNoticeTexts = defineTexts({
  nb: {
    'safari.heading': 'Safari kan slette fremgangen din',
    'safari.deletes':
      'Bruker du Safari i 7 dager uten å åpne Lommekurs, sletter Safari alt Lommekurs har lagret på enheten: fremgangen din og kursene du har lastet ned.',
    'safari.keepSafe':
      'Slik tar du vare på det: Legg Lommekurs til på Hjem-skjermen (trykk på Del-knappen og velg «Legg til på Hjem-skjerm»), eller opprett en konto, så lagres fremgangen også hos oss.',
    'safari.keepSafeSynced':
      'Slik tar du vare på det: Legg Lommekurs til på Hjem-skjermen (trykk på Del-knappen og velg «Legg til på Hjem-skjerm»), eller synkroniser før du går, så ligger fremgangen trygt i kontoen din.',
    'safari.dismiss': 'Jeg har forstått',
  },
  nn: {
    'safari.heading': 'Safari kan slette framgangen din',
    'safari.deletes':
      'Brukar du Safari i 7 dagar utan å opne Lommekurs, slettar Safari alt Lommekurs har lagra på eininga: framgangen din og kursa du har lasta ned.',
    'safari.keepSafe':
      'Slik tek du vare på det: Legg Lommekurs til på Heim-skjermen (trykk på Del-knappen og vel «Legg til på Hjem-skjerm»), eller opprett ein konto, så blir framgangen lagra hos oss òg.',
    'safari.keepSafeSynced':
      'Slik tek du vare på det: Legg Lommekurs til på Heim-skjermen (trykk på Del-knappen og vel «Legg til på Hjem-skjerm»), eller synkroniser før du går, så ligg framgangen trygt i kontoen din.',
    'safari.dismiss': 'Eg har forstått',
  },
  en: {
    'safari.heading': 'Safari may delete your progress',
    'safari.deletes':
      'If you use Safari for 7 days without opening Lommekurs, Safari deletes everything Lommekurs stored on this device: your progress and the courses you downloaded.',
    'safari.keepSafe':
      'To keep it: add Lommekurs to your Home Screen (tap the Share button, then “Add to Home Screen”), or create an account, so your progress is also kept with us.',
    'safari.keepSafeSynced':
      'To keep it: add Lommekurs to your Home Screen (tap the Share button, then “Add to Home Screen”), or sync before you leave, so your progress is safe in your account.',
    'safari.dismiss': 'Got it',
  },
});
