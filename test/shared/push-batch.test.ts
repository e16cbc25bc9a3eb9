// Protocol 2's push body (src/shared/push-batch.ts): compacting a batch and expanding it again
// gives back exactly the batch, whatever its lessons, seq gaps and clock jumps; a batch is
// smaller on the wire than protocol 1's.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { learnerEventSchema, type LearnerEvent } from '../../src/shared/events';
import {
  compactEventCount,
  compactPushBatch,
  compactPushRequestSchema,
  expandPushBatch,
} from '../../src/shared/push-batch';
import { uuidv7 } from '../../src/shared/uuid';
import { eventPoolArbitrary } from '../utils/event-arbitraries';
import { PROPERTY_TIMEOUT_MS } from '../utils/merge-laws';

const RUNS = 1000;
vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });
const CLIENT = '0193aaaa-0000-7000-8000-000000000001';

/** A batch as an outbox holds it: one client, seqs increasing with gaps (events acknowledged
 * or refused out of order), lessons in runs and interleaved, clocks that jump either way. */
const batchArbitrary: fc.Arbitrary<LearnerEvent[]> = eventPoolArbitrary(40).chain((pool) =>
  fc
    .array(
      fc.record({
        lesson: fc.constantFrom(['c1', 'l1'], ['c1', 'l2'], ['c2', 'l1'], ['kurs', 'leksjon-3']),
        seqGap: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 5 })),
        dt: fc.integer({ min: -5_000, max: 100_000 }),
      }),
      { minLength: pool.length, maxLength: pool.length },
    )
    .chain((shape) =>
      fc
        .record({ firstSeq: fc.integer({ min: 1, max: 1_000 }), cut: fc.nat(pool.length) })
        .map(({ firstSeq, cut }) => {
          let seq = firstSeq - 1;
          let at = 1_764_678_000_000;
          return pool.slice(cut === pool.length ? 0 : cut).map((event, i) => {
            const { lesson, seqGap, dt } = shape[i]!;
            seq += i === 0 ? 1 : seqGap;
            at = Math.max(0, at + dt);
            return learnerEventSchema.parse({
              ...event,
              clientId: CLIENT,
              seq,
              at,
              courseId: lesson[0],
              lessonId: lesson[1],
            });
          });
        }),
    ),
);

describe('push batch, protocol 2', () => {
  it(`expand(compact(events)) is the protocol-1 batch (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(batchArbitrary, (events) => {
        const compact = compactPushBatch(CLIENT, events);
        // What goes on the wire is valid protocol 2 and survives JSON.
        const wire = compactPushRequestSchema.parse(JSON.parse(JSON.stringify(compact)));
        expect(compactEventCount(wire)).toBe(events.length);
        expect(expandPushBatch(wire)).toEqual({ clientId: CLIENT, schemaVersion: 2, events });
        // Consecutive events on one lesson share one group.
        for (let g = 1; g < wire.groups.length; g += 1) {
          const [a, b] = [wire.groups[g - 1]!, wire.groups[g]!];
          expect([a.courseId, a.lessonId]).not.toEqual([b.courseId, b.lessonId]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('expands the fields in the order protocol 1 documents, so both store the same JSON', () => {
    const at = 1_764_678_000_000;
    // The order of docs/sync-protocol.md ("Events"), which a protocol-1 sender may use.
    const documented = {
      id: uuidv7(at),
      clientId: CLIENT,
      seq: 7,
      type: 'lesson.progressed',
      courseId: 'c1',
      lessonId: 'l1',
      at,
      payload: { position: 0.5 },
      v: 1,
    };
    const event = learnerEventSchema.parse(documented);
    const [expanded] = expandPushBatch(compactPushBatch(CLIENT, [event])).events;
    expect(JSON.stringify(expanded)).toBe(JSON.stringify(documented));
  });

  it('leaves out a seq that follows the previous one and a `v` of 1', () => {
    const at = 1_764_678_000_000;
    const events = [1, 2, 5].map((seq, i) =>
      learnerEventSchema.parse({
        id: uuidv7(at + i),
        clientId: CLIENT,
        seq,
        type: 'lesson.opened',
        courseId: 'c1',
        lessonId: 'l1',
        at: at + i * 10,
        payload: {},
        v: 1,
      }),
    );
    const { groups } = compactPushBatch(CLIENT, events);
    expect(groups).toEqual([
      {
        courseId: 'c1',
        lessonId: 'l1',
        events: [
          [events[0]!.id, 'lesson.opened', {}, at],
          [events[1]!.id, 'lesson.opened', {}, 10],
          [events[2]!.id, 'lesson.opened', {}, 10, 5],
        ],
      },
    ]);
  });

  it('refuses to compact an event of another client (protocol 1 carries it, to be refused)', () => {
    const event = learnerEventSchema.parse({
      id: uuidv7(),
      clientId: 'another-client',
      seq: 1,
      type: 'lesson.opened',
      courseId: 'c1',
      lessonId: 'l1',
      at: 1,
      payload: {},
      v: 1,
    });
    expect(() => compactPushBatch(CLIENT, [event])).toThrow(/another-client/);
  });

  it('makes a lesson-reading batch of 100 events smaller gzipped than protocol 1', () => {
    let at = 1_764_678_000_000;
    const events = Array.from({ length: 100 }, (_, i) => {
      at += 1 + (i % 5);
      return learnerEventSchema.parse({
        id: uuidv7(at),
        clientId: CLIENT,
        seq: i + 1,
        type: 'lesson.progressed',
        courseId: 'grunnsikring',
        lessonId: `0${Math.floor(i / 25)}-leksjon`,
        at,
        payload: { position: ((i % 25) + 1) / 25 },
        v: 1,
      });
    });
    const v1 = gzipSync(JSON.stringify({ clientId: CLIENT, schemaVersion: 1, events })).length;
    const v2 = gzipSync(JSON.stringify(compactPushBatch(CLIENT, events))).length;
    expect(v2).toBeLessThan(v1 * 0.85);
  });
});
