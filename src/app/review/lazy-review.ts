// The home screen's review and weekly-goal cards are a chunk of their own (with the review
// schedule and ts-fsrs): the first screen's critical JS holds only this stub.
import { deferred } from '../components/deferred';

export const HomeLearning = deferred(() => import('./HomeLearning').then((m) => m.HomeLearning));
