// The load the ingest benchmark sends: learners with sessions seeded straight into the server
// database (no scrypt, no sign-in rate limit in the way), and 100-event push batches about real
// lessons of the catalogue the server serves (courses/: opened, progressed, the lesson's own quiz
// questions and options, its checklist items, a reflection, time, completed), so the catalogue
// check (issue 12) accepts every event. Batch templates are shared by all learners but for the
// clientId, and pre-serialised but for ids and seq numbers, which are fresh for every request;
// the same batches become rows of the events table for the raw-insert baselines.
import { randomBytes } from 'node:crypto';
import { compileCatalogue } from '../../src/content';
import type { Database } from '../../src/server/db/database';
import { EVENT_COLUMNS } from '../../src/server/db/event-log';
import type { EventsTable } from '../../src/server/db/schema';
import { createSession } from '../../src/server/sessions/sessions';
import { newEpoch } from '../../src/server/db/learner-sync';
import type { Lesson } from '../../src/shared/course';
import type { LearnerEvent } from '../../src/shared/events';
import { MAX_PUSH_EVENTS } from '../../src/shared/sync-protocol';
import { uuidv7 } from '../../src/shared/uuid';

/** Events per push: the protocol's maximum. */
export const EVENTS_PER_PUSH = MAX_PUSH_EVENTS;
const EVENTS_PER_LESSON = 10;
const LESSONS_PER_PUSH = EVENTS_PER_PUSH / EVENTS_PER_LESSON;

type EventTemplate = Omit<LearnerEvent, 'id' | 'seq'>;

/** The batches every learner pushes: the events (clientId left empty) and each one's JSON after
 * its `"clientId"` member, which the serialised event starts with after `"id"` and `"seq"`. */
export interface Templates {
  batches: { events: EventTemplate[]; tails: string[] }[];
  /** Lessons the batches cover (each once per cycle through the batches). */
  lessons: number;
}

/** One seeded learner and where it is in the shared batches. */
export interface Learner {
  userId: string;
  token: string;
  clientId: string;
  seq: number;
  pushes: number;
  /** The first template this learner pushes (learners start at different lessons). */
  offset: number;
  templates: Templates;
}

/** A batch with fresh ids, ready to send or to insert. */
export interface Batch {
  learner: Learner;
  events: { id: string; seq: number; template: EventTemplate; json: string }[];
}

/** Ten events of one real lesson, with the lesson's own question, option and item ids. */
function lessonEvents(courseId: string, lesson: Lesson, at: number): EventTemplate[] {
  // clientId first: nextBatch puts it in the JSON after the id and seq.
  const base = { clientId: '', courseId, lessonId: lesson.id, v: 1 as const };
  const attemptId = uuidv7(at);
  const specific: EventTemplate[] = [];
  if (lesson.kind === 'quiz') {
    for (const [q, question] of lesson.questions.slice(0, 2).entries()) {
      const option = question.options[0]!;
      specific.push({
        ...base,
        at: at + 90_000 + q * 5_000,
        type: 'quiz.answered',
        payload: {
          attemptId,
          questionId: question.id,
          chosen: [option.id],
          correct: option.correct && !question.multiple,
          score: option.correct && !question.multiple ? 1 : 0,
        },
      });
    }
  } else if (lesson.kind === 'checklist') {
    for (const [i, item] of lesson.items.slice(0, 2).entries()) {
      specific.push({
        ...base,
        at: at + 100_000 + i * 5_000,
        type: 'checklist.toggled',
        payload: { itemId: item.id, checked: true },
      });
    }
  }
  const events: EventTemplate[] = [
    { ...base, at, type: 'lesson.opened', payload: {} },
    ...[0.25, 0.5, 0.75, 1].map((position, i): EventTemplate => ({
      ...base,
      at: at + 20_000 * (i + 1),
      type: 'lesson.progressed',
      payload: { position },
    })),
    ...specific,
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
  // Pad with more time, so every lesson gives the same number of events.
  for (let i = events.length; i < EVENTS_PER_LESSON; i++) {
    events.splice(events.length - 1, 0, {
      ...base,
      at: at + 140_000 + i * 1_000,
      type: 'time.spent',
      payload: { seconds: 140 + i },
    });
  }
  if (events.length !== EVENTS_PER_LESSON) throw new Error('lesson template size changed');
  return events;
}

/** The batches about the lessons of the catalogue in `coursesDir` (the server's COURSES_DIR):
 * batch t covers lessons 10t … 10t+9 of the catalogue, wrapping around. */
export async function catalogueTemplates(coursesDir = 'courses', at = Date.now() - 3_600_000) {
  const { courses } = await compileCatalogue(coursesDir);
  const lessons = courses.flatMap(({ bundle }) =>
    bundle.lessons.map((lesson) => lessonEvents(bundle.id, lesson, at)),
  );
  if (lessons.length < LESSONS_PER_PUSH) throw new Error(`too few lessons in ${coursesDir}`);
  const batches = lessons.map((_, t) => {
    const events = Array.from(
      { length: LESSONS_PER_PUSH },
      (_, i) => lessons[(t * LESSONS_PER_PUSH + i) % lessons.length]!,
    ).flat();
    return {
      events,
      tails: events.map((event) => JSON.stringify(event).slice('{"clientId":""'.length)),
    };
  });
  return { batches, lessons: lessons.length } satisfies Templates;
}

/** Seeds `count` learners (user, learner_sync row, session) into an open server database, in
 * one transaction; each pushes `templates`, starting at its own batch. */
export async function seedLearners(
  { db }: Database,
  count: number,
  now: number,
  templates: Templates,
): Promise<Learner[]> {
  const learners: Learner[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const userId = `bench-${i}-${randomBytes(4).toString('hex')}`;
      await trx
        .insertInto('users')
        .values({
          id: userId,
          email: `${userId}@bench.invalid`,
          password_hash: 'unused',
          created_at: now,
        })
        .execute();
      await trx
        .insertInto('learner_sync')
        .values({ user_id: userId, version: 0, epoch: newEpoch() })
        .execute();
      const { token } = await createSession(trx, userId, now);
      const clientId = `bench-client-${i}-${randomBytes(6).toString('hex')}`;
      learners.push({
        userId,
        token,
        clientId,
        seq: 0,
        pushes: 0,
        offset: (i * 7) % templates.batches.length,
        templates,
      });
    }
  });
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
  const { batches } = learner.templates;
  const { events, tails } = batches[(learner.offset + learner.pushes++) % batches.length]!;
  const client = `"clientId":"${learner.clientId}"`;
  return {
    learner,
    events: events.map((template, i) => {
      const id = freshId();
      const seq = ++learner.seq;
      return { id, seq, template, json: `{"id":"${id}","seq":${seq},${client}${tails[i]}` };
    }),
  };
}

/** Protocol 1's push shape: every event in full (protocol 2's shared fields are helper F's). */
const PUSH_SCHEMA_VERSION = 1;

/** The POST /api/v1/sync/push body of a batch. */
export const pushBody = ({ learner, events }: Batch): string =>
  `{"clientId":"${learner.clientId}","schemaVersion":${PUSH_SCHEMA_VERSION},"events":[${events
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
export { EVENT_COLUMNS };
