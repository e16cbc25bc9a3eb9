// Settings → Næringshage is a chunk of its own: it (with the wire schemas of the network) loads
// only when Settings is opened, after the rest of the screen.
import { deferred } from '../components/deferred';

export const NetworkSettings = deferred(() =>
  import('./NetworkSettings').then((m) => m.NetworkSettings),
);
