// Catches a rendering error (for example a failed IndexedDB read thrown by useLive) and shows a
// sentence with a reload button instead of a blank screen. Reset when `resetKey` (the path) changes.
import { Component, type ComponentChildren } from 'preact';
import { useI18n } from '../state/context';
import { ReloadPanel } from './ReloadPanel';

interface Props {
  resetKey: string;
  children?: ComponentChildren;
}

export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state = { error: null as unknown };

  static override getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override componentDidUpdate(previous: Props) {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null)
      this.setState({ error: null });
  }

  override render() {
    return this.state.error === null ? this.props.children : <ErrorPanel />;
  }
}

function ErrorPanel() {
  const { t } = useI18n();
  return <ReloadPanel title={t('app.errorTitle')} text={t('app.errorText')} />;
}
