// The load the ingest benchmark sends: learners with sessions seeded straight into the server
// database (no scrypt, no rate limit in the way), and 100-event push batches that look like real
// lessons (opened, progressed, quiz answers, checklist, reflection, time, completed). Each batch is
// pre-serialised but for its ids and seq numbers, which are fresh for every request; the same
// batches become rows of the events table for the raw-insert baselines.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/server/db/database';
import type { EventsTable } from '../../src/server/db/schema';
import { createSession } from '../../src/server/sessions/sessions';
import { newEpoch } from '../../src/server/db/learner-sync';
import type { LearnerEvent } from '../../src/shared/events';
import { MAX_PUSH_EVENTS, SYNC_SCHEMA_VERSION } from '../../src/shared/sync-protocol';
import { uuidv7 } from '../../src/shared/uuid';

/** Events per push: the protocol's maximum. */
export const EVENTS_PER_PUSH = MAX_PUSH_EVENTS;
const COURSES = 6;
const LESSONS_PER_COURSE = 10;
const EVENTS_PER_LESSON = 10;
const LESSONS_PER_PUSH = EVENTS_PER_PUSH / EVENTS_PER_LESSON;
/** Distinct batches per learner: together they cover every lesson once, then repeat (so later
 * pushes update progress rows instead of inserting them, as a returning learner's do). */
const TEMPLATES = (COURSES * LESSONS_PER_COURSE) / LESSONS_PER_PUSH;

type EventTemplate = Omit<LearnerEvent, 'id' | 'seq'>;

/** One seeded learner and the batches it pushes. */
export interface Learner {
  userId: string;
  token: string;
  clientId: string;
  seq: number;
  pushes: number;
  /** Per template: the events, and each one's JSON without its leading `"id"` and `"seq"`. */
  templates: { events: EventTemplate[]; tails: string[] }[];
}

/** A batch with fresh ids, ready to send or to insert. */
export interface Batch {
  learner: Learner;
  events: { id: string; seq: number; template: EventTemplate; json: string }[];
}

function lessonEvents(clientId: string, course: number, lesson: number, at: number) {
  const base = {
    clientId,
    courseId: `kurs-${course + 1}`,
    lessonId: `leksjon-${lesson + 1}`,
    v: 1 as const,
  };
  const attemptId = uuidv7(at);
  const events: EventTemplate[] = [
    { ...base, at, type: 'lesson.opened', payload: {} },
    ...[0.3, 0.6, 1].map((position, i): EventTemplate => ({
      ...base,
      at: at + 20_000 * (i + 1),
      type: 'lesson.progressed',
      payload: { position },
    })),
    ...[1, 2].map((q): EventTemplate => ({
      ...base,
      at: at + 90_000 + q * 5_000,
      type: 'quiz.answered',
      payload: {
        attemptId,
        questionId: `q${q}`,
        chosen: ['a'],
        correct: q === 1,
        score: q === 1 ? 1 : 0,
      },
    })),
    {
      ...base,
      at: at + 110_000,
      type: 'checklist.toggled',
      payload: { itemId: 'sjekk-1', checked: true },
    },
    {
      ...base,
      at: at + 130_000,
      type: 'reflection.saved',
      payload: {
        text: 'Vi bør slå på tofaktor for e-post og regnskap før neste kvartal. '.repeat(3),
      },
    },
    { ...base, at: at + 150_000, type: 'time.spent', payload: { seconds: 150 } },
    { ...base, at: at + 151_000, type: 'lesson.completed', payload: {} },
  ];
  if (events.length !== EVENTS_PER_LESSON) throw new Error('lesson template size changed');
  return events;
}

function learnerTemplates(clientId: string, at: number): Learner['templates'] {
  return Array.from({ length: TEMPLATES }, (_, t) => {
    const events = Array.from({ length: LESSONS_PER_PUSH }, (_, i) => {
      const lesson = t * LESSONS_PER_PUSH + i;
      return lessonEvents(
        clientId,
        Math.floor(lesson / LESSONS_PER_COURSE),
        lesson % LESSONS_PER_COURSE,
        at,
      );
    }).flat();
    return { events, tails: events.map((event) => JSON.stringify(event).slice(1)) };
  });
}

/** Seeds `count` learners (user, learner_sync row, session) into an open server database. */
export async function seedLearners(
  { db }: Database,
  count: number,
  now: number,
): Promise<Learner[]> {
  const learners: Learner[] = [];
  for (let i = 0; i < count; i++) {
    const userId = `bench-${i}-${randomBytes(4).toString('hex')}`;
    await db
      .insertInto('users')
      .values({
        id: userId,
        email: `${userId}@bench.invalid`,
        password_hash: 'unused',
        created_at: now,
      })
      .execute();
    await db
      .insertInto('learner_sync')
      .values({ user_id: userId, version: 0, epoch: newEpoch() })
      .execute();
    const { token } = await createSession(db, userId, now);
    const clientId = `bench-client-${i}-${randomBytes(6).toString('hex')}`;
    learners.push({
      userId,
      token,
      clientId,
      seq: 0,
      pushes: 0,
      templates: learnerTemplates(clientId, now - 3_600_000),
    });
  }
  return learners;
}

// Ids are UUIDv7-shaped: the run's start time, then a counter, unique across the whole run.
const idPrefix = (() => {
  const hex = Date.now().toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${randomBytes(2).toString('hex').slice(0, 3)}-8`;
})();
let idCounter = 0;
const freshId = () =>
  `${idPrefix}${(idCounter++)
    .toString(16)
    .padStart(15, '0')
    .replace(/^(.{3})/, '$1-')}`;

/** The learner's next batch: its next template with fresh ids and the next seq numbers. */
export function nextBatch(learner: Learner): Batch {
  const { events, tails } = learner.templates[learner.pushes++ % TEMPLATES]!;
  return {
    learner,
    events: events.map((template, i) => {
      const id = freshId();
      const seq = ++learner.seq;
      return { id, seq, template, json: `{"id":"${id}","seq":${seq},${tails[i]}` };
    }),
  };
}

/** The POST /api/v1/sync/push body of a batch. */
export const pushBody = ({ learner, events }: Batch): string =>
  `{"clientId":"${learner.clientId}","schemaVersion":${SYNC_SCHEMA_VERSION},"events":[${events
    .map((event) => event.json)
    .join(',')}]}`;

/** The events-table rows the server would store for a batch (body as sent, no clamping needed:
 * the events are dated in the past). */
export const eventRows = (
  { learner, events }: Batch,
  version: number,
  now: number,
): EventsTable[] =>
  events.map(({ id, seq, template, json }) => ({
    user_id: learner.userId,
    id,
    client_id: learner.clientId,
    seq,
    type: template.type,
    course_id: template.courseId,
    lesson_id: template.lessonId,
    at: template.at,
    received_at: now,
    version,
    body: json,
  }));

/** The events table's columns, in the order eventRows' objects list them. */
export const EVENT_COLUMNS = [
  'user_id',
  'id',
  'client_id',
  'seq',
  'type',
  'course_id',
  'lesson_id',
  'at',
  'received_at',
  'version',
  'body',
] as const satisfies readonly (keyof EventsTable)[];
