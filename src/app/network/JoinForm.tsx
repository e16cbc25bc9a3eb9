// The join form of the consent screen, for a signed-in learner: the name they choose to show the
// garden's advisors, their firm (one of the garden's, or a new one with an optional organisation
// number, checked with the Brønnøysund mod-11 rule before it is sent), and one button, "Bli med i
// {garden}", that joins with consent (membership store → POST /api/v1/network/join). A learner
// who is already a member sees the name and firm they gave, and joining again updates them.
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isValidOrgNumber, normaliseOrgNumber } from '../../shared/org-number';
import type { JoinPreview, JoinRequest, Membership } from '../../shared/network-protocol';
import { AccountField } from '../components/AccountFields';
import { useTexts } from '../i18n/feature-texts';
import { useI18n } from '../state/context';
import { joinErrorKey, type JoinErrorKey } from './join-errors';
import { joinTexts } from './join-texts';
import { useMembership } from './membership-store';

interface Props {
  code: string;
  preview: JoinPreview;
  consentVersion: string;
  heading: RefObject<HTMLHeadingElement | null>;
  onJoined: (membership: Membership) => void;
}

/** The radio value of "another firm". */
const OTHER = 'other';
const MAX_NAME = 120;

interface FieldErrors {
  name?: 'join.nameMissing' | 'join.nameTooLong';
  firm?: 'join.firmMissing';
  orgNumber?: 'join.orgNumberInvalid';
}

export function JoinForm({ code, preview, consentVersion, heading, onJoined }: Props) {
  const t = useTexts(joinTexts);
  const { date } = useI18n();
  const store = useMembership();
  const { garden, firms } = preview;
  const existing = store.me.value?.memberships.find((m) => m.garden.id === garden.id);
  const [name, setName] = useState('');
  const [firm, setFirm] = useState<string>(firms.length === 0 ? OTHER : '');
  // A member's name and firm fill the fields once the store knows them (it may answer after the
  // form is shown), unless the learner has typed or chosen already.
  const filled = useRef(false);
  useEffect(() => {
    if (!existing || filled.current) return;
    filled.current = true;
    setName((typed) => typed || existing.displayName);
    const known = existing.firm && firms.some((f) => f.id === existing.firm?.id);
    if (known) setFirm((chosen) => (chosen === '' ? existing.firm!.id : chosen));
  }, [existing]);
  const [firmName, setFirmName] = useState('');
  const [orgNumber, setOrgNumber] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<JoinErrorKey | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const firmNameInput = useRef<HTMLInputElement>(null);
  const orgInput = useRef<HTMLInputElement>(null);
  const firstFirm = useRef<HTMLInputElement>(null);

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    const trimmed = name.trim();
    if (trimmed === '') found.name = 'join.nameMissing';
    else if (trimmed.length > MAX_NAME) found.name = 'join.nameTooLong';
    if (firm === '' || (firm === OTHER && firmName.trim() === '')) found.firm = 'join.firmMissing';
    const org = normaliseOrgNumber(orgNumber);
    if (firm === OTHER && org !== '' && !isValidOrgNumber(org)) {
      found.orgNumber = 'join.orgNumberInvalid';
    }
    return found;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = check();
    setErrors(found);
    setFailure(null);
    if (found.name) return nameInput.current?.focus();
    if (found.firm) {
      return (firm === OTHER ? firmNameInput.current : firstFirm.current)?.focus();
    }
    if (found.orgNumber) return orgInput.current?.focus();
    const org = normaliseOrgNumber(orgNumber);
    const request: JoinRequest = {
      code,
      displayName: name.trim(),
      consentVersion,
      firm:
        firm === OTHER
          ? { name: firmName.trim(), ...(org === '' ? {} : { orgNumber: org }) }
          : { id: firm },
    };
    setBusy(true);
    try {
      onJoined(await store.join(request));
    } catch (error) {
      setFailure(joinErrorKey(error));
      setBusy(false);
    }
  };

  return (
    <section class="join-form" aria-labelledby="join-form-heading">
      <h2 id="join-form-heading" tabIndex={-1} ref={heading}>
        {t('join.formHeading')}
      </h2>
      {existing && (
        <p class="notice">
          {t('join.already', { garden: garden.name, date: date(existing.joinedAt) })}
        </p>
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <AccountField
          type="text"
          label={t('join.nameLabel')}
          hint={t('join.nameHint')}
          value={name}
          onInput={setName}
          autocomplete="name"
          error={errors.name ? t(errors.name) : null}
          inputRef={nameInput}
        />
        <fieldset
          aria-describedby={errors.firm ? 'join-firm-error' : undefined}
          aria-invalid={errors.firm ? 'true' : undefined}
        >
          <legend>{t('join.firmLegend')}</legend>
          <ul class="options">
            {firms.map((f, index) => (
              <li key={f.id} class="option">
                <label class="choice" for={`join-firm-${f.id}`}>
                  <input
                    id={`join-firm-${f.id}`}
                    ref={index === 0 ? firstFirm : undefined}
                    type="radio"
                    name="join-firm"
                    value={f.id}
                    checked={firm === f.id}
                    onChange={() => setFirm(f.id)}
                  />
                  <span>{f.orgNumber ? `${f.name} (${f.orgNumber})` : f.name}</span>
                </label>
              </li>
            ))}
            <li class="option">
              <label class="choice" for="join-firm-other">
                <input
                  id="join-firm-other"
                  ref={firms.length === 0 ? firstFirm : undefined}
                  type="radio"
                  name="join-firm"
                  value={OTHER}
                  checked={firm === OTHER}
                  onChange={() => setFirm(OTHER)}
                />
                <span>{t('join.firmOther')}</span>
              </label>
            </li>
          </ul>
          {errors.firm && (
            <p id="join-firm-error" class="field-error error">
              {t(errors.firm)}
            </p>
          )}
          {firm === OTHER && (
            <>
              <AccountField
                type="text"
                label={t('join.firmNameLabel')}
                value={firmName}
                onInput={setFirmName}
                autocomplete="organization"
                error={null}
                inputRef={firmNameInput}
              />
              <AccountField
                type="text"
                label={t('join.orgNumberLabel')}
                hint={t('join.orgNumberHint')}
                value={orgNumber}
                onInput={setOrgNumber}
                autocomplete="off"
                error={errors.orgNumber ? t(errors.orgNumber) : null}
                inputRef={orgInput}
              />
            </>
          )}
        </fieldset>
        <p class="error" role="alert">
          {failure ? t(failure) : ''}
        </p>
        {failure === 'join.error.consentOutdated' && (
          <p class="actions">
            <button type="button" class="button secondary" onClick={() => location.reload()}>
              {t('join.reload')}
            </button>
          </p>
        )}
        <p class="actions">
          {/* aria-disabled, not disabled: the button keeps focus while the request runs. */}
          <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
            {busy ? t('join.submitting') : t('join.submit', { garden: garden.name })}
          </button>
        </p>
      </form>
    </section>
  );
}
