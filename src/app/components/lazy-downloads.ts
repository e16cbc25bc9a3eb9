// The download controls are a chunk of their own (with the download engine): the home screen does
// not need them, and the app shell stays small.
import { deferred } from './deferred';

export const DownloadControls = deferred(() =>
  import('./DownloadControls').then((m) => m.DownloadControls),
);

export const DownloadAll = deferred(() => import('./DownloadAll').then((m) => m.DownloadAll));
