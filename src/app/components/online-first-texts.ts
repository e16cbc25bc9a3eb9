// The words shown in place of an online-only screen or part (vite.config.ts, ONLINE) opened
// offline before this device ever fetched its code: it needs a connection the first time only.
import { defineTexts } from '../i18n/feature-texts';

/** The "needs a connection the first time" texts. */
export const onlineFirstTexts = defineTexts({
  nb: {
    'onlineFirst.title': 'Denne siden trenger nett første gang',
    'onlineFirst.text':
      'Første gang du åpner denne siden, må enheten være koblet til internett. Etterpå ligger den på enheten. Koble til og prøv igjen.',
    'onlineFirst.part':
      'Denne delen trenger nett første gang du åpner den. Koble til og last inn siden på nytt.',
  },
  nn: {
    'onlineFirst.title': 'Denne sida treng nett første gong',
    'onlineFirst.text':
      'Første gong du opnar denne sida, må eininga vere kopla til internett. Etterpå ligg ho på eininga. Kopla til og prøv att.',
    'onlineFirst.part':
      'Denne delen treng nett første gong du opnar han. Kopla til og last inn sida på nytt.',
  },
  en: {
    'onlineFirst.title': 'This page needs a connection the first time',
    'onlineFirst.text':
      'The first time you open this page, your device must be online. After that it is kept on the device. Connect and try again.',
    'onlineFirst.part':
      'This part needs a connection the first time you open it. Connect and reload the page.',
  },
});
