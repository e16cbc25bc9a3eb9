// /radgiver/invitasjon#token=…: the screen an advisor invite link opens. The token is read from
// the fragment and taken out of the address bar before paint; the invite needs an account (the
// screen offers sign-in or registration on the spot and keeps the token meanwhile), then one
// button accepts it and the app goes to the garden. A refusal (used, expired, another account's
// invite) is said in plain words; the app never knows which address the invite was sent to.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { acceptInviteResponseSchema, inviteTokenSchema } from '../../shared/network-protocol';
import { AccountForm } from '../components/AccountForm';
import { PageHeading } from '../components/PageHeading';
import { useLinkToken } from '../components/use-link-token';
import { useTexts } from '../i18n/feature-texts';
import type { TranslateOf } from '../i18n/types';
import { useMembership } from '../network/membership-store';
import { paths } from '../routes';
import { useSync } from '../state/context';
import { hasLiveSession } from '../sync/status';
import { inviteTexts } from './invite-texts';
import { refusalCode, requestErrorSentence, requestErrorTexts } from './request-errors';

const INVITE_TOKEN = /^[A-Za-z0-9_-]{22}$/;

type InviteT = TranslateOf<typeof inviteTexts.nb>;

/** The sentence for a refused invite, or null when the refusal is not about the invite. */
function refusalSentence(t: InviteT, error: unknown, email: string): string | null {
  switch (refusalCode(error)) {
    case 'invite_not_found':
      return t('notFound');
    case 'invite_used':
      return t('used');
    case 'invite_expired':
      return t('expired');
    case 'invite_wrong_account':
      return t('wrongAccount', { email });
    default:
      return null;
  }
}

export function InviteScreen() {
  const t = useTexts(inviteTexts);
  const errorText = useTexts(requestErrorTexts);
  const sync = useSync();
  const membership = useMembership();
  const { route } = useLocation();
  const token = useLinkToken(INVITE_TOKEN);
  const account = sync.account.value;
  // A session the server ended (signed out elsewhere, expired) cannot accept: sign in again.
  const live = hasLiveSession(account, sync.status.value.problem);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  const accept = async () => {
    if (busy || !token || !live) return;
    setBusy(true);
    setFailure('');
    try {
      const { garden } = await sync.request('POST', '/api/v1/network/invites/accept', {
        body: { token: inviteTokenSchema.parse(token) },
        schema: acceptInviteResponseSchema,
      });
      // The app learns that the user now advises a garden (Settings links to /radgiver).
      void membership.refresh();
      route(paths.advisorGarden(garden.id));
    } catch (error) {
      setFailure(
        refusalSentence(t, error, account.email) ?? requestErrorSentence(errorText, error),
      );
      setBusy(false);
    }
  };

  return (
    <div class="screen invite-screen">
      <PageHeading title={t('screenTitle')} />
      {token === null ? (
        <>
          <p class="notice">{t('noToken')}</p>
          <p>
            <a href={paths.advisor}>{t('toAdvisor')}</a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{t('screenIntro')}</p>
          {account !== undefined && !live && (
            <>
              <p>{t('signInFirst')}</p>
              <AccountForm mode="login" />
              {account === null && <AccountForm mode="register" />}
            </>
          )}
          {live && (
            <>
              <p>{t('signedInAs', { email: account.email })}</p>
              <p class="actions">
                <button
                  type="button"
                  class="button"
                  aria-disabled={busy ? 'true' : undefined}
                  onClick={() => void accept()}
                >
                  {busy ? t('accepting') : t('accept')}
                </button>
              </p>
            </>
          )}
          <p class="error" role="alert">
            {failure}
          </p>
        </>
      )}
    </div>
  );
}
