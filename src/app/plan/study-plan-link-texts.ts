// The few words Settings shows about "Ukemål og studieplan" (issue 16 item 4): a module of their
// own, so the Settings chunk does not carry the study-plan screen's texts.
import { defineTexts } from '../i18n/feature-texts';

/** The Settings section that links to /studieplan. */
export const studyPlanLinkTexts = defineTexts({
  nb: {
    'planLink.heading': 'Ukemål og studieplan',
    'planLink.text': 'Sett deg et mål for uka, og legg en fast leksjon i kalenderen.',
    'planLink.link': 'Lag en studieplan',
  },
  nn: {
    'planLink.heading': 'Vekemål og studieplan',
    'planLink.text': 'Set deg eit mål for veka, og legg ein fast leksjon i kalenderen.',
    'planLink.link': 'Lag ein studieplan',
  },
  en: {
    'planLink.heading': 'Weekly goal and study plan',
    'planLink.text': 'Set a goal for the week, and put a regular lesson in your calendar.',
    'planLink.link': 'Make a study plan',
  },
});
