// The benchmark groups, in the order they run; each measures one of the figures.
import type { Figure } from './figure';
import { firstVisit } from './figures/first-visit';
import { gardenView } from './figures/garden-view';
import { insight } from './figures/insight';
import { ingest } from './figures/ingest';
import { lighthouseScores } from './figures/lighthouse';
import { localWrites } from './figures/local-writes';
import { serverStart } from './figures/server-start';
import { size } from './figures/size';
import { tripPack } from './figures/trip-pack';
import { syncEdge } from './figures/sync-edge';
import { warmStart } from './figures/warm-start';
import { healthzStorm } from './healthz-storm';

/** A named group of figures. */
export interface BenchGroup {
  name: string;
  measure(): Promise<Figure[]>;
}

export const groups: BenchGroup[] = [
  size,
  ingest,
  gardenView,
  insight,
  firstVisit,
  warmStart,
  tripPack,
  localWrites,
  syncEdge,
  healthzStorm,
  serverStart,
  lighthouseScores,
];
