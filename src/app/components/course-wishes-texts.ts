// The words of "Hva vil du lære mer om?" below a finished course's summary (issue 15), in the
// chunk that asks. "Send", "Hopp over", the counter, the authors' box and the thanks are the
// lesson question's (feedback-texts.ts).
import { defineTexts } from '../i18n/feature-texts';

/** The course-wishes question's own texts. */
export const courseWishesTexts = defineTexts({
  nb: {
    'wishes.question': 'Hva vil du lære mer om?',
    'wishes.hint': 'Velg opptil tre.',
    'wishes.textLabel': 'Noe annet du vil lære? (valgfritt)',
    'wishes.skipped': 'Greit, vi spør ikke om dette kurset igjen.',
  },
  nn: {
    'wishes.question': 'Kva vil du lære meir om?',
    'wishes.hint': 'Vel opptil tre.',
    'wishes.textLabel': 'Noko anna du vil lære? (valfritt)',
    'wishes.skipped': 'Greitt, vi spør ikkje om dette kurset igjen.',
  },
  en: {
    'wishes.question': 'What would you like to learn more about?',
    'wishes.hint': 'Choose up to three.',
    'wishes.textLabel': 'Anything else you would like to learn? (optional)',
    'wishes.skipped': 'Fine, we will not ask about this course again.',
  },
});
