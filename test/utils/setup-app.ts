// Setup for the `app` test project: a fresh in-memory IndexedDB for the whole run.
import 'fake-indexeddb/auto';
