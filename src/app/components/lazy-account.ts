// The devices-and-password part of Settings is a chunk of its own: it (and, on first typing, the
// password strength estimator) loads only when a signed-in learner opens Settings.
import { deferred } from './deferred';

export const AccountSecurity = deferred(() =>
  import('./AccountSecurity').then((m) => m.AccountSecurity),
);
