// What this device keeps about sending answers anonymously (issue 15), in `meta`: the learner's
// one-time choice ("Kan svarene dine sendes anonymt?": yes, no, or not asked yet), a secret that
// never leaves the device, and the ids of the outbox events already settled with the anonymous
// endpoint (stored there, or refused for good). The outbox itself is never touched: it belongs to
// the account sync, which pushes the same events if the learner signs up later.
//
// A copy's id is derived from the event id and the secret (SHA-256, shaped as a UUIDv4): the same
// on every retry, so the server stores it once, yet it shows neither the moment the event was
// made (a UUIDv7 does) nor which synced event it is a copy of. A comment kept from the course
// authors is sent without its text.
import { ANONYMOUS_EVENT_TYPES, type AnonymousEventType } from '../../shared/anonymous-event-types';
import type { AnonymousEvent } from '../../shared/anonymous-feedback';
import type { LearnerEvent } from '../../shared/events';
import { db, type LommekursDB } from './db';

/** The learner's answer to "Kan svarene dine sendes anonymt?". */
export type AnonymousSending = 'yes' | 'no';

/** The choice's row: a setting (settings.ts's `setting:` prefix), so it stays with the device. */
const CHOICE_KEY = 'setting:anonymousSending';
const SECRET_KEY = 'anonymousSecret';
const SETTLED_KEY = 'anonymousSettled';

/** The learner's choice; null while they have not been asked. */
export async function readAnonymousSending(
  database: LommekursDB = db,
): Promise<AnonymousSending | null> {
  const value = (await database.meta.get(CHOICE_KEY))?.value;
  return value === 'yes' || value === 'no' ? value : null;
}

/** Remember the learner's choice. */
export async function chooseAnonymousSending(
  choice: AnonymousSending,
  database: LommekursDB = db,
): Promise<void> {
  await database.meta.put({ key: CHOICE_KEY, value: choice });
}

const settledIn = async (database: LommekursDB): Promise<Set<string>> => {
  const value = (await database.meta.get(SETTLED_KEY))?.value;
  return new Set(Array.isArray(value) ? (value as string[]) : []);
};

/** An outbox event of a type that may be sent anonymously. */
export type AnonymousLearnerEvent = Extract<LearnerEvent, { type: AnonymousEventType }>;

const isAnonymousType = (event: LearnerEvent): event is AnonymousLearnerEvent =>
  (ANONYMOUS_EVENT_TYPES as readonly string[]).includes(event.type);

/** The oldest `limit` outbox events that may be sent anonymously and are not settled yet. */
export async function unsentAnonymousEvents(
  limit: number,
  database: LommekursDB = db,
): Promise<AnonymousLearnerEvent[]> {
  return database.transaction('r', database.outbox, database.meta, async () => {
    const settled = await settledIn(database);
    const events = await database.outbox
      .orderBy('seq')
      .filter((event) => isAnonymousType(event) && !settled.has(event.id))
      .limit(limit)
      .toArray();
    return events.filter(isAnonymousType);
  });
}

/** These outbox events are settled with the anonymous endpoint: never send them again. */
export async function settleAnonymous(
  eventIds: readonly string[],
  database: LommekursDB = db,
): Promise<void> {
  if (eventIds.length === 0) return;
  await database.transaction('rw', database.meta, async () => {
    const settled = await settledIn(database);
    for (const id of eventIds) settled.add(id);
    await database.meta.put({ key: SETTLED_KEY, value: [...settled] });
  });
}

/** The device's secret for copy ids, made on first use. */
async function secretOf(database: LommekursDB): Promise<string> {
  return database.transaction('rw', database.meta, async () => {
    const stored = (await database.meta.get(SECRET_KEY))?.value;
    if (typeof stored === 'string') return stored;
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const secret = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    await database.meta.put({ key: SECRET_KEY, value: secret });
    return secret;
  });
}

/** SHA-256 of `text`, its first 16 bytes shaped as a UUIDv4. */
async function uuidFromDigest(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const bytes = new Uint8Array(digest).slice(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The anonymous copy of `event` under `id`: no client id, no sequence number, no version, and
 * a comment or "Hva vil du lære mer om?" text the course authors may not read goes without its
 * text (the server would not keep it anyway; this way it never leaves the device). */
function copyOf(event: AnonymousLearnerEvent, id: string): AnonymousEvent {
  const { clientId: _clientId, seq: _seq, v: _v, id: _eventId, ...rest } = event;
  if (rest.type === 'lesson.commented' && !rest.payload.forAuthors) {
    return { ...rest, id, payload: { text: '', forAuthors: false } };
  }
  if (rest.type === 'course.wished' && !rest.payload.forAuthors) {
    return { ...rest, id, payload: { ...rest.payload, text: '' } };
  }
  return { ...rest, id };
}

/** The anonymous copies of `events`, in the same order, each under an id of its own. */
export async function anonymousCopies(
  events: readonly AnonymousLearnerEvent[],
  database: LommekursDB = db,
): Promise<AnonymousEvent[]> {
  const secret = await secretOf(database);
  return Promise.all(
    events.map(async (event) => copyOf(event, await uuidFromDigest(`${secret}:${event.id}`))),
  );
}
