// "Inviter en rådgiver" (a section GardenScreen renders): an e-mail address, then the invite link
// to pass on (shown this once) and whether the server mailed it.
import { useId, useRef, useState } from 'preact/hooks';
import { inviteRequestSchema, inviteSchema, type Invite } from '../../shared/network-protocol';
import { useTexts } from '../i18n/feature-texts';
import { useI18n, useSync } from '../state/context';
import { CopyField } from './CopyField';
import { inviteTexts } from './invite-texts';
import { requestErrorSentence, requestErrorTexts } from './request-errors';

interface Props {
  gardenId: string;
  /** Called after an invite was made (e.g. to refresh a list of advisors). */
  onInvited?: (invite: Invite) => void;
}

export function AdvisorInvite({ gardenId, onInvited }: Props) {
  const t = useTexts(inviteTexts);
  const errorText = useTexts(requestErrorTexts);
  const { lang, date } = useI18n();
  const sync = useSync();
  const id = useId();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [invite, setInvite] = useState<Invite | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const body = inviteRequestSchema.safeParse({ email: email.trim(), lang });
    if (!body.success) {
      setEmailError(t('emailInvalid'));
      input.current?.focus();
      return;
    }
    setEmailError('');
    setFailure('');
    setBusy(true);
    try {
      const made = await sync.request(
        'POST',
        `/api/v1/network/gardens/${encodeURIComponent(gardenId)}/invites`,
        { body: body.data, schema: inviteSchema },
      );
      setInvite(made);
      setEmail('');
      onInvited?.(made);
    } catch (error) {
      setFailure(requestErrorSentence(errorText, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="advisor-invite" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('formTitle')}</h2>
      <p>{t('formIntro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <label for={`${id}-email`}>{t('email')}</label>
        <input
          id={`${id}-email`}
          ref={input}
          class="text-input"
          type="email"
          autocomplete="off"
          value={email}
          aria-invalid={emailError ? 'true' : undefined}
          aria-describedby={`${id}-email-error`}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <p id={`${id}-email-error`} class="field-error">
          {emailError}
        </p>
        <p class="actions">
          <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
            {busy ? t('sending') : t('send')}
          </button>
        </p>
      </form>
      <p class="error" role="alert">
        {failure}
      </p>
      <div role="status">
        {invite && (
          <p>
            {invite.mailed
              ? t('mailed', { email: invite.email })
              : t('notMailed', { email: invite.email })}
          </p>
        )}
      </div>
      {invite && (
        <>
          <CopyField
            label={t('linkLabel', { email: invite.email })}
            value={invite.link}
            copyLabel={t('copy')}
            copiedText={t('copied')}
            failedText={t('copyFailed')}
          />
          <p class="hint">{t('linkHint', { date: date(invite.expiresAt) })}</p>
        </>
      )}
    </section>
  );
}
