// The words of "Var dette nyttig for deg?" after a completed lesson, its comment, the one-time
// question of a learner without an account whether answers may be sent anonymously, and its
// setting in Settings (issue 15), in their own chunk: they are not in the first one. "Hva vil du
// lære mer om?" after a finished course shares the ones both say (course-wishes-texts.ts has the
// rest).
import { defineTexts } from '../i18n/feature-texts';

/** The lesson-feedback question's and its setting's texts. */
export const feedbackTexts = defineTexts({
  nb: {
    'feedback.question': 'Var dette nyttig for deg?',
    'feedback.yes': 'Ja',
    'feedback.some': 'Litt',
    'feedback.no': 'Nei',
    'feedback.skip': 'Hopp over',
    'feedback.commentHeading': 'Hva manglet?',
    'feedback.commentLabel': 'Kommentar (valgfritt)',
    'feedback.count': '{count} av {max} tegn',
    'feedback.forAuthors': 'Kan leses av kursforfatterne',
    'feedback.send': 'Send',
    'feedback.skipComment': 'Hopp over kommentaren',
    'feedback.thanks': 'Takk for svaret!',
    'feedback.where':
      'Svaret lagres på enheten din, og på serveren med fremgangen din hvis du har en konto.',
    'feedback.anonymousQuestion': 'Kan svarene dine sendes anonymt?',
    'feedback.anonymousExplain':
      'Du har ingen konto, så svarene dine blir bare på denne enheten. Sier du ja, sendes de uten konto, enhets-ID eller IP-adresse, så kursene kan bli bedre. En kommentar sendes bare hvis kursforfatterne kan lese den. Vi spør bare én gang.',
    'feedback.anonymousYes': 'Ja, send anonymt',
    'feedback.anonymousNo': 'Nei, behold dem her',
    'feedback.anonymousChosenYes': 'Svarene dine sendes anonymt.',
    'feedback.anonymousChosenNo': 'Svarene dine blir på denne enheten.',
    'feedback.setting': 'Ikke spør meg om tilbakemeldinger',
    'feedback.settingHint':
      'Lommekurs spør ikke lenger «Var dette nyttig for deg?» etter en leksjon eller «Hva vil du lære mer om?» etter et kurs på denne enheten.',
  },
  nn: {
    'feedback.question': 'Var dette nyttig for deg?',
    'feedback.yes': 'Ja',
    'feedback.some': 'Litt',
    'feedback.no': 'Nei',
    'feedback.skip': 'Hopp over',
    'feedback.commentHeading': 'Kva mangla?',
    'feedback.commentLabel': 'Kommentar (valfritt)',
    'feedback.count': '{count} av {max} teikn',
    'feedback.forAuthors': 'Kan lesast av kursforfattarane',
    'feedback.send': 'Send',
    'feedback.skipComment': 'Hopp over kommentaren',
    'feedback.thanks': 'Takk for svaret!',
    'feedback.where':
      'Svaret blir lagra på eininga di, og på tenaren saman med framgangen din viss du har ein konto.',
    'feedback.anonymousQuestion': 'Kan svara dine sendast anonymt?',
    'feedback.anonymousExplain':
      'Du har ingen konto, så svara dine blir berre på denne eininga. Seier du ja, blir dei sende utan konto, einings-ID eller IP-adresse, så kursa kan bli betre. Ein kommentar blir berre send viss kursforfattarane kan lese han. Vi spør berre éin gong.',
    'feedback.anonymousYes': 'Ja, send anonymt',
    'feedback.anonymousNo': 'Nei, behald dei her',
    'feedback.anonymousChosenYes': 'Svara dine blir sende anonymt.',
    'feedback.anonymousChosenNo': 'Svara dine blir verande på denne eininga.',
    'feedback.setting': 'Ikkje spør meg om tilbakemeldingar',
    'feedback.settingHint':
      'Lommekurs spør ikkje lenger «Var dette nyttig for deg?» etter ei leksjon eller «Kva vil du lære meir om?» etter eit kurs på denne eininga.',
  },
  en: {
    'feedback.question': 'Was this useful to you?',
    'feedback.yes': 'Yes',
    'feedback.some': 'Somewhat',
    'feedback.no': 'No',
    'feedback.skip': 'Skip',
    'feedback.commentHeading': 'What was missing?',
    'feedback.commentLabel': 'Comment (optional)',
    'feedback.count': '{count} of {max} characters',
    'feedback.forAuthors': 'The course authors may read this',
    'feedback.send': 'Send',
    'feedback.skipComment': 'Skip the comment',
    'feedback.thanks': 'Thank you for answering!',
    'feedback.where':
      'Your answer is stored on your device, and on the server with your progress if you have an account.',
    'feedback.anonymousQuestion': 'May your answers be sent anonymously?',
    'feedback.anonymousExplain':
      'You have no account, so your answers stay on this device. If you say yes, they are sent without an account, device ID or IP address, to help improve the courses. A comment is sent only if the course authors may read it. We ask only once.',
    'feedback.anonymousYes': 'Yes, send anonymously',
    'feedback.anonymousNo': 'No, keep them here',
    'feedback.anonymousChosenYes': 'Your answers will be sent anonymously.',
    'feedback.anonymousChosenNo': 'Your answers stay on this device.',
    'feedback.setting': 'Don’t ask me for feedback',
    'feedback.settingHint':
      'Lommekurs will no longer ask “Was this useful to you?” after a lesson or “What would you like to learn more about?” after a course on this device.',
  },
});
