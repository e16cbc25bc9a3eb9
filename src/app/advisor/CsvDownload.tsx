// A "Last ned som CSV" button with its status line (working, saved as …, failed), for any table
// a role screen exports: the garden's learners, the insight page's aggregates. The caller makes
// the file (csv.ts) and words the button.
import { useState } from 'preact/hooks';
import { saveBlob } from '../components/save-blob';

/** The button's words. */
export interface CsvDownloadTexts {
  button: string;
  working: string;
  done: (file: string) => string;
  failed: string;
}

interface Props {
  /** Makes the file when the button is pressed. */
  make: () => Promise<{ blob: Blob; file: string }>;
  texts: CsvDownloadTexts;
}

type Status =
  { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: string } | { kind: 'failed' };

export function CsvDownload({ make, texts }: Props) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const download = async () => {
    if (status.kind === 'working') return;
    setStatus({ kind: 'working' });
    try {
      const { blob, file } = await make();
      saveBlob(blob, file);
      setStatus({ kind: 'done', file });
    } catch (error) {
      console.error('CSV not made', error);
      setStatus({ kind: 'failed' });
    }
  };
  return (
    <div class="actions">
      <button
        type="button"
        class="button secondary"
        aria-disabled={status.kind === 'working'}
        onClick={() => void download()}
      >
        {texts.button}
      </button>
      <p role="status" class="hint">
        {status.kind === 'working'
          ? texts.working
          : status.kind === 'done'
            ? texts.done(status.file)
            : status.kind === 'failed'
              ? texts.failed
              : ''}
      </p>
    </div>
  );
}
