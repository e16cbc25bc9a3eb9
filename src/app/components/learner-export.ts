// "Last ned dataene mine" on this device, for every learner: the device's data as two files, a
// summary a person can read and print (HTML, labels in the interface language, dates in local
// time) and the same facts as JSON with readable keys and local ISO dates. The JSON keys are
// Norwegian and do not follow the interface language, so a program reading the file always finds
// the same keys. The export is the whole history: what a course reset hides is included, marked.
import {
  currentProgress,
  isReflectionShared,
  secondsSpent,
  type CourseWishes,
  type LessonProgress,
} from '../../shared/progress';
import type { LessonRating } from '../../shared/events';
import topics from 'virtual:course-topics';
import type { LessonOutline, StoredCourse, StoredLesson } from '../../client-core/db/db';
import type { DeviceData } from '../../client-core/db/learner-data';
import type { I18n } from '../i18n';
import { translateTexts } from '../i18n/feature-texts';
import { deviceDataTexts } from './device-data-texts';

export const EXPORT_HTML_NAME = 'lommekurs-dataene-mine.html';
export const EXPORT_JSON_NAME = 'lommekurs-dataene-mine.json';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** A time as an ISO 8601 date and time in the device's time zone, with its offset
 * ("2026-12-02T09:15:00+01:00"). */
export function localIso(ms: number): string {
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${date}T${time}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : localIso(ms);

type Status = 'completed' | 'started' | 'notStarted';
const STATUS_JSON: Record<Status, string> = {
  completed: 'fullført',
  started: 'påbegynt',
  notStarted: 'ikke begynt',
};

/** One lesson of the export, before it is written as JSON or HTML. */
interface LessonReport {
  id: string;
  title: string;
  status: Status;
  seen: LessonProgress | null;
  stored: LessonProgress | null;
  lesson: StoredLesson | undefined;
}

interface CourseReport {
  id: string;
  title: string | null;
  language: string | undefined;
  lessons: LessonReport[];
}

function statusOf(seen: LessonProgress | null): Status {
  if (!seen) return 'notStarted';
  if (seen.completedAt !== null) return 'completed';
  const touched =
    seen.openedAt !== null || seen.resume !== null || Object.keys(seen.attempts).length > 0;
  return touched || Object.keys(seen.checklist).length > 0 ? 'started' : 'notStarted';
}

/** The courses the learner has progress in, each with its lessons in course order (and any
 * lesson with progress that is no longer in the course after them). */
function reportOf(data: DeviceData): CourseReport[] {
  const courses = new Map<string, StoredCourse>(data.courses.map((c) => [c.id, c]));
  const lessons = new Map(data.lessons.map((l) => [`${l.courseId}\n${l.id}`, l]));
  const byCourse = new Map<string, Map<string, LessonProgress>>();
  for (const p of data.progress) {
    const rows = byCourse.get(p.courseId) ?? new Map<string, LessonProgress>();
    rows.set(p.lessonId, p);
    byCourse.set(p.courseId, rows);
  }
  return [...byCourse].map(([courseId, rows]) => {
    const course = courses.get(courseId);
    const outline: Pick<LessonOutline, 'id' | 'title'>[] = course?.outline ?? [];
    const ids = [
      ...outline.map((l) => l.id),
      ...[...rows.keys()].filter((id) => !outline.some((l) => l.id === id)),
    ];
    return {
      id: courseId,
      title: course?.title ?? null,
      language: course?.language,
      lessons: ids.map((id) => {
        const stored = rows.get(id) ?? null;
        const seen = stored && currentProgress(stored);
        return {
          id,
          title: outline.find((l) => l.id === id)?.title ?? id,
          status: statusOf(seen),
          seen,
          stored,
          lesson: lessons.get(`${courseId}\n${id}`),
        };
      }),
    };
  });
}

/** Right at the first try, over the questions answered since the last reset. */
function firstTries(seen: LessonProgress) {
  const first = new Map<string, { at: number; correct: boolean }>();
  for (const a of Object.values(seen.attempts)) {
    const known = first.get(a.questionId);
    if (!known || a.at < known.at) first.set(a.questionId, { at: a.at, correct: a.correct });
  }
  const correct = [...first.values()].filter((a) => a.correct).length;
  return { correct, total: first.size, answers: Object.keys(seen.attempts).length };
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};

/** The text of a course's (sanitised) HTML fragment, for the JSON file. */
const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim();

const questionText = (lesson: StoredLesson | undefined, id: string) => {
  const html = lesson?.kind === 'quiz' ? lesson.questions.find((q) => q.id === id)?.html : null;
  return html ? plainText(html) : id;
};
const itemText = (lesson: StoredLesson | undefined, id: string) => {
  const html = lesson?.kind === 'checklist' ? lesson.items.find((i) => i.id === id)?.html : null;
  return html ? plainText(html) : id;
};

function lessonJson({ id, title, status, stored, lesson }: LessonReport) {
  if (!stored) return { id, tittel: title, status: STATUS_JSON[status] };
  const resetAt = stored.resetAt ?? null;
  const hidden = (at: number) => resetAt !== null && at <= resetAt;
  return {
    id,
    tittel: title,
    status: STATUS_JSON[status],
    førstÅpnet: iso(stored.openedAt),
    førstFullført: iso(stored.completedAt),
    sistFullført: iso(stored.lastCompletedAt ?? stored.completedAt),
    nullstilt: iso(resetAt),
    sekunderBrukt: secondsSpent(stored),
    quizsvar: Object.values(stored.attempts)
      .sort((a, b) => a.at - b.at)
      .map((a) => ({
        spørsmål: questionText(lesson, a.questionId),
        valgt: a.chosen,
        riktig: a.correct,
        poeng: a.score,
        tidspunkt: localIso(a.at),
        førNullstilling: hidden(a.at),
      })),
    sjekkliste: Object.entries(stored.checklist).map(([itemId, item]) => ({
      punkt: itemText(lesson, itemId),
      gjort: item.value,
      endret: localIso(item.at),
      førNullstilling: hidden(item.at),
    })),
    refleksjon: stored.reflection
      ? { tekst: stored.reflection.value, lagret: localIso(stored.reflection.at) }
      : null,
    // "Del med rådgiveren", once the learner has turned it (issue 14): on or off, and when.
    ...(stored.reflectionShared
      ? {
          deltMedRådgiveren: {
            delt: stored.reflectionShared.value,
            endret: localIso(stored.reflectionShared.at),
          },
        }
      : {}),
    // "Var dette nyttig for deg?" and "Hva manglet?", once answered (issue 15); a reset keeps them.
    ...(stored.rating
      ? { nyttig: { svar: RATING_JSON[stored.rating.value], svart: localIso(stored.rating.at) } }
      : {}),
    ...(stored.comment
      ? {
          kommentar: {
            tekst: stored.comment.value.text,
            kanLesesAvKursforfatterne: stored.comment.value.forAuthors,
            sendt: localIso(stored.comment.at),
          },
        }
      : {}),
    // "Hva vil du lære mer om?", on the lesson that finished the course (issue 15): the topics'
    // ids, as stored; no topic and no text is a skip. A reset keeps it.
    ...(stored.wishes
      ? {
          læreMerOm: {
            emner: stored.wishes.value.topics,
            tekst: stored.wishes.value.text,
            kanLesesAvKursforfatterne: stored.wishes.value.forAuthors,
            svart: localIso(stored.wishes.at),
          },
        }
      : {}),
  };
}

/** A rating in the JSON file: Norwegian words, like the other keys and values. */
const RATING_JSON: Record<LessonRating, string> = {
  yes: 'ja',
  some: 'litt',
  no: 'nei',
  skipped: 'hoppet over',
};

/** The export as pretty-printed JSON. */
export function exportJson(data: DeviceData, now: number): string {
  const document = {
    eksportert: localIso(now),
    kilde: 'Lommekurs, denne enheten',
    kurs: reportOf(data).map((course) => ({
      id: course.id,
      tittel: course.title,
      leksjoner: course.lessons.map(lessonJson),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function lessonHtml(i18n: I18n, report: LessonReport, lang: string | undefined): string {
  const tdd = translateTexts(deviceDataTexts, i18n.lang);
  const { seen, stored, lesson } = report;
  const status =
    report.status === 'completed' && seen?.completedAt
      ? tdd('export.completedOn', { date: i18n.date(seen.completedAt) })
      : tdd(report.status === 'started' ? 'export.started' : 'export.notStarted');
  const parts = [`<p>${escapeHtml(status)}</p>`];
  if (stored?.resetAt) {
    parts.push(`<p>${escapeHtml(tdd('export.resetOn', { date: i18n.date(stored.resetAt) }))}</p>`);
  }
  if (seen && Object.keys(seen.attempts).length > 0) {
    parts.push(`<p>${escapeHtml(tdd('export.quiz', firstTries(seen)))}</p>`);
  }
  if (seen && lesson?.kind === 'checklist') {
    const done = lesson.items.filter((item) => seen.checklist[item.id]?.value).length;
    const items = lesson.items
      .map((item) => {
        const mark = tdd(seen.checklist[item.id]?.value ? 'export.checked' : 'export.notChecked');
        // The item's HTML was sanitised when the course was compiled, as it is on screen.
        return `<li><div lang="${escapeHtml(lang ?? '')}">${item.html}</div>${escapeHtml(mark)}</li>`;
      })
      .join('');
    parts.push(
      `<p>${escapeHtml(tdd('export.checklist', { done, total: lesson.items.length }))}</p><ul>${items}</ul>`,
    );
  }
  if (stored?.reflection?.value) {
    parts.push(
      `<p>${escapeHtml(tdd('export.reflection'))}</p><blockquote>${escapeHtml(stored.reflection.value).replace(/\n/g, '<br>')}</blockquote>`,
    );
  }
  if (stored && isReflectionShared(stored)) {
    parts.push(`<p>${escapeHtml(tdd('export.reflectionShared'))}</p>`);
  }
  if (stored?.rating) {
    const answer = tdd(`export.rating.${stored.rating.value}`);
    parts.push(`<p>${escapeHtml(tdd('export.rating', { answer }))}</p>`);
  }
  if (stored?.comment?.value.text) {
    parts.push(
      `<p>${escapeHtml(tdd('export.comment'))}</p><blockquote>${escapeHtml(stored.comment.value.text).replace(/\n/g, '<br>')}</blockquote>`,
    );
    if (stored.comment.value.forAuthors) {
      parts.push(`<p>${escapeHtml(tdd('export.commentForAuthors'))}</p>`);
    }
  }
  if (stored?.wishes) parts.push(...wishesHtml(i18n, stored.wishes.value));
  const seconds = stored ? secondsSpent(stored) : 0;
  if (seconds > 0) {
    parts.push(
      `<p>${escapeHtml(tdd('export.time', { minutes: Math.max(1, Math.round(seconds / 60)) }))}</p>`,
    );
  }
  const title = `<h3 lang="${escapeHtml(lang ?? '')}">${escapeHtml(report.title)}</h3>`;
  return `<li>${title}${parts.join('')}</li>`;
}

/** "Hva vil du lære mer om?" in the HTML file: the topics by their labels in the interface
 * language (an id the app no longer lists, as it is), the text, or that it was skipped. */
function wishesHtml(i18n: I18n, { topics: ids, text, forAuthors }: CourseWishes): string[] {
  const tdd = translateTexts(deviceDataTexts, i18n.lang);
  const label = (id: string) => topics.find((topic) => topic.id === id)?.[i18n.lang] ?? id;
  const parts: string[] = [];
  if (ids.length > 0) {
    parts.push(`<p>${escapeHtml(tdd('export.wishes', { topics: ids.map(label).join(', ') }))}</p>`);
  } else if (text === '') {
    parts.push(`<p>${escapeHtml(tdd('export.wishesSkipped'))}</p>`);
  }
  if (text !== '') {
    parts.push(
      `<p>${escapeHtml(tdd('export.comment'))}</p><blockquote>${escapeHtml(text).replace(/\n/g, '<br>')}</blockquote>`,
    );
    if (forAuthors) parts.push(`<p>${escapeHtml(tdd('export.commentForAuthors'))}</p>`);
  }
  return parts;
}

/** The export as a standalone HTML page in the interface language. */
export function exportHtml(data: DeviceData, i18n: I18n, now: number): string {
  const tdd = translateTexts(deviceDataTexts, i18n.lang);
  const courses = reportOf(data);
  const body =
    courses.length === 0
      ? `<p>${escapeHtml(tdd('export.none'))}</p>`
      : courses
          .map((course) => {
            const title = course.title ?? tdd('export.unknownCourse', { id: course.id });
            const lang = course.title ? course.language : undefined;
            const heading = `<h2${lang ? ` lang="${escapeHtml(lang)}"` : ''}>${escapeHtml(title)}</h2>`;
            const lessons = course.lessons.map((l) => lessonHtml(i18n, l, lang)).join('');
            return `<section>${heading}<ul class="lessons">${lessons}</ul></section>`;
          })
          .join('');
  const when = `${i18n.date(now)} ${i18n.time(now)}`;
  return `<!doctype html>
<html lang="${i18n.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(tdd('export.title'))}</title>
<style>
body { font: 1.0625rem/1.5 system-ui, sans-serif; max-width: 42rem; margin: 1.5rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; overflow-wrap: break-word; }
ul.lessons { list-style: none; padding: 0; }
ul.lessons > li { border-top: 1px solid #bbb; padding: 0.5rem 0; }
blockquote { margin: 0.5rem 0; padding-left: 1rem; border-left: 4px solid #bbb; }
h3 { margin: 0.25rem 0; font-size: 1.1rem; }
</style>
</head>
<body>
<h1>${escapeHtml(tdd('export.title'))}</h1>
<p>${escapeHtml(tdd('export.intro', { date: when }))}</p>
${body}
</body>
</html>
`;
}
