// Settings → Næringshage is online-only (vite.config.ts, ONLINE): it (with the wire schemas of the
// network) loads when Settings is opened, after the rest of the screen, and the worker keeps it
// from then on. Its list is the server's (kept on the device for a view offline), and joining
// and withdrawing ask the server; opened offline before it was ever fetched, it says so.
import { deferred } from '../components/deferred';
import { OnlineFirstPart } from '../components/OnlineFirst';

export const NetworkSettings = deferred(
  () => import('./NetworkSettings').then((m) => m.NetworkSettings),
  OnlineFirstPart,
);
