// The privacy statement (/personvern, loaded on demand; nb, nn and en): who is responsible, what
// is stored on the device and on the server, what each role sees (the learner, a garden's
// advisors — the consent text itself —, the network administrator, analysts, the operator), the
// legal basis, export and deletion, withdrawing consent, how long things are kept, and where to
// complain. Linked from Settings and from the consent screen; docs/privacy.md is its twin for
// developers and data protection officers.
import { PageHeading } from '../components/PageHeading';
import { useTexts } from '../i18n/feature-texts';
import { paths } from '../routes';
import { ConsentDetails } from './ConsentDetails';
import { privacyTexts } from './privacy-texts';

/** A key of the statement's plain paragraphs (the controller's sentence takes a parameter). */
type Key = Exclude<keyof typeof privacyTexts.nb & string, 'privacy.controller'>;

/** A titled part of the statement: its paragraphs, or a list. */
function Part({
  id,
  heading,
  items,
  list = false,
}: {
  id: string;
  heading: Key;
  items: Key[];
  list?: boolean;
}) {
  const t = useTexts(privacyTexts);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(heading)}</h2>
      {list ? (
        <ul>
          {items.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : (
        items.map((key) => <p key={key}>{t(key)}</p>)
      )}
    </section>
  );
}

/** The privacy page; `controller` is who runs this service (PRIVACY_CONTROLLER at build time). */
export function PrivacyScreen({ controller = __PRIVACY_CONTROLLER__ }: { controller?: string }) {
  const t = useTexts(privacyTexts);
  return (
    <div class="screen privacy-screen">
      <PageHeading title={t('privacy.title')} />
      <p class="lead">{t('privacy.intro')}</p>
      <section aria-labelledby="privacy-controller">
        <h2 id="privacy-controller">{t('privacy.controllerHeading')}</h2>
        <p>
          {controller ? t('privacy.controller', { controller }) : t('privacy.controllerUnnamed')}
        </p>
      </section>
      <Part
        id="privacy-device"
        heading="privacy.deviceHeading"
        items={['privacy.device.courses', 'privacy.device.progress', 'privacy.device.noAccount']}
      />
      <Part
        id="privacy-server"
        heading="privacy.serverHeading"
        list
        items={[
          'privacy.server.account',
          'privacy.server.progress',
          'privacy.server.network',
          'privacy.server.feedback',
        ]}
      />
      <section aria-labelledby="privacy-roles">
        <h2 id="privacy-roles">{t('privacy.rolesHeading')}</h2>
        <p>{t('privacy.role.learner')}</p>
        <section class="privacy-advisors" aria-labelledby="privacy-advisors">
          <h3 id="privacy-advisors">{t('privacy.role.advisorHeading')}</h3>
          <p>{t('privacy.role.advisor')}</p>
          <ConsentDetails level={4} />
        </section>
        <p>{t('privacy.role.admin')}</p>
        <p>{t('privacy.role.analyst')}</p>
        <p>{t('privacy.role.operator')}</p>
      </section>
      <Part
        id="privacy-basis"
        heading="privacy.basisHeading"
        list
        items={['privacy.basis.contract', 'privacy.basis.consent']}
      />
      <section aria-labelledby="privacy-rights">
        <h2 id="privacy-rights">{t('privacy.rightsHeading')}</h2>
        <p>{t('privacy.rights.export')}</p>
        <p>{t('privacy.rights.delete')}</p>
        <p>
          <a href={paths.settings}>{t('privacy.rights.settingsLink')}</a>
        </p>
      </section>
      <Part id="privacy-withdraw" heading="privacy.withdrawHeading" items={['privacy.withdraw']} />
      <Part
        id="privacy-keep"
        heading="privacy.keepHeading"
        items={['privacy.keep.account', 'privacy.keep.device']}
      />
      <section aria-labelledby="privacy-complaint">
        <h2 id="privacy-complaint">{t('privacy.complaintHeading')}</h2>
        <p>
          {t('privacy.complaint')}{' '}
          <a href="https://www.datatilsynet.no/" rel="noopener">
            datatilsynet.no
          </a>
        </p>
      </section>
    </div>
  );
}
