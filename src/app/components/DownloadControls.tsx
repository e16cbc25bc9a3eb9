// A course's download for offline use: "Last ned (1,2 MB)", the progress in bytes while it runs
// (with "Avbryt"), a sentence and "Prøv igjen" when it stops, "Oppdatering tilgjengelig" with
// "Oppdater kurset (…)" when the catalogue has a newer version, and "Slett nedlastingen" behind a
// confirmation. Milestones (started, halfway, done) and deletions are announced politely.
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CatalogueEntry } from '../../shared/course';
import type { DownloadRow } from '../../client-core/db/db';
import type { CourseOverview } from '../../client-core/db/views';
import { downloadErrorSentence } from '../i18n/errors';
import { catalogueSize, hasUpdate } from '../offline/download-store';
import { useAppState, useI18n } from '../state/context';
import { ByteProgressBar } from './ByteProgressBar';
import { ConfirmDialog } from './ConfirmDialog';
import { useFocusRescue } from './use-focus-rescue';
import { downloadTexts } from './download-texts';
import { useTexts } from '../i18n/feature-texts';

interface Props {
  courseId: string;
  /** The catalogue row, when the catalogue is loaded: sizes and newer versions come from it. */
  entry?: CatalogueEntry;
  /** The stored course, when it is on the device. */
  overview?: CourseOverview | null;
  /** The course's download record (an interrupted download resumes where it stopped). */
  download?: DownloadRow | null;
  /** Id of the element naming the course (the card's title), to describe the buttons. */
  describedBy?: string;
  /** The course's title when neither `entry` nor `overview` is given. */
  title?: string;
  /** 'delete': only "Slett nedlastingen", for anything stored (the storage screen). */
  mode?: 'full' | 'delete';
}

type Milestone = 'start' | 'half' | 'done' | null;

export function DownloadControls(props: Props) {
  const { courseId, entry, overview, download, describedBy, mode = 'full' } = props;
  const i18n = useI18n();
  const td = useTexts(downloadTexts);
  const state = useAppState();
  const manager = state.downloads;
  const job = manager.jobs.value.get(courseId);
  const online = state.connectivity.online.value;
  const stored = overview?.course;
  const available = overview?.availableOffline ?? false;
  const title = entry?.title ?? stored?.title ?? props.title ?? job?.title ?? courseId;
  const update = online && hasUpdate(entry, stored);
  const size = entry ? catalogueSize(entry) : null;
  const partial = (download ?? overview?.download)?.state === 'partial';
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const root = useRef<HTMLDivElement>(null);

  const milestone: Milestone =
    job?.status === 'running'
      ? job.total > 0 && job.done * 2 >= job.total
        ? 'half'
        : 'start'
      : job?.status === 'done'
        ? 'done'
        : null;
  const mounted = useRef(false);
  useEffect(() => {
    // A download that finished before this control was shown was announced then.
    const fresh = mounted.current;
    mounted.current = true;
    if (milestone === 'done' && !fresh) return;
    if (milestone === 'start') setAnnouncement(td('download.announceStart', { title }));
    if (milestone === 'half' && job?.status === 'running')
      setAnnouncement(td('download.announceHalf', { progress: i18n.bytesOf(job.done, job.total) }));
    if (milestone === 'done' && job)
      setAnnouncement(
        job.kind === 'update'
          ? td('download.announceUpdated', { title })
          : td('download.announceDone', { title }),
      );
  }, [milestone]);

  const view = job?.status === 'running' ? 'running' : job?.status === 'failed' ? 'failed' : 'idle';
  useFocusRescue(root, `${view}:${available}:${update}:${confirming}`);

  const start = () => {
    manager.dismiss(courseId);
    void manager.start(courseId, { entry, title });
  };
  const remove = async () => {
    setConfirming(false);
    await manager.remove(courseId);
    setAnnouncement(td('download.announceDeleted', { title }));
  };
  // A finished job counts as available until the live query has caught up.
  const showAvailable = available || job?.status === 'done';
  const deletable = mode === 'delete' || available;

  if (mode === 'delete') {
    return (
      <div class="download-controls" ref={root} tabIndex={-1}>
        <p class="visually-hidden" role="status">
          {announcement}
        </p>
        <DeleteButton {...{ describedBy, confirming, setConfirming, remove, root, title }} />
      </div>
    );
  }

  return (
    <div class="download-controls" ref={root} tabIndex={-1}>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      {job?.status === 'running' ? (
        <>
          <ByteProgressBar
            label={td(job.kind === 'update' ? 'download.updateLabel' : 'download.progressLabel', {
              title,
            })}
            done={job.done}
            total={job.total || (size ?? 0)}
          />
          <p class="actions">
            <button
              type="button"
              class="button secondary"
              aria-describedby={describedBy}
              onClick={() => manager.cancel(courseId)}
            >
              {td('download.cancel')}
            </button>
          </p>
        </>
      ) : job?.status === 'failed' ? (
        <div class="notice" role="alert">
          <p>{downloadErrorSentence(i18n, job.error)}</p>
          <p>
            <button type="button" class="button" aria-describedby={describedBy} onClick={start}>
              {td('download.retry')}
            </button>
          </p>
        </div>
      ) : update && entry ? (
        <div class="update-offer">
          <p class="update-available">{td('download.updateAvailable')}</p>
          <p class="meta">{td('download.updateHint', { version: entry.version })}</p>
          <p class="actions">
            <button type="button" class="button" aria-describedby={describedBy} onClick={start}>
              {td('download.update', { size: i18n.bytes(size ?? 0) })}
            </button>
          </p>
        </div>
      ) : !showAvailable && online ? (
        <>
          {partial && <p class="meta">{td('download.resumeHint')}</p>}
          <p class="actions">
            <button type="button" class="button" aria-describedby={describedBy} onClick={start}>
              {size !== null
                ? td('download.start', { size: i18n.bytes(size) })
                : td('download.startNoSize')}
            </button>
          </p>
        </>
      ) : null}
      {deletable && job?.status !== 'running' && (
        <DeleteButton {...{ describedBy, confirming, setConfirming, remove, root, title }} />
      )}
    </div>
  );
}

interface DeleteProps {
  title: string;
  describedBy?: string;
  confirming: boolean;
  setConfirming: (open: boolean) => void;
  remove: () => Promise<void>;
  root: RefObject<HTMLDivElement | null>;
}

/** "Slett nedlastingen" and its confirmation dialog. */
function DeleteButton({
  title,
  describedBy,
  confirming,
  setConfirming,
  remove,
  root,
}: DeleteProps) {
  const td = useTexts(downloadTexts);
  return (
    <>
      <p class="actions">
        <button
          type="button"
          class="button secondary"
          aria-describedby={describedBy}
          onClick={() => setConfirming(true)}
        >
          {td('download.delete')}
        </button>
      </p>
      {confirming && (
        <ConfirmDialog
          title={td('download.confirmTitle')}
          confirmLabel={td('download.confirmYes')}
          cancelLabel={td('download.confirmNo')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
          fallbackFocus={() => root.current}
        >
          <p>{td('download.confirmText')}</p>
          <p>{td('download.confirmDetail', { title })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
