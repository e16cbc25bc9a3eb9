// The consent screen (/bli-med, loaded on demand): joining a business garden with a code. The code
// comes from the link's fragment (`/bli-med#NH-7K3P-Q2`, never sent to a server as part of the
// address) or is typed here. The screen fetches the garden it names (no session needed), says in
// plain words what its advisors will and will not see, and — once the learner has an account,
// made or signed into right here with the account screen's own forms — takes the name they want
// to show and their firm; one button joins, with consent to the text of CONSENT_TEXT_VERSION.
import { useEffect, useRef, useState } from 'preact/hooks';
import { createApi } from '../../client-core/sync/api';
import {
  CONSENT_TEXT_VERSION,
  joinCodeSchema,
  joinPreviewSchema,
  type JoinPreview,
  type Membership,
} from '../../shared/network-protocol';
import { AccountForm } from '../components/AccountForm';
import { PageHeading } from '../components/PageHeading';
import { useTexts } from '../i18n/feature-texts';
import { paths } from '../routes';
import { useAppState, useSync } from '../state/context';
import { useAccountFocus } from '../state/use-account-focus';
import { hasLiveSession } from '../sync/controller';
import { ConsentDetails } from './ConsentDetails';
import { JoinCodeForm } from './JoinCodeForm';
import { JoinForm } from './JoinForm';
import { joinTexts } from './join-texts';
import { previewErrorKey, type JoinErrorKey } from './join-errors';

/** The address's fragment as text ('' without one, or when it is not valid percent-encoding). */
function fragment(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

/** The code in the address's fragment, if it is one. */
const codeFromFragment = (): string | null => {
  const parsed = joinCodeSchema.safeParse(fragment());
  return parsed.success ? parsed.data : null;
};

type Preview =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; preview: JoinPreview }
  | { kind: 'failed'; error: JoinErrorKey };

/** GET /api/v1/network/join/{code}: the garden a code names, without a session. */
export async function fetchJoinPreview(code: string): Promise<JoinPreview> {
  const result = await createApi().request(
    'GET',
    `/api/v1/network/join/${encodeURIComponent(code)}`,
    { schema: joinPreviewSchema },
  );
  if (result.kind === 'ok') return result.body;
  throw result;
}

export function JoinScreen() {
  const t = useTexts(joinTexts);
  const [code, setCode] = useState<string | null>(codeFromFragment);
  // A link whose fragment is no code (cut short when copied, say) says so above the code field.
  const [preview, setPreview] = useState<Preview>(() =>
    code
      ? { kind: 'loading' }
      : fragment()
        ? { kind: 'failed', error: 'join.codeInvalid' }
        : { kind: 'none' },
  );
  const [attempt, setAttempt] = useState(0);
  const [joined, setJoined] = useState<Membership | null>(null);

  useEffect(() => {
    if (!code) return;
    let current = true;
    setPreview({ kind: 'loading' });
    fetchJoinPreview(code).then(
      (value) => current && setPreview({ kind: 'ready', preview: value }),
      (error: unknown) => current && setPreview({ kind: 'failed', error: previewErrorKey(error) }),
    );
    return () => {
      current = false;
    };
  }, [code, attempt]);

  const chooseCode = (next: string) => {
    // The address says which code the screen shows: a reload keeps it.
    history.replaceState(history.state, '', `${paths.join}#${next}`);
    setCode(next);
    setAttempt((n) => n + 1);
  };

  const anotherCode = () => {
    history.replaceState(history.state, '', paths.join);
    setCode(null);
    setPreview({ kind: 'none' });
  };

  return (
    <div class="screen join-screen">
      <PageHeading title={t('join.title')} />
      {joined ? (
        <Joined membership={joined} />
      ) : (
        <>
          <p class="lead">{t('join.intro')}</p>
          <p class="hint" role="status">
            {preview.kind === 'loading' ? t('join.loading') : ''}
          </p>
          {preview.kind === 'none' && <JoinCodeForm onCode={chooseCode} />}
          {preview.kind === 'failed' && (
            <>
              <p class="error" role="alert">
                {t(preview.error)}
              </p>
              {(preview.error === 'join.error.offline' ||
                preview.error === 'join.error.server' ||
                preview.error === 'join.error.rateLimited') && (
                <p class="actions">
                  <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
                    {t('join.retry')}
                  </button>
                </p>
              )}
              <JoinCodeForm onCode={chooseCode} initial={code ?? fragment()} />
            </>
          )}
          {preview.kind === 'ready' && code && (
            <ConsentStep
              code={code}
              preview={preview.preview}
              onJoined={setJoined}
              onOtherCode={anotherCode}
            />
          )}
        </>
      )}
    </div>
  );
}

interface ConsentStepProps {
  code: string;
  preview: JoinPreview;
  onJoined: (membership: Membership) => void;
  onOtherCode: () => void;
}

/** The garden, the consent text, and the way to join: an account first if there is none. */
function ConsentStep({ code, preview, onJoined, onOtherCode }: ConsentStepProps) {
  const t = useTexts(joinTexts);
  const sync = useSync();
  const account = sync.account.value;
  const problem = sync.status.value.problem;
  const signedIn = hasLiveSession(account, problem);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const accountHeading = useRef<HTMLHeadingElement>(null);
  // Signing in here replaces the form the learner used: focus goes on to the join form.
  useAccountFocus(signedIn, (now) => (now ? formHeading.current : accountHeading.current));
  const { garden } = preview;
  return (
    <>
      <section class="join-garden" aria-labelledby="join-garden-name">
        <h2 id="join-garden-name">{garden.name}</h2>
        <p class="meta">
          {garden.municipality
            ? t('join.place', { municipality: garden.municipality, county: garden.county })
            : garden.county}
        </p>
        <p>
          <button type="button" class="button secondary" onClick={onOtherCode}>
            {t('join.otherCode')}
          </button>
        </p>
      </section>
      <ConsentDetails />
      <p>
        <a href={paths.privacy}>{t('join.privacyLink')}</a>
      </p>
      {account === undefined ? null : signedIn ? (
        <JoinForm
          code={code}
          preview={preview}
          consentVersion={CONSENT_TEXT_VERSION}
          heading={formHeading}
          onJoined={onJoined}
        />
      ) : (
        <section class="join-account" aria-labelledby="join-account-heading">
          <h2 id="join-account-heading" tabIndex={-1} ref={accountHeading}>
            {t('join.accountHeading')}
          </h2>
          <p>{t('join.accountText')}</p>
          <NeedsNetwork />
          {/* Most who come here with a code are new: registering first. */}
          {problem !== 'signed-out' && <AccountForm mode="register" />}
          <AccountForm mode="login" />
        </section>
      )}
    </>
  );
}

/** "Du er uten nett" over the account forms while the browser is offline. */
function NeedsNetwork() {
  const t = useTexts(joinTexts);
  const { online } = useAppState().connectivity;
  return online.value ? null : <p class="notice">{t('join.error.offline')}</p>;
}

/** The confirmation, naming the garden; focus moves to it. */
function Joined({ membership }: { membership: Membership }) {
  const t = useTexts(joinTexts);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="join-done" aria-labelledby="join-done-heading">
      <h2 id="join-done-heading" tabIndex={-1} ref={heading}>
        {t('join.doneHeading', { garden: membership.garden.name })}
      </h2>
      <p>{t('join.doneText')}</p>
      <p>{t('join.doneShare')}</p>
      <p class="actions">
        <a class="button" href={paths.home}>
          {t('join.home')}
        </a>
        <a class="button secondary" href={paths.settings}>
          {t('join.settings')}
        </a>
      </p>
    </section>
  );
}
