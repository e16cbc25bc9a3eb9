// The words of the notice shown when the account was deleted on another device, in the notice's own
// chunk (src/app/components/SyncStatus.tsx loads it only then).
import { defineTexts } from '../i18n/feature-texts';

/** The account-deleted notice's texts. */
export const accountDeletedTexts = defineTexts({
  nb: {
    'accountDeleted.title': 'Kontoen din er slettet',
    'accountDeleted.text':
      'Kontoen og fremgangen som var lagret på tjeneren, ble slettet fra en annen enhet. Det du har gjort, ligger fortsatt på denne enheten, men blir ikke synkronisert lenger.',
    'accountDeleted.question': 'Vil du beholde det på denne enheten uten konto, eller slette det?',
    'accountDeleted.keep': 'Behold på denne enheten',
    'accountDeleted.wipe': 'Slett fra denne enheten',
    'accountDeleted.wipeTitle': 'Slette fremgangen på denne enheten?',
    'accountDeleted.wipeText':
      'Fullførte leksjoner, svar, avkrysninger og refleksjoner på denne enheten blir slettet. Det kan ikke angres. Kursene du har lastet ned, blir liggende.',
    'accountDeleted.wipeConfirm': 'Slett fremgangen',
    'accountDeleted.kept':
      'Fremgangen er beholdt på denne enheten, uten konto. Du kan opprette en ny konto når du vil.',
    'accountDeleted.wiped': 'Fremgangen er slettet fra denne enheten.',
    'accountDeleted.failed': 'Det gikk ikke. Prøv igjen.',
  } as const,
  nn: {
    'accountDeleted.title': 'Kontoen din er sletta',
    'accountDeleted.text':
      'Kontoen og framgangen som var lagra på tenaren, vart sletta frå ei anna eining. Det du har gjort, ligg framleis på denne eininga, men blir ikkje synkronisert lenger.',
    'accountDeleted.question': 'Vil du behalde det på denne eininga utan konto, eller slette det?',
    'accountDeleted.keep': 'Behald på denne eininga',
    'accountDeleted.wipe': 'Slett frå denne eininga',
    'accountDeleted.wipeTitle': 'Slette framgangen på denne eininga?',
    'accountDeleted.wipeText':
      'Fullførte leksjonar, svar, avkryssingar og refleksjonar på denne eininga blir sletta. Det kan ikkje angrast. Kursa du har lasta ned, blir liggjande.',
    'accountDeleted.wipeConfirm': 'Slett framgangen',
    'accountDeleted.kept':
      'Framgangen er teken vare på på denne eininga, utan konto. Du kan opprette ein ny konto når du vil.',
    'accountDeleted.wiped': 'Framgangen er sletta frå denne eininga.',
    'accountDeleted.failed': 'Det gjekk ikkje. Prøv igjen.',
  },
  en: {
    'accountDeleted.title': 'Your account has been deleted',
    'accountDeleted.text':
      'Your account and the progress stored on the server were deleted from another device. What you have done is still on this device, but it is no longer synced.',
    'accountDeleted.question':
      'Do you want to keep it on this device without an account, or delete it?',
    'accountDeleted.keep': 'Keep on this device',
    'accountDeleted.wipe': 'Delete from this device',
    'accountDeleted.wipeTitle': 'Delete the progress on this device?',
    'accountDeleted.wipeText':
      'Completed lessons, answers, ticked items and reflections on this device will be deleted. This cannot be undone. The courses you have downloaded stay.',
    'accountDeleted.wipeConfirm': 'Delete the progress',
    'accountDeleted.kept':
      'Your progress is kept on this device, without an account. You can create a new account whenever you like.',
    'accountDeleted.wiped': 'The progress has been deleted from this device.',
    'accountDeleted.failed': 'That did not work. Please try again.',
  },
});
