// The contexts that carry the app state (made by createAppState) and the sync controller (made by
// createSyncController) to every component.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { I18n } from '../i18n';
import type { SyncController } from '../sync/controller';
import type { AppState } from './app-state';

export const AppStateContext = createContext<AppState | null>(null);

export const SyncContext = createContext<SyncController | null>(null);

/** The app state; throws when rendered outside <AppStateContext.Provider>. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState() needs an AppStateContext.Provider');
  return state;
}

/** Translator and formatters for the current language; the component re-renders on a switch. */
export const useI18n = (): I18n => useAppState().i18n.value;

/** The sync controller (account, sync status, pending changes); throws outside
 * <SyncContext.Provider>. */
export function useSync(): SyncController {
  const sync = useContext(SyncContext);
  if (!sync) throw new Error('useSync() needs a SyncContext.Provider');
  return sync;
}
