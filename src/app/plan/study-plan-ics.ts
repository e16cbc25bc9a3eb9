// The study plan as an iCalendar file (RFC 5545) for the learner's own calendar: one event of 15
// minutes every week on the plan's weekday and time in Norwegian time, from the next time that
// comes, with a reminder at its start and a link back to the app. Made on the device with
// ical-generator (no request, so it works offline; no push service: the calendar reminds).
// A chunk of its own, loaded when "Legg i kalenderen" is pressed; pure, so it is tested in Node.
//
// Time zones: the event is written as local time in Europe/Oslo (DTSTART;TZID=Europe/Oslo), with
// the zone's rules in a VTIMEZONE below (CET/CEST since 1996), so a calendar keeps 07:30 across
// the change to and from summer time, and shows it at the right moment on a phone set to another
// zone. ical-generator writes a JavaScript Date given with a time zone in the *device's* zone, so
// the times are given as objects of its Day.js shape (ICalDayJsStub) that know their Oslo fields.
import ical, {
  ICalAlarmType,
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalWeekday,
  type ICalDayJsStub,
} from 'ical-generator';
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
  const calendar = ical({
    prodId: { company: 'Lommekurs', product: 'Studieplan' },
    method: ICalCalendarMethod.PUBLISH,
    name: texts.calendarName,
    // No calendar-wide zone name: with one, ical-generator writes DTSTAMP in local time without
    // the Z that RFC 5545 (3.8.7.2) requires. The event's zone still gets its VTIMEZONE.
    timezone: { name: null, generator: vtimezoneOf },
  });
  calendar.createEvent({
    id: `${plan.id}@lommekurs`,
    sequence: plan.revision,
    stamp: new Date(now),
    timezone: PLAN_TIME_ZONE,
    start: osloTime(start),
    end: osloTime(end),
    repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [ICalWeekday[plan.day]] },
    summary: texts.summary,
    description: `${texts.sentence}\n\n${texts.openApp(url)}`,
    url,
    alarms: [{ type: ICalAlarmType.display, trigger: 0, description: texts.sentence }],
  });
  return calendar.toString();
}

/** The VTIMEZONE of the plan's zone; none for any other (the plan uses only Oslo). */
const vtimezoneOf = (zone: string): string | null =>
  zone === PLAN_TIME_ZONE ? OSLO_VTIMEZONE : null;

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

/** A moment as ical-generator's Day.js shape, formatting the Oslo wall clock at that moment
 * (asked for with `tz('Europe/Oslo')`; the event always has that zone). */
function osloTime(ms: number): ICalDayJsStub {
  const fieldsIn = (w: WallClock): ICalDayJsStub => ({
    tz: (zone) => {
      if (zone !== undefined && zone !== PLAN_TIME_ZONE) throw new Error(`not in ${zone}`);
      return fieldsIn(osloWallClock(ms));
    },
    utc: () => fieldsIn(utcFields(ms)),
    format: (pattern = 'YYYY-MM-DDTHH:mm:ss') =>
      pattern.replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => {
        const value = {
          YYYY: pad(w.year, 4),
          MM: pad(w.month),
          DD: pad(w.day),
          HH: pad(w.hour),
          mm: pad(w.minute),
          ss: pad(w.second),
        }[token];
        return value ?? token;
      }),
    toDate: () => new Date(ms),
    isValid: () => Number.isFinite(ms),
    toJSON: () => new Date(ms).toISOString(),
  });
  return fieldsIn(osloWallClock(ms));
}
