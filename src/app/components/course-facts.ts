// Shared wording for a course's facts (lesson count, minutes and content language) and a lesson's
// time (reading, and the work a checklist asks for).
import { LANGUAGES, type CourseLanguage, type TaskMinutes } from '../../shared/course';
import type { I18n } from '../i18n';

const isCourseLanguage = (code: string): code is CourseLanguage =>
  (LANGUAGES as readonly string[]).includes(code);

/** "Språk: bokmål", or the raw code for a language this version does not know. */
export const languageFact = ({ t }: I18n, code: string): string =>
  t('language.label', { language: isCourseLanguage(code) ? t(`language.${code}`) : code });

/** ["4 leksjoner", "14 min", "Språk: bokmål"]. */
export const courseFacts = (
  i18n: I18n,
  course: { lessonCount: number; minutes: number; language: string },
): string[] => [
  i18n.t('unit.lessons', { count: course.lessonCount }),
  i18n.t('unit.minutes', { count: course.minutes }),
  languageFact(i18n, course.language),
];

/** ["3 min"], or for a checklist that asks for work: ["3 min å lese", "oppgaven tar 30–60 min"]. */
export const lessonTime = (
  { t }: I18n,
  lesson: { minutes: number; taskMinutes?: TaskMinutes },
): string[] => {
  const task = lesson.taskMinutes;
  if (!task) return [t('unit.minutes', { count: lesson.minutes })];
  return [
    t('unit.readingMinutes', { count: lesson.minutes }),
    task.from === task.to
      ? t('unit.taskMinutes', { count: task.from })
      : t('unit.taskMinutesRange', { from: task.from, to: task.to }),
  ];
};
