// Storage (/lagring, a lazily loaded chunk): how much space Lommekurs uses and how much is free
// (navigator.storage.estimate), whether storage is persistent and a button to ask for it, in a
// Safari tab what Safari may delete, and every course on the device with its size (bundle plus
// cached media) and a way to delete it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { PageHeading } from '../components/PageHeading';
import { PersistenceNote } from '../components/PersistenceNote';
import { SafariStorageFacts } from '../components/SafariStorageNotice';
import { DownloadControls } from '../components/lazy-downloads';
import type { StoredItem } from '../../client-core/db/views';
import { cachedMediaBytes } from '../offline/media-cache';
import { estimateStorage, type StorageFacts } from '../offline/persistence';
import { useAppState, useI18n } from '../state/context';
import { useStorageItems } from '../state/live';
import { downloadTexts } from '../components/download-texts';
import { useTexts } from '../i18n/feature-texts';

export function StorageScreen() {
  const i18n = useI18n();
  const td = useTexts(downloadTexts);
  const { t } = i18n;
  const state = useAppState();
  const items = useStorageItems();
  const [facts, setFacts] = useState<StorageFacts | null | undefined>(undefined);
  const persistence = state.persistence.status.value;
  // Re-measure whenever what is stored changes (a download finished, one was deleted).
  const itemsKey = JSON.stringify(
    items?.map((i) => [i.courseId, i.download?.state, i.course?.hash]),
  );

  useEffect(() => {
    let current = true;
    void estimateStorage().then((value) => current && setFacts(value));
    return () => {
      current = false;
    };
  }, [itemsKey]);
  useEffect(() => {
    void state.persistence.checkPersistence();
  }, []);

  // A deleted course takes its controls with it: keep focus in the list, not at the page top.
  const coursesHeading = useRef<HTMLHeadingElement>(null);
  const previous = useRef<StoredItem[]>([]);
  const [removed, setRemoved] = useState('');
  useEffect(() => {
    if (!items) return;
    const gone = previous.current.filter((p) => !items.some((i) => i.courseId === p.courseId));
    previous.current = items;
    if (gone.length === 0) return;
    setRemoved(gone.map((item) => td('download.announceDeleted', { title: item.title })).join(' '));
    const active = document.activeElement;
    if (!active || active === document.body) coursesHeading.current?.focus();
  }, [items]);

  return (
    <div class="screen">
      <PageHeading title={td('storage.title')} />
      <p class="lead">{td('storage.intro')}</p>

      <section aria-labelledby="space-heading">
        <h2 id="space-heading">{td('storage.spaceHeading')}</h2>
        {facts === undefined ? (
          <p role="status">{td('storage.checking')}</p>
        ) : facts === null ? (
          <p>{td('storage.noEstimate')}</p>
        ) : (
          <dl class="facts">
            <div>
              <dt>{td('storage.used')}</dt>
              <dd>{i18n.bytes(facts.usage)}</dd>
            </div>
            <div>
              <dt>{td('storage.free')}</dt>
              <dd>{i18n.bytes(Math.max(0, facts.quota - facts.usage))}</dd>
            </div>
          </dl>
        )}
        <dl class="facts">
          <div>
            <dt>{td('storage.persistent')}</dt>
            <dd>
              {persistence.persisted === true
                ? td('storage.persistentYes')
                : persistence.persisted === false
                  ? td('storage.persistentNo')
                  : td('storage.persistentUnknown')}
            </dd>
          </div>
        </dl>
        <PersistenceNote place="storage" />
      </section>

      <SafariStorageFacts />

      <section aria-labelledby="stored-courses-heading">
        <h2 id="stored-courses-heading" ref={coursesHeading} tabIndex={-1}>
          {td('storage.coursesHeading')}
        </h2>
        <p class="visually-hidden" role="status">
          {removed}
        </p>
        {items === undefined ? (
          <p>{t('app.loading')}</p>
        ) : items.length === 0 ? (
          <p>{td('storage.none')}</p>
        ) : (
          <ul class="card-list">
            {items.map((item) => (
              <StoredCourseItem key={item.courseId} item={item} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function StoredCourseItem({ item }: { item: StoredItem }) {
  const i18n = useI18n();
  const td = useTexts(downloadTexts);
  const { t } = i18n;
  const [bytes, setBytes] = useState<number | null>(null);
  const titleId = `stored-${item.courseId}`;
  const { course, download, availableOffline } = item;
  const key = `${course?.hash}:${download?.state}:${download?.hash}`;

  useEffect(() => {
    let current = true;
    // What is really on the device: the stored bundle plus the media files in the cache.
    void cachedMediaBytes(item.courseId, course?.media ?? [])
      .catch(() => 0)
      .then((media) => current && setBytes((course?.bytes ?? 0) + media));
    return () => {
      current = false;
    };
  }, [key]);

  const state = availableOffline
    ? t('download.available')
    : download?.state === 'partial'
      ? td('storage.partial')
      : td('storage.outlineOnly');
  return (
    <li class="card">
      <h3 class="card-title" id={titleId} lang={item.language}>
        {item.title}
      </h3>
      <p class="meta">
        {state}
        {bytes !== null && (
          <>
            <span class="meta-sep" aria-hidden="true">
              {' · '}
            </span>
            {td('storage.size', { size: i18n.bytes(bytes) })}
          </>
        )}
      </p>
      <DeleteOnly item={item} describedBy={titleId} />
    </li>
  );
}

/** The delete control of the download UI (with its confirmation), for anything stored. */
function DeleteOnly({ item, describedBy }: { item: StoredItem; describedBy: string }) {
  return (
    <DownloadControls
      courseId={item.courseId}
      title={item.title}
      download={item.download}
      describedBy={describedBy}
      mode="delete"
    />
  );
}
