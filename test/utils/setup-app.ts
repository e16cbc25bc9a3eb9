// Setup for the `app` test project: a fresh in-memory IndexedDB for the whole run, and findBy…/
// waitFor that wait up to 5 s — `npm test` runs every project at once on two cores, where a lazy
// screen can take longer than Testing Library's default second to appear (a wait, not a limit
// on speed: a passing wait returns as soon as its condition holds).
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';

configure({ asyncUtilTimeout: 5000 });
