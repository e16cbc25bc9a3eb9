// The join codes of a garden, for its advisors (a section GardenScreen renders): make a code with
// an optional last day, list the codes that work with their link and a copy button, and revoke
// one after a confirmation. Online only: offline it says so and asks nothing.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  joinCodeInfoSchema,
  joinCodeListSchema,
  type JoinCodeInfo,
} from '../../shared/network-protocol';
import { z } from 'zod/mini';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useTexts } from '../i18n/feature-texts';
import { useAppState, useI18n, useSync } from '../state/context';
import { CopyField } from './CopyField';
import { joinCodeTexts } from './join-code-texts';
import { refusalCode, requestErrorSentence, requestErrorTexts } from './request-errors';

type List =
  | { status: 'loading' }
  | { status: 'loaded'; codes: JoinCodeInfo[] }
  | { status: 'error'; error: unknown };

const base = (gardenId: string) => `/api/v1/network/gardens/${encodeURIComponent(gardenId)}`;

/** Whether a code still works at `now`. */
const isLive = (code: JoinCodeInfo, now: number) =>
  code.revokedAt === null && (code.expiresAt === null || code.expiresAt > now);

/** The end of a `YYYY-MM-DD` day in the device's time zone, in ms; null for no date. */
export function endOfDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    23,
    59,
    59,
    999,
  ).getTime();
}

export function JoinCodes({ gardenId }: { gardenId: string }) {
  const t = useTexts(joinCodeTexts);
  const errorText = useTexts(requestErrorTexts);
  const { date } = useI18n();
  const sync = useSync();
  const online = useAppState().connectivity.online.value;
  const id = useId();
  const [list, setList] = useState<List>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [expiry, setExpiry] = useState('');
  const [expiryError, setExpiryError] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const [revoking, setRevoking] = useState<string | null>(null);
  const expiryInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!online) return;
    let current = true;
    setList({ status: 'loading' });
    sync.request('GET', `${base(gardenId)}/join-codes`, { schema: joinCodeListSchema }).then(
      ({ joinCodes }) => current && setList({ status: 'loaded', codes: joinCodes }),
      (error: unknown) => current && setList({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [gardenId, online, attempt]);

  const create = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const expiresAt = endOfDay(expiry);
    if (expiry && (expiresAt === null || expiresAt <= Date.now())) {
      setExpiryError(t('expiryPast'));
      expiryInput.current?.focus();
      return;
    }
    setExpiryError('');
    setFailure('');
    setBusy(true);
    try {
      const code = await sync.request('POST', `${base(gardenId)}/join-codes`, {
        body: expiresAt === null ? {} : { expiresAt },
        schema: joinCodeInfoSchema,
      });
      setList((old) => ({
        status: 'loaded',
        codes: [code, ...(old.status === 'loaded' ? old.codes : [])],
      }));
      setExpiry('');
      setMessage(t('created', { code: code.code }));
    } catch (error) {
      setFailure(
        refusalCode(error) === 'invalid_request'
          ? t('expiryPast')
          : requestErrorSentence(errorText, error),
      );
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (code: string) => {
    setBusy(true);
    setFailure('');
    try {
      await sync.request('DELETE', `${base(gardenId)}/join-codes/${encodeURIComponent(code)}`, {
        schema: z.null(),
      });
      setMessage(t('revoked', { code }));
    } catch (error) {
      if (refusalCode(error) !== 'join_code_not_found') {
        setFailure(requestErrorSentence(errorText, error));
        return;
      }
      setMessage(t('alreadyGone'));
    } finally {
      setBusy(false);
      setRevoking(null);
    }
    // Revoked now (or already): the code leaves the list of codes that work.
    setList((old) =>
      old.status === 'loaded'
        ? { status: 'loaded', codes: old.codes.filter((c) => c.code !== code) }
        : old,
    );
  };

  const now = Date.now();
  const live = list.status === 'loaded' ? list.codes.filter((code) => isLive(code, now)) : [];
  return (
    <section class="join-codes" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('title')}
      </h2>
      <p>{t('intro')}</p>
      {!online ? (
        <p class="notice">{t('offline')}</p>
      ) : (
        <>
          <form class="join-code-form" noValidate onSubmit={(event) => void create(event)}>
            <label for={`${id}-expiry`}>{t('expiryLabel')}</label>
            <p id={`${id}-expiry-hint`} class="hint">
              {t('expiryHint')}
            </p>
            <input
              id={`${id}-expiry`}
              ref={expiryInput}
              class="text-input"
              type="date"
              value={expiry}
              aria-invalid={expiryError ? 'true' : undefined}
              aria-describedby={`${id}-expiry-hint ${id}-expiry-error`}
              onInput={(event) => setExpiry(event.currentTarget.value)}
            />
            <p id={`${id}-expiry-error`} class="field-error">
              {expiryError}
            </p>
            <p class="actions">
              <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
                {busy && !revoking ? t('creating') : t('create')}
              </button>
            </p>
          </form>
          <p class="hint" role="status">
            {message}
          </p>
          <p class="error" role="alert">
            {failure}
          </p>
          {list.status === 'loading' && <p role="status">{t('loading')}</p>}
          {list.status === 'error' && (
            <div class="notice">
              <p>
                {t('loadFailed')} {requestErrorSentence(errorText, list.error)}
              </p>
              <button
                type="button"
                class="button secondary"
                onClick={() => setAttempt((n) => n + 1)}
              >
                {t('retry')}
              </button>
            </div>
          )}
          {list.status === 'loaded' &&
            (live.length === 0 ? (
              <p class="empty">{t('empty')}</p>
            ) : (
              <ul class="join-code-list" aria-label={t('codeList')}>
                {live.map((code) => (
                  <li key={code.code} class="join-code">
                    <p class="join-code-value">
                      <strong>{code.code}</strong>{' '}
                      <span class="meta">
                        {code.expiresAt === null
                          ? t('noExpiry')
                          : t('expires', { date: date(code.expiresAt) })}
                      </span>
                    </p>
                    <CopyField
                      label={t('link', { code: code.code })}
                      value={code.link}
                      copyLabel={t('copy')}
                      copiedText={t('copied')}
                      failedText={t('copyFailed')}
                    />
                    <button
                      type="button"
                      class="button danger"
                      aria-label={t('revokeCode', { code: code.code })}
                      onClick={() => setRevoking(code.code)}
                    >
                      {t('revoke')}
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('confirmTitle', { code: revoking })}
          confirmLabel={t('revoke')}
          cancelLabel={t('cancel')}
          busy={busy}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
          fallbackFocus={() => heading.current}
        >
          <p>{t('confirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
