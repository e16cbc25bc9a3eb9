// Ids for the events of one learner action: UUIDv7 (RFC 9562, the format of src/shared/uuid.ts),
// made in one go. One `crypto.getRandomValues` call and a byte-to-hex table serve every id of the
// action, where `uuidv7()` per event costs a random-source call and a string join each — the
// difference is visible when one action records a thousand events.
import { uuidv7 } from '../../shared/uuid';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** getRandomValues fills at most 65,536 bytes per call: 4,096 ids. */
const IDS_PER_CALL = 4096;

/** One UUIDv7 per timestamp in `ats` (milliseconds since the epoch), in the same order. */
export function eventIds(ats: readonly number[]): string[] {
  if (ats.length === 1) return [uuidv7(ats[0])];
  const ids: string[] = [];
  for (let start = 0; start < ats.length; start += IDS_PER_CALL) {
    const count = Math.min(IDS_PER_CALL, ats.length - start);
    const bytes = new Uint8Array(16 * count);
    crypto.getRandomValues(bytes);
    for (let n = 0; n < count; n += 1) ids.push(format(bytes, 16 * n, ats[start + n]!));
  }
  return ids;
}

/** The UUIDv7 of 16 random bytes at `o` with the 48-bit time `at` written over the first six. */
function format(bytes: Uint8Array, o: number, at: number): string {
  let ms = at;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[o + i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[o + 6] = (bytes[o + 6]! & 0x0f) | 0x70; // version 7
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
