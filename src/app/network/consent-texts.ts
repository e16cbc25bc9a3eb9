// The consent text: what a garden's advisors will and will not see of a learner who joins, in
// plain words. The consent screen (/bli-med) shows it and the privacy statement (/personvern)
// repeats it. The server records which version of it the learner accepted
// (CONSENT_TEXT_VERSION in src/shared/network-protocol.ts): change a word of it and that version
// must change too (test/app/network-consent-text.test.ts holds the two together), so nobody is
// taken to have accepted a text they were not shown.
import { defineTexts } from '../i18n/feature-texts';

export const consentTexts = defineTexts({
  nb: {
    'consent.willHeading': 'Dette ser rådgiverne i næringshagen',
    'consent.will.name': 'Navnet du velger å vise dem, og firmaet ditt.',
    'consent.will.courses':
      'Hvilke kurs du har begynt på og fullført, og hvilke leksjoner du har åpnet og fullført.',
    'consent.will.minutes': 'Hvor mange minutter du har brukt i hvert kurs.',
    'consent.will.activity': 'Når du sist var aktiv, og når enheten din sist synkroniserte.',
    'consent.will.reflections':
      'Refleksjonene du selv deler med bryteren «Del med rådgiveren» – bare de.',
    'consent.wontHeading': 'Dette ser de ikke',
    'consent.wont.quiz': 'Svarene dine i quizene.',
    'consent.wont.reflections': 'Refleksjoner du ikke deler.',
    'consent.wont.email': 'E-postadressen din.',
    'consent.wont.after': 'Noe som helst om deg etter at du har trukket samtykket.',
    'consent.withdraw':
      'Det er frivillig, og du kan trekke samtykket når som helst under Innstillinger → Næringshage. Da får rådgiverne ikke noe mer om deg, og du forsvinner fra oversikten deres neste gang den oppdateres.',
  } as const,
  nn: {
    'consent.willHeading': 'Dette ser rådgjevarane i næringshagen',
    'consent.will.name': 'Namnet du vel å vise dei, og firmaet ditt.',
    'consent.will.courses':
      'Kva kurs du har byrja på og fullført, og kva leksjonar du har opna og fullført.',
    'consent.will.minutes': 'Kor mange minutt du har brukt i kvart kurs.',
    'consent.will.activity': 'Når du sist var aktiv, og når eininga di sist synkroniserte.',
    'consent.will.reflections':
      'Refleksjonane du sjølv deler med brytaren «Del med rådgjevaren» – berre dei.',
    'consent.wontHeading': 'Dette ser dei ikkje',
    'consent.wont.quiz': 'Svara dine i quizane.',
    'consent.wont.reflections': 'Refleksjonar du ikkje deler.',
    'consent.wont.email': 'E-postadressa di.',
    'consent.wont.after': 'Noko som helst om deg etter at du har trekt samtykket.',
    'consent.withdraw':
      'Det er frivillig, og du kan trekkje samtykket når som helst under Innstillingar → Næringshage. Då får rådgjevarane ikkje noko meir om deg, og du forsvinn frå oversikta deira neste gong ho vert oppdatert.',
  },
  en: {
    'consent.willHeading': 'What the business garden’s advisors will see',
    'consent.will.name': 'The name you choose to show them, and your firm.',
    'consent.will.courses':
      'Which courses you have started and completed, and which lessons you have opened and completed.',
    'consent.will.minutes': 'How many minutes you have spent in each course.',
    'consent.will.activity': 'When you were last active, and when your device last synced.',
    'consent.will.reflections':
      'The reflections you choose to share with the “Share with my advisor” switch – only those.',
    'consent.wontHeading': 'What they will not see',
    'consent.wont.quiz': 'Your quiz answers.',
    'consent.wont.reflections': 'Reflections you do not share.',
    'consent.wont.email': 'Your email address.',
    'consent.wont.after': 'Anything about you after you withdraw your consent.',
    'consent.withdraw':
      'It is voluntary, and you can withdraw your consent at any time under Settings → Business garden. The advisors then get nothing more about you, and you disappear from their overview the next time it is refreshed.',
  },
});

/** The keys of what advisors will see, in the order shown. */
export const WILL_SEE = [
  'consent.will.name',
  'consent.will.courses',
  'consent.will.minutes',
  'consent.will.activity',
  'consent.will.reflections',
] as const;

/** The keys of what advisors will not see, in the order shown. */
export const WONT_SEE = [
  'consent.wont.quiz',
  'consent.wont.reflections',
  'consent.wont.email',
  'consent.wont.after',
] as const;
