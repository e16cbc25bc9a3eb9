// Every route group's operations, in the order the document lists them. A new route group adds
// one line here (and its file beside this one).
import type { Operation } from '../registry';
import { accountOperations } from './account';
import { courseOperations } from './courses';
import { feedbackOperations } from './feedback';
import { insightOperations } from './insight';
import { networkAdvisorOperations } from './network-advisor';
import { networkOperations } from './network';
import { networkJoinOperations } from './network-join';
import { passkeyOperations } from './passkeys';
import { recoveryOperations } from './recovery';
import { serviceOperations } from './service';
import { sessionOperations } from './sessions';
import { syncOperations } from './sync';

/** All operations of the server. */
export const ALL_OPERATIONS: readonly Operation[] = [
  ...courseOperations,
  ...accountOperations,
  ...recoveryOperations,
  ...passkeyOperations,
  ...sessionOperations,
  ...syncOperations,
  ...networkOperations,
  ...networkAdvisorOperations,
  ...networkJoinOperations,
  ...insightOperations,
  ...feedbackOperations,
  ...serviceOperations,
];
