// The study plan as an iCalendar file (RFC 5545) for the learner's own calendar: one event of 15
// minutes every week on the plan's weekday and time in Norwegian time, from the next time that
// comes, with a reminder at its start and a link back to the app. Made on the device (no request,
// so it works offline; no push service: the calendar reminds). A chunk of its own, loaded when
// "Legg i kalenderen" is pressed; pure, so it is tested in Node (read back with ical.js).
//
// Written here, not with a library: the file is one fixed shape, and ical-generator with its
// helpers cost 8 KB gzip of the offline shell (issue 13) for what is about fifty lines. What
// RFC 5545 asks of a writer is here: CRLF after every line (3.1), lines folded at 75 octets
// without splitting a character (3.1), TEXT values escaped (3.3.11), DTSTAMP in UTC (3.8.7.2).
//
// Time zones: the event is written as local time in Europe/Oslo (DTSTART;TZID=Europe/Oslo), with
// the zone's rules in a VTIMEZONE below (CET/CEST since 1996), so a calendar keeps 07:30 across
// the change to and from summer time, and shows it at the right moment on a phone set to another
// zone. The Oslo fields are computed with Intl, never from the device's own zone.
import { WEEKDAYS, type StudyPlan, type Weekday } from '../../shared/study-plan';

/** The downloaded file's name. */
export const STUDY_PLAN_FILE = 'lommekurs-studieplan.ics';

/** Its media type (RFC 5545 section 8.1). */
export const CALENDAR_TYPE = 'text/calendar';

/** The plan's time zone: course leaders in Norway plan by Norwegian time. */
export const PLAN_TIME_ZONE = 'Europe/Oslo';

/** Minutes a planned lesson takes in the calendar. */
export const PLAN_MINUTES = 15;

/** Europe/Oslo's rules since 1996 (EU summer time): CEST from 02:00 on the last Sunday of March,
 * CET from 03:00 on the last Sunday of October. Written here rather than taken from a time-zone
 * database: one zone, and its rules change by law, seldom. */
export const OSLO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${PLAN_TIME_ZONE}`,
  `X-LIC-LOCATION:${PLAN_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** The calendar file's words, in the interface language (plan-sentence.ts makes them). */
export interface StudyPlanCalendarTexts {
  /** The event's title: "Lommekurs: én leksjon". */
  summary: string;
  /** The plan's sentence: "Når jeg er på ferja, tar jeg én leksjon." */
  sentence: string;
  /** The line with the link back to the app: "Åpne Lommekurs: https://…/". */
  openApp: (url: string) => string;
  /** The calendar's name: "Lommekurs – studieplan". */
  calendarName: string;
}

export interface StudyPlanCalendarOptions {
  /** The app's origin (`location.origin`): the event links to its start page. */
  origin: string;
  /** When the file is made: the event starts at the plan's next weekday and time after it. */
  now: Date | number;
  texts: StudyPlanCalendarTexts;
}

/** The study plan as the text of an .ics file. */
export function studyPlanCalendar(plan: StudyPlan, options: StudyPlanCalendarOptions): string {
  const { texts } = options;
  const now = new Date(options.now).getTime();
  const url = `${new URL(options.origin).origin}/`;
  const start = nextPlanStart(plan.day, plan.time, now);
  const end = start + PLAN_MINUTES * 60_000;
  const zoned = `;TZID=${PLAN_TIME_ZONE}:`;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lommekurs//Studieplan//EN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(texts.calendarName)}`,
    `X-WR-CALNAME:${escapeText(texts.calendarName)}`,
    OSLO_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeText(`${plan.id}@lommekurs`)}`,
    `SEQUENCE:${plan.revision}`,
    `DTSTAMP:${dateTime(utcFields(now))}Z`,
    `DTSTART${zoned}${dateTime(osloWallClock(start))}`,
    `DTEND${zoned}${dateTime(osloWallClock(end))}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${plan.day}`,
    `SUMMARY:${escapeText(texts.summary)}`,
    `DESCRIPTION:${escapeText(`${texts.sentence}\n\n${texts.openApp(url)}`)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0S',
    `DESCRIPTION:${escapeText(texts.sentence)}`,
    'END:VALARM',
    `URL;VALUE=URI:${url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
    .flatMap((line) => line.split('\r\n'))
    .map(foldLine)
    .join('');
}

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
export const escapeText = (text: string): string =>
  text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

const encoder = new TextEncoder();

/** One content line with its CRLF, folded (RFC 5545 3.1): no line longer than 75 octets, a
 * continuation starting with a space, and never a UTF-8 character cut in two. */
export function foldLine(line: string): string {
  let folded = '';
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // A continuation line's leading space counts towards its 75 octets.
    if (octets + size > 75) {
      folded += `${current}\r\n`;
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  return `${folded}${current}\r\n`;
}

/** A clock reading: the date and time a wall clock shows. */
interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const osloFields = new Intl.DateTimeFormat('en-GB', {
  timeZone: PLAN_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** What a clock in Oslo shows at the moment `ms`. */
export function osloWallClock(ms: number): WallClock {
  const parts: Record<string, number> = {};
  for (const { type, value } of osloFields.formatToParts(ms)) parts[type] = Number(value);
  const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = parts;
  return { year, month, day, hour, minute, second };
}

/** The wall-clock fields as if they were UTC: for calendar arithmetic on them. */
const asUtc = (w: WallClock): number =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

const utcFields = (ms: number): WallClock => {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
};

const HOUR = 3_600_000;

/** The moment a clock in Oslo shows `w`. A reading that comes twice (the autumn hour) is its
 * first, and one that never comes (the spring hour) is read with the offset before the gap: as
 * RFC 5545 (3.3.5) reads a local time, so this is what a calendar makes of the file too. */
export function osloMoment(w: WallClock): number {
  const local = asUtc(w);
  for (const offset of [2, 1]) {
    const moment = local - offset * HOUR;
    if (asUtc(osloWallClock(moment)) === local) return moment;
  }
  return local - HOUR;
}

/** The first moment after `now` when a clock in Oslo shows `time` (HH:MM) on `day`. */
export function nextPlanStart(day: Weekday, time: string, now: number): number {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const today = osloWallClock(now);
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  const todayIndex = (new Date(asUtc(today)).getUTCDay() + 6) % 7;
  const ahead = (WEEKDAYS.indexOf(day) - todayIndex + 7) % 7;
  for (const days of [ahead, ahead + 7]) {
    const date = utcFields(Date.UTC(today.year, today.month - 1, today.day + days));
    const moment = osloMoment({ ...date, hour, minute, second: 0 });
    if (moment > now) return moment;
  }
  throw new Error('unreachable: a week ahead is always after now');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A DATE-TIME's digits (RFC 5545 3.3.5) of a clock reading: 20270111T073000. */
const dateTime = (w: WallClock): string =>
  `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
