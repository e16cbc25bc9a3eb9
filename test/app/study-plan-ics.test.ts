// The study plan's calendar file (src/app/plan/study-plan-ics.ts), read back with ical.js — a
// parser that shares nothing with the writer — and its times checked against
// the system's time-zone database (Intl): one weekly event on the plan's weekday at its time in
// Norwegian time, in winter (UTC+1) and in summer (UTC+2), across the changes between them for
// ten years of weeks, for every weekday and several times, whatever zone the device is set to; and
// the file's form as RFC 5545 asks it of a writer, read line by line: CRLF line ends, lines folded
// at 75 octets without cutting a UTF-8 character, TEXT values escaped.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { translateTexts } from '../../src/app/i18n/feature-texts';
import { calendarTexts } from '../../src/app/plan/plan-sentence';
import {
  PLAN_MINUTES,
  STUDY_PLAN_FILE,
  escapeText,
  foldLine,
  nextPlanStart,
  osloMoment,
  studyPlanCalendar,
} from '../../src/app/plan/study-plan-ics';
import { studyPlanTexts } from '../../src/app/plan/study-plan-texts';
import { WEEKDAYS, type StudyPlan, type Weekday } from '../../src/shared/study-plan';

const ORIGIN = 'https://lommekurs.example';
const tp = translateTexts(studyPlanTexts, 'nb');

const planOf = (day: Weekday, time: string): StudyPlan => ({
  id: '01920000-0000-7000-8000-0000000000aa',
  revision: 0,
  cue: { kind: 'example', example: 'ferry' },
  day,
  time,
});
const FERRY = planOf('MO', '07:30');

const calendarText = (plan: StudyPlan, now: string | number) =>
  studyPlanCalendar(plan, {
    origin: `${ORIGIN}/studieplan`,
    now: new Date(now),
    texts: calendarTexts(tp, plan),
  });

/** The file as ical.js reads it. */
function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  const vevent = vevents[0]!;
  return { calendar, vevents, vevent, event: new ICAL.Event(vevent) };
}

/** What a clock in Oslo shows at a moment, by the system's time-zone database. */
const osloClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  weekday: 'short',
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
});
const WEEKDAY_SHORT: Record<Weekday, string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};
const shownInOslo = (ms: number) => osloClock.format(ms).replace(',', '');
const instantOf = (time: ICAL.Time) => time.toUnixTime() * 1000;
/** ical.js's dayOfWeek: 1 is Sunday. */
const weekdayOf = (time: ICAL.Time): Weekday => WEEKDAYS[(time.dayOfWeek() + 5) % 7]!;

afterEach(() => {
  delete process.env.TZ;
});

describe('the study plan as an iCalendar file', () => {
  it('holds one weekly event on the plan, in Europe/Oslo, with a reminder and a link back', () => {
    const text = calendarText(FERRY, '2027-01-06T12:00:00Z');
    expect(STUDY_PLAN_FILE).toBe('lommekurs-studieplan.ics');
    const { calendar, vevents, vevent, event } = read(text);

    expect(calendar.name).toBe('vcalendar');
    expect(vevents).toHaveLength(1);
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Oslo']);
    // The zone is read from the file itself: nothing is registered with ical.js.
    expect(ICAL.TimezoneService.has('Europe/Oslo')).toBe(false);

    const rrule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rrule.freq).toBe('WEEKLY');
    expect(rrule.parts.BYDAY).toEqual(['MO']);
    expect(vevent.getAllProperties('rrule')).toHaveLength(1);

    const dtstart = vevent.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Europe/Oslo');
    expect(text).toMatch(/\r\nDTSTART;TZID=Europe\/Oslo:20270111T073000\r\n/);
    expect(event.startDate.zone.tzid).toBe('Europe/Oslo');
    expect(event.startDate.toString()).toBe('2027-01-11T07:30:00');
    expect(weekdayOf(event.startDate)).toBe('MO');
    expect(new Date(instantOf(event.startDate)).toISOString()).toBe('2027-01-11T06:30:00.000Z');
    expect(instantOf(event.endDate) - instantOf(event.startDate)).toBe(PLAN_MINUTES * 60_000);

    const alarms = vevent.getAllSubcomponents('valarm');
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect((alarms[0]!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(0);
    expect(alarms[0]!.getFirstPropertyValue('description')).toBe(
      'Når jeg er på ferja, tar jeg én leksjon.',
    );

    expect(event.summary).toBe('Lommekurs: én leksjon');
    expect(event.description).toBe(
      `Når jeg er på ferja, tar jeg én leksjon.\n\nÅpne Lommekurs: ${ORIGIN}/`,
    );
    expect(vevent.getFirstPropertyValue('url')).toBe(`${ORIGIN}/`);
    expect(event.uid).toBe(`${FERRY.id}@lommekurs`);
    expect(event.sequence).toBe(0);
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone).toBe(ICAL.Timezone.utcTimezone);
    expect(stamp.toString()).toBe('2027-01-06T12:00:00Z');
  });

  it('keeps its UID for the plan and counts its revisions, whenever it is made', () => {
    const first = read(calendarText(FERRY, '2027-01-06T12:00:00Z')).event;
    const changed = read(
      calendarText({ ...FERRY, day: 'FR', revision: 3 }, '2027-05-06T12:00:00Z'),
    ).event;
    expect(changed.uid).toBe(first.uid);
    expect(changed.sequence).toBe(3);
    const other = read(calendarText({ ...FERRY, id: 'another-plan' }, '2027-01-06T12:00:00Z'));
    expect(other.event.uid).not.toBe(first.uid);
  });

  it('starts at 07:30 Norwegian time in winter (06:30 UTC) and in summer (05:30 UTC)', () => {
    const winter = read(calendarText(FERRY, '2027-01-06T12:00:00Z')).event.startDate;
    const summer = read(calendarText(FERRY, '2027-07-07T12:00:00Z')).event.startDate;
    expect(winter.toString()).toBe('2027-01-11T07:30:00');
    expect(new Date(instantOf(winter)).toISOString()).toBe('2027-01-11T06:30:00.000Z');
    expect(summer.toString()).toBe('2027-07-12T07:30:00');
    expect(new Date(instantOf(summer)).toISOString()).toBe('2027-07-12T05:30:00.000Z');
  });

  it('keeps 07:30 in Oslo every week for ten years, across every change of summer time', () => {
    const { event } = read(calendarText(FERRY, '2027-01-06T12:00:00Z'));
    const weeks = event.iterator();
    const offsets = new Set<number>();
    for (let week = 0; week < 520; week++) {
      const occurrence = weeks.next()!;
      const moment = instantOf(occurrence);
      expect(shownInOslo(moment), occurrence.toString()).toBe('Mon 07:30');
      offsets.add(occurrence.utcOffset());
    }
    expect([...offsets].sort()).toEqual([3600, 7200]);
  });

  it('starts at the next time the plan comes: later today, or in a week once it has passed', () => {
    // Monday 11 January 2027, 07:29 and 07:30 in Oslo.
    const before = read(calendarText(FERRY, '2027-01-11T06:29:00Z')).event.startDate;
    const at = read(calendarText(FERRY, '2027-01-11T06:30:00Z')).event.startDate;
    expect(before.toString()).toBe('2027-01-11T07:30:00');
    expect(at.toString()).toBe('2027-01-18T07:30:00');
    // Late on Sunday in UTC is already Monday in Oslo.
    const sunday = read(calendarText(planOf('MO', '23:30'), '2027-01-10T23:15:00Z'));
    expect(sunday.event.startDate.toString()).toBe('2027-01-11T23:30:00');
  });

  it('is right for every weekday and time, in winter, summer and the weeks of the changes', () => {
    const times = ['00:00', '00:45', '07:30', '12:00', '16:05', '23:59'];
    const nows = [
      '2027-01-06T12:00:00Z',
      '2027-07-07T12:00:00Z',
      '2027-03-25T12:00:00Z', // the week summer time starts (28 March)
      '2027-10-28T12:00:00Z', // the week it ends (31 October)
      '2027-12-31T23:30:00Z', // New Year in Oslo
    ];
    let checked = 0;
    for (const now of nows) {
      for (const day of WEEKDAYS) {
        for (const time of times) {
          const text = calendarText(planOf(day, time), now);
          const { vevents, vevent, event } = read(text);
          const label = `${day} ${time} from ${now}`;
          expect(vevents, label).toHaveLength(1);
          expect((vevent.getFirstPropertyValue('rrule') as ICAL.Recur).parts.BYDAY).toEqual([day]);
          expect(vevent.getAllSubcomponents('valarm'), label).toHaveLength(1);
          expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Oslo');
          expect(event.startDate.toString().slice(11, 16), label).toBe(time);
          expect(weekdayOf(event.startDate), label).toBe(day);
          const start = instantOf(event.startDate);
          expect(shownInOslo(start), label).toBe(`${WEEKDAY_SHORT[day]} ${time}`);
          expect(start, label).toBeGreaterThan(Date.parse(now));
          expect(start - Date.parse(now), label).toBeLessThanOrEqual(7 * 24 * 3_600_000);
          expect(instantOf(event.endDate) - start, label).toBe(PLAN_MINUTES * 60_000);
          expect(vevent.getFirstPropertyValue('url')).toBe(`${ORIGIN}/`);
          // The second week too, through the file's recurrence rule and time zone.
          const weeks = event.iterator();
          weeks.next();
          expect(shownInOslo(instantOf(weeks.next()!)), label).toBe(
            `${WEEKDAY_SHORT[day]} ${time}`,
          );
          checked++;
        }
      }
    }
    expect(checked).toBe(5 * 7 * 6);
  });

  it('is the same file whatever time zone the device is set to', () => {
    const now = '2027-03-25T12:00:00Z';
    const plan = planOf('SU', '09:00');
    process.env.TZ = 'UTC';
    const utc = calendarText(plan, now);
    const offsets = new Set<number>();
    for (const zone of ['America/Los_Angeles', 'Pacific/Auckland', 'Europe/Oslo', 'Asia/Kolkata']) {
      process.env.TZ = zone;
      offsets.add(new Date(now).getTimezoneOffset());
      expect(calendarText(plan, now), zone).toBe(utc);
    }
    // The device's zone did change between the files (Node follows process.env.TZ).
    expect(offsets.size).toBe(4);
    expect(utc).toMatch(/\r\nDTSTART;TZID=Europe\/Oslo:20270328T090000\r\n/);
  });
});

/** The file's physical lines (each CRLF-terminated), and its content lines once unfolded. */
function linesOf(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  // No bare CR or LF anywhere: every line break is CRLF (RFC 5545 3.1).
  for (const line of physical) expect(line, JSON.stringify(line)).not.toMatch(/[\r\n]/);
  return {
    physical,
    content: text
      .replace(/\r\n[ \t]/g, '')
      .slice(0, -2)
      .split('\r\n'),
  };
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

describe("the file's form (RFC 5545 3.1, 3.3.11)", () => {
  // Words with every character TEXT escapes, a line break, and long runs of two-, three- and
  // four-byte characters, so folds land next to and inside them.
  const tricky = {
    summary: 'Lommekurs; leksjon, ferje\\båt — ',
    sentence: `${'Når jeg er på ferja, tar jeg én leksjon; ærlig talt. '.repeat(3)}\nNy linje: ${'€'.repeat(40)}${'🙂'.repeat(30)}`,
    openApp: (url: string) => `Åpne Lommekurs: ${url}`,
    calendarName: `Lommekurs – studieplan, ${'ø'.repeat(60)}`,
  };
  const text = studyPlanCalendar(FERRY, {
    origin: ORIGIN,
    now: new Date('2027-01-06T12:00:00Z'),
    texts: tricky,
  });

  it('ends every line with CRLF and folds it at 75 octets, never inside a character', () => {
    const { physical } = linesOf(text);
    const bytes = physical.map((line) => Buffer.from(line, 'utf8'));
    expect(Math.max(...bytes.map((b) => b.length))).toBeLessThanOrEqual(75);
    // Folding did happen, and every physical line is whole UTF-8 on its own.
    expect(physical.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(5);
    for (const b of bytes) expect(() => fatalUtf8.decode(b)).not.toThrow();
  });

  it('reads back the very words given, escaped and folded', () => {
    const { calendar, vevent, event } = read(text);
    expect(event.summary).toBe(tricky.summary);
    expect(event.description).toBe(`${tricky.sentence}\n\n${tricky.openApp(`${ORIGIN}/`)}`);
    expect(vevent.getFirstSubcomponent('valarm')!.getFirstPropertyValue('description')).toBe(
      tricky.sentence,
    );
    // ical.js knows no type for NAME (RFC 7986) nor X-WR-CALNAME and leaves them as written, whole
    // once unfolded: escaped, as TEXT.
    for (const name of ['name', 'x-wr-calname'])
      expect(calendar.getFirstPropertyValue(name)).toBe(escapeText(tricky.calendarName));
  });

  it('is a VCALENDAR 2.0 with a PRODID, published, and nothing around it', () => {
    const { content } = linesOf(text);
    expect(content.slice(0, 4)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Lommekurs//Studieplan//EN',
      'METHOD:PUBLISH',
    ]);
    expect(content.at(-1)).toBe('END:VCALENDAR');
    expect(content.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(content).toContain(`SUMMARY:${escapeText(tricky.summary)}`);
  });

  it('escapes TEXT values and folds long lines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf: g')).toBe('a\\\\b\\;c\\,d\\ne\\nf: g');
    expect(foldLine('SUMMARY:kort')).toBe('SUMMARY:kort\r\n');
    const long = `DESCRIPTION:${'x'.repeat(63)}${'y'.repeat(80)}`;
    expect(foldLine(long)).toBe(
      `DESCRIPTION:${'x'.repeat(63)}\r\n ${'y'.repeat(74)}\r\n ${'y'.repeat(6)}\r\n`,
    );
    // A two-byte character that would end at octet 76 goes to the next line whole.
    expect(foldLine(`${'a'.repeat(74)}å`)).toBe(`${'a'.repeat(74)}\r\n å\r\n`);
  });
});

describe('Norwegian time', () => {
  it('reads a clock time as RFC 5545 does: the first of a doubled hour, a skipped one before the gap', () => {
    // 31 October 2027, 02:30 comes twice in Oslo: first in summer time (00:30 UTC).
    expect(
      new Date(
        osloMoment({ year: 2027, month: 10, day: 31, hour: 2, minute: 30, second: 0 }),
      ).toISOString(),
    ).toBe('2027-10-31T00:30:00.000Z');
    // 28 March 2027, 02:30 never comes: read with winter time's offset (01:30 UTC, 03:30 CEST).
    expect(
      new Date(
        osloMoment({ year: 2027, month: 3, day: 28, hour: 2, minute: 30, second: 0 }),
      ).toISOString(),
    ).toBe('2027-03-28T01:30:00.000Z');
  });

  it('finds the next start after now', () => {
    const now = Date.parse('2027-01-06T12:00:00Z'); // a Wednesday, 13:00 in Oslo
    expect(new Date(nextPlanStart('WE', '13:01', now)).toISOString()).toBe(
      '2027-01-06T12:01:00.000Z',
    );
    expect(new Date(nextPlanStart('WE', '13:00', now)).toISOString()).toBe(
      '2027-01-13T12:00:00.000Z',
    );
    expect(new Date(nextPlanStart('TU', '08:00', now)).toISOString()).toBe(
      '2027-01-12T07:00:00.000Z',
    );
  });
});
