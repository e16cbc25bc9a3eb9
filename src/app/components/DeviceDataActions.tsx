// "Dataene dine på denne enheten" on the settings screen, for every learner, with or without an
// account: download what the device holds (a readable HTML summary, and the same as JSON), and
// delete it from the device after a confirmation. For an account holder the deletion is a sign-out
// that discards what is not yet synced: the account and its copy on the server are untouched, and
// the dialog says so (deleting the account is "Slett kontoen" in the account section).
import { useState } from 'preact/hooks';
import { readDeviceData } from '../../client-core/db/learner-data';
import { useI18n, useSync } from '../state/context';
import { saveBlob } from './save-blob';
import { ConfirmDialog } from './ConfirmDialog';
import { EXPORT_HTML_NAME, EXPORT_JSON_NAME, exportHtml, exportJson } from './learner-export';
import { deviceDataTexts } from './device-data-texts';
import { useTexts } from '../i18n/feature-texts';

type Message = { text: string; error: boolean } | null;

export function DeviceDataActions() {
  const i18n = useI18n();
  const tdd = useTexts(deviceDataTexts);
  const [message, setMessage] = useState<Message>(null);
  const [wiping, setWiping] = useState(false);

  const download = async (format: 'html' | 'json') => {
    setMessage(null);
    try {
      const data = await readDeviceData();
      const now = Date.now();
      if (format === 'html') {
        const html = exportHtml(data, i18n, now);
        saveBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), EXPORT_HTML_NAME);
      } else {
        const json = exportJson(data, now);
        saveBlob(new Blob([json], { type: 'application/json' }), EXPORT_JSON_NAME);
      }
      const file = format === 'html' ? EXPORT_HTML_NAME : EXPORT_JSON_NAME;
      setMessage({ text: tdd('deviceData.exported', { file }), error: false });
    } catch {
      setMessage({ text: tdd('deviceData.exportFailed'), error: true });
    }
  };

  return (
    <section class="device-data" aria-labelledby="device-data-heading">
      <h2 id="device-data-heading">{tdd('deviceData.heading')}</h2>
      <p>{tdd('deviceData.text')}</p>
      <p class="actions">
        <button type="button" class="button secondary" onClick={() => void download('html')}>
          {tdd('deviceData.export')}
        </button>
        <button type="button" class="button secondary" onClick={() => void download('json')}>
          {tdd('deviceData.exportJson')}
        </button>
      </p>
      <p class="actions">
        <button type="button" class="button danger" onClick={() => setWiping(true)}>
          {tdd('deviceData.wipe')}
        </button>
      </p>
      <p class={message?.error ? 'error' : 'hint'} role="status">
        {message?.text ?? ''}
      </p>
      {wiping && (
        <WipeDialog
          onCancel={() => setWiping(false)}
          onDone={(result) => {
            setWiping(false);
            setMessage(result);
          }}
        />
      )}
    </section>
  );
}

function WipeDialog({ onCancel, onDone }: { onCancel: () => void; onDone: (m: Message) => void }) {
  const tdd = useTexts(deviceDataTexts);
  const sync = useSync();
  const [busy, setBusy] = useState(false);
  const account = sync.account.value;
  const pending = sync.pending.value;

  const wipe = async () => {
    if (busy) return;
    setBusy(true);
    try {
      // Signing out removes the learner's data from the device (and ends a session, if there is
      // one): the same removal for learners with and without an account.
      await sync.signOut({ discardUnsynced: true });
      onDone({ text: tdd('deviceData.wiped'), error: false });
    } catch {
      onDone({ text: tdd('deviceData.wipeFailed'), error: true });
    }
  };

  return (
    <ConfirmDialog
      title={tdd('deviceData.wipeTitle')}
      confirmLabel={busy ? tdd('deviceData.wiping') : tdd('deviceData.wipeConfirm')}
      cancelLabel={tdd('deviceData.cancel')}
      onConfirm={() => void wipe()}
      onCancel={onCancel}
      busy={busy}
    >
      <p>{tdd('deviceData.wipeText')}</p>
      <p>{account ? tdd('deviceData.wipeAccount') : tdd('deviceData.wipeLocalOnly')}</p>
      {account && pending > 0 && <p>{tdd('deviceData.wipeUnsynced', { count: pending })}</p>}
      <p>{tdd('deviceData.wipeKeeps')}</p>
    </ConfirmDialog>
  );
}
