// The weekly goal (issue 16): a lesson is credited to the Oslo calendar week (Monday–Sunday) of the
// moment the learner completed it on their device — never of when it synced — on every device.
// The property runs 1,000 cases against an oracle that finds weeks another way (Intl's weekday).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_VERSION, learnerEventSchema, type LearnerEvent } from '../../src/shared/events';
import {
  applyEvent,
  emptyProgress,
  mergeProgress,
  type LessonProgress,
} from '../../src/shared/progress';
import {
  DEFAULT_WEEKLY_GOAL,
  lessonsPerWeek,
  osloWeek,
  weeklyProgress,
} from '../../src/shared/weekly-goal';
import { uuidFrom } from '../utils/event-arbitraries';
import { PROPERTY_TIMEOUT_MS } from '../utils/merge-laws';

const RUNS = 1000;
vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LESSONS = ['l1', 'l2', 'l3', 'l4', 'l5'] as const;

let serial = 0;
const completion = (lessonId: string, at: number, clientId = 'client-aaaa'): LearnerEvent =>
  learnerEventSchema.parse({
    id: uuidFrom(at, ++serial),
    clientId,
    seq: serial,
    courseId: 'c',
    lessonId,
    at,
    v: EVENT_VERSION,
    type: 'lesson.completed',
    payload: {},
  });

// The oracle: a moment's Monday from Intl's weekday and calendar date in Oslo.
const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  weekday: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
function oracleWeek(at: number): string {
  const part = (type: string) => osloParts.formatToParts(at).find((p) => p.type === type)!.value;
  const back = WEEKDAYS.indexOf(part('weekday'));
  const monday = Date.UTC(
    Number(part('year')),
    Number(part('month')) - 1,
    Number(part('day')) - back,
  );
  return new Date(monday).toISOString().slice(0, 10);
}

/** Per lesson, the weeks of its first and latest completion; per week, the lessons. */
function oracleCredit(events: readonly LearnerEvent[]): Map<string, number> {
  const times = new Map<string, number[]>();
  for (const e of events) times.set(e.lessonId, [...(times.get(e.lessonId) ?? []), e.at]);
  const perWeek = new Map<string, number>();
  for (const ats of times.values()) {
    for (const week of new Set([oracleWeek(Math.min(...ats)), oracleWeek(Math.max(...ats))])) {
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
  }
  return perWeek;
}

/** A device's records: events folded per lesson, each record stamped with the sync time it was
 * stored at (what a server or a pull would write), which must change nothing. */
function recordsOf(events: readonly LearnerEvent[], storedAt: number): LessonProgress[] {
  const records = new Map<string, LessonProgress>();
  for (const e of events) {
    const folded = applyEvent(records.get(e.lessonId) ?? emptyProgress('c', e.lessonId), e);
    records.set(e.lessonId, { ...folded, updatedAt: Math.max(folded.updatedAt, storedAt) });
  }
  return [...records.values()];
}

const mergeByLesson = (...devices: LessonProgress[][]): LessonProgress[] => {
  const out = new Map<string, LessonProgress>();
  for (const p of devices.flat()) {
    const mine = out.get(p.lessonId);
    out.set(p.lessonId, mine ? mergeProgress(mine, p) : p);
  }
  return [...out.values()];
};

/** Completions around the year's two clock changes and many Sunday midnights, from two devices. */
const START = Date.parse('2026-03-01T00:00:00Z');
const completionsArbitrary = fc
  .array(
    fc.record({
      lessonId: fc.constantFrom(...LESSONS),
      clientId: fc.constantFrom('client-aaaa', 'client-bbbb'),
      // Any minute in 2026's March to November, often near a Sunday midnight in Oslo.
      at: fc.oneof(
        fc.integer({ min: 0, max: 270 * 24 * 60 }).map((minute) => START + minute * 60_000),
        fc
          .record({
            week: fc.integer({ min: 0, max: 38 }),
            minutes: fc.integer({ min: -90, max: 90 }),
          })
          // 2026-03-02 is a Monday: midnight Oslo is 23:00 UTC in winter, 22:00 UTC in summer.
          .map(
            ({ week, minutes }) =>
              Date.parse('2026-03-01T23:00:00Z') + week * 7 * DAY + minutes * 60_000,
          ),
      ),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .map((drafts) => drafts.map((d) => completion(d.lessonId, d.at, d.clientId)));

describe('weekly-goal credit', () => {
  it(`depends only on when the lessons were done on the device, in Europe/Oslo, not on when or in what order they synced (${RUNS} cases)`, () => {
    const scenario = completionsArbitrary.chain((events) =>
      fc.record({
        events: fc.constant(events),
        // The server receives the pushes in any order, days later; the two devices pull at
        // different times.
        pushed: fc.shuffledSubarray(events, { minLength: events.length }),
        syncDelay: fc.integer({ min: 0, max: 5 * DAY }),
        cut: fc.nat({ max: events.length }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ events, pushed, syncDelay, cut }) => {
        const expected = oracleCredit(events);
        const syncedAt = Math.max(...events.map((e) => e.at)) + syncDelay;
        const phone = recordsOf(
          events.filter((e) => e.clientId === 'client-aaaa'),
          0,
        );
        const laptop = recordsOf(
          events.filter((e) => e.clientId === 'client-bbbb'),
          0,
        );
        const server = mergeByLesson(
          recordsOf(pushed.slice(0, cut), syncedAt),
          recordsOf(pushed.slice(cut), syncedAt + DAY),
        );
        const phoneAfter = mergeByLesson(phone, server);
        const laptopAfter = mergeByLesson(server, laptop);
        expect(lessonsPerWeek(phoneAfter)).toEqual(expected);
        expect(lessonsPerWeek(laptopAfter)).toEqual(expected);
        expect(lessonsPerWeek(recordsOf(events, syncedAt))).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('credits a lesson done offline on Sunday 23:50 in Oslo and synced on Monday to Sunday’s week, on both devices', () => {
    for (const [sunday, at] of [
      ['2026-11-29', Date.parse('2026-11-29T22:50:00Z')], // winter time, UTC+1
      ['2026-06-28', Date.parse('2026-06-28T21:50:00Z')], // summer time, UTC+2
    ] as const) {
      const monday = at + 20 * 60_000;
      expect(osloWeek(at)).toBe(oracleWeek(at));
      expect(osloWeek(monday)).not.toBe(osloWeek(at));
      const phone = recordsOf([completion('l1', at, 'client-aaaa')], monday + 8 * HOUR);
      const laptop = mergeByLesson(recordsOf([], 0), phone);
      const mondayOfThatWeek = new Date(Date.parse(`${sunday}T12:00:00Z`) - 6 * DAY)
        .toISOString()
        .slice(0, 10);
      for (const device of [phone, laptop]) {
        expect(lessonsPerWeek(device)).toEqual(new Map([[mondayOfThatWeek, 1]]));
        expect(weeklyProgress(device, 1, at).done).toBe(1);
        expect(weeklyProgress(device, 1, monday).done).toBe(0);
      }
    }
  });
});

describe('the weekly goal and its streak', () => {
  // Mondays at noon in Oslo, 2026: 2 Mar … (week n is n weeks after).
  const week = (n: number) => Date.parse('2026-03-02T11:00:00Z') + n * 7 * DAY;
  const doneIn = (weeks: Record<number, number>): LessonProgress[] =>
    recordsOf(
      Object.entries(weeks).flatMap(([n, count]) =>
        Array.from({ length: count }, (_, i) =>
          completion(`w${n}-${i}`, week(Number(n)) + i * HOUR),
        ),
      ),
      0,
    );

  it('defaults to two lessons a week and counts this week’s lessons', () => {
    expect(DEFAULT_WEEKLY_GOAL).toBe(2);
    const p = weeklyProgress(doneIn({ 3: 1 }), DEFAULT_WEEKLY_GOAL, week(3) + 2 * DAY);
    expect(p).toMatchObject({ week: '2026-03-23', done: 1, goal: 2, streak: 0 });
  });

  it('counts weeks in a row, and a week still under way breaks nothing', () => {
    const progress = doneIn({ 0: 2, 1: 3, 2: 2, 3: 1 });
    expect(weeklyProgress(progress, 2, week(3)).streak).toBe(3);
    expect(weeklyProgress(progress, 1, week(3)).streak).toBe(4);
  });

  it('forgives one missed week a quarter, and only one', () => {
    // Weeks 0–3 are in Q1 (March), 5–8 in Q2.
    expect(weeklyProgress(doneIn({ 0: 1, 1: 1, 3: 1 }), 1, week(4))).toMatchObject({
      streak: 3,
      forgiven: true,
    });
    expect(weeklyProgress(doneIn({ 0: 1, 2: 1 }), 1, week(3)).streak).toBe(2);
    // Two missed weeks in the same quarter (weeks 2 and 4, both in March) end the streak at the
    // second: weeks 5 and 3 count, weeks 0 and 1 are cut off.
    expect(weeklyProgress(doneIn({ 0: 1, 1: 1, 3: 1, 5: 1 }), 1, week(6)).streak).toBe(2);
    // One missed in Q1 (week 3, 23 March) and one in Q2 (week 6, 13 April): both forgiven.
    expect(weeklyProgress(doneIn({ 2: 1, 4: 1, 5: 1, 7: 1 }), 1, week(8)).streak).toBe(4);
  });

  it('does not call a streak forgiven when no earlier week carries it', () => {
    expect(weeklyProgress(doneIn({ 0: 1, 2: 2 }), 2, week(3))).toMatchObject({
      streak: 1,
      forgiven: false,
    });
    expect(weeklyProgress([], 2, week(3))).toMatchObject({ done: 0, streak: 0, forgiven: false });
  });
});
