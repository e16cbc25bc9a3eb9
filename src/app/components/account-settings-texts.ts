// The words of the account part of Settings that show offline too (whether the learner is signed
// in, the way to the account screen), in Settings' chunk; the rest of the account's words are
// account-texts.ts, in the online-only chunks (vite.config.ts, ONLINE).
import { defineTexts } from '../i18n/feature-texts';

/** The texts of the account section of Settings, and of the account screen's status. */
export const accountSettingsTexts = defineTexts({
  nb: {
    'account.link': 'Konto og synkronisering',
    'account.signedInAs': 'Logget inn som {email}',
    'account.expired':
      'Du er logget ut av kontoen på denne enheten. Logg inn igjen for å synkronisere. Endringene dine er tatt vare på.',
    'account.settingsSignedOut':
      'Du er ikke logget inn. Fremgangen din er bare lagret på denne enheten.',
    'account.manage': 'Gå til kontoen',
  },
  nn: {
    'account.link': 'Konto og synkronisering',
    'account.signedInAs': 'Logga inn som {email}',
    'account.expired':
      'Du er logga ut av kontoen på denne eininga. Logg inn att for å synkronisere. Endringane dine er tekne vare på.',
    'account.settingsSignedOut':
      'Du er ikkje logga inn. Framgangen din er berre lagra på denne eininga.',
    'account.manage': 'Gå til kontoen',
  },
  en: {
    'account.link': 'Account and sync',
    'account.signedInAs': 'Signed in as {email}',
    'account.expired':
      'You have been signed out of your account on this device. Sign in again to sync. Your changes are kept.',
    'account.settingsSignedOut':
      'You are not signed in. Your progress is stored on this device only.',
    'account.manage': 'Go to your account',
  },
});
