// Ids for the events of one learner action: UUIDv7 (RFC 9562, the format of src/shared/uuid.ts),
// made in one go. One `crypto.getRandomValues` call and a byte-to-hex table serve every id of the
// action, where `uuidv7()` per event costs a random-source call and a string join each — the
// difference is visible when one action records a thousand events.
//
// The ids of a tab sort in the order they were made (RFC 9562 §6.2, method 1: a 12-bit counter
// after the time, started at random below 2,048 in each new millisecond). Last writer wins
// compares times, then client ids, then event ids: without the counter, two autosaves of a
// reflection in one millisecond kept their order only by chance, and the first text could win.

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** getRandomValues fills at most 65,536 bytes per call: 4,096 ids. */
const IDS_PER_CALL = 4096;
const COUNTER_MAX = 0xfff;

/** The event time of the tab's newest id, and that id's time and counter. */
let lastAt = -1;
let lastMs = -1;
let lastCounter = 0;

/** Forget the newest id, as a new tab would: for tests that record the same actions twice and
 * compare the ids. */
export function forgetNewestEventId(): void {
  lastAt = lastMs = -1;
  lastCounter = 0;
}

/** One UUIDv7 per timestamp in `ats` (milliseconds since the epoch), in the same order. */
export function eventIds(ats: readonly number[]): string[] {
  const ids: string[] = [];
  for (let start = 0; start < ats.length; start += IDS_PER_CALL) {
    const count = Math.min(IDS_PER_CALL, ats.length - start);
    const bytes = new Uint8Array(16 * count);
    crypto.getRandomValues(bytes);
    for (let n = 0; n < count; n += 1) ids.push(format(bytes, 16 * n, ats[start + n]!));
  }
  return ids;
}

/** The (time, counter) of the next id for an event at `at`: another event in the newest id's
 * millisecond counts on (and a full counter runs on into the id's next millisecond); an event at
 * any other time starts a random counter (11 random bits of `seed`) at its own time. Only events
 * at the same time need the id to order them: last writer wins decides by time first. */
function advance(at: number, seed: number): void {
  if (at !== lastAt) {
    lastAt = lastMs = at;
    lastCounter = seed & 0x7ff;
  } else if (lastCounter < COUNTER_MAX) {
    lastCounter += 1;
  } else {
    lastMs += 1;
    lastCounter = seed & 0x7ff;
  }
}

/** The UUIDv7 of 16 random bytes at `o`: the 48-bit time `at` (a later one only when more than
 * the counter's worth of events share `at`) over the first six, version and counter over the next
 * two. */
function format(bytes: Uint8Array, o: number, at: number): string {
  advance(at, (bytes[o + 6]! << 8) | bytes[o + 7]!);
  let ms = lastMs;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[o + i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[o + 6] = 0x70 | (lastCounter >> 8); // version 7
  bytes[o + 7] = lastCounter & 0xff;
  bytes[o + 8] = (bytes[o + 8]! & 0x3f) | 0x80; // variant 10
  const h = (i: number) => HEX[bytes[o + i]!]!;
  return (
    h(0) +
    h(1) +
    h(2) +
    h(3) +
    '-' +
    h(4) +
    h(5) +
    '-' +
    h(6) +
    h(7) +
    '-' +
    h(8) +
    h(9) +
    '-' +
    h(10) +
    h(11) +
    h(12) +
    h(13) +
    h(14) +
    h(15)
  );
}
