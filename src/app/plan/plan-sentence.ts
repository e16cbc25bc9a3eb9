// A study plan in words, in the interface language: "Hver mandag kl. 07:30: Når jeg er på ferja,
// tar jeg én leksjon." Shared by the screen (the preview and the saved plan) and the calendar
// file's texts. Weekday names come from Intl, so nynorsk says "måndag" and English "Monday".
import type { TranslateOf } from '../i18n/types';
import type { StudyPlanChoice, StudyPlanCue, Weekday } from '../../shared/study-plan';
import { WEEKDAYS } from '../../shared/study-plan';
import type { StudyPlanCalendarTexts } from './study-plan-ics';
import type { studyPlanTexts } from './study-plan-texts';

type PlanTranslate = TranslateOf<(typeof studyPlanTexts)['nb']>;

/** The weekday's name in `locale`, as it reads inside a sentence ("mandag", "Monday"). */
export function weekdayName(locale: string, day: Weekday): string {
  // 1 January 2024 was a Monday.
  const noon = Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day), 12);
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(noon);
}

/** The words after "Når": an example's clause, or the learner's own without a "Når" or "When" of
 * their own at the start or a full stop at the end (the sentence adds them). */
export function cueClause(tp: PlanTranslate, cue: StudyPlanCue): string {
  if (cue.kind === 'example') return tp(`plan.clause.${cue.example}` as const);
  return cue.text
    .trim()
    .replace(/^(når|when)\s+/i, '')
    .replace(/[\s,.;:!?]+$/u, '');
}

/** "Når jeg er på ferja, tar jeg én leksjon." */
export const planSentence = (tp: PlanTranslate, cue: StudyPlanCue): string =>
  tp('plan.sentence', { cue: cueClause(tp, cue) });

/** "Hver mandag kl. 07:30: Når jeg er på ferja, tar jeg én leksjon." */
export function planSummary(tp: PlanTranslate, locale: string, plan: StudyPlanChoice): string {
  const when = tp('plan.when', { day: weekdayName(locale, plan.day), time: plan.time });
  return `${when}: ${planSentence(tp, plan.cue)}`;
}

/** The calendar file's words for a plan. */
export const calendarTexts = (
  tp: PlanTranslate,
  plan: StudyPlanChoice,
): StudyPlanCalendarTexts => ({
  summary: tp('plan.icsSummary'),
  sentence: planSentence(tp, plan.cue),
  openApp: (url) => tp('plan.icsOpen', { url }),
  calendarName: tp('plan.icsName'),
});
