// Shown in place of an online-only screen or part (vite.config.ts, ONLINE: signing in, joining a
// garden, the advisor screens…) whose code this device has never fetched and cannot fetch now:
// such code is no part of the offline shell, and the service worker keeps it once it has been
// opened online. Reloading is the learner's choice.
import { useTexts } from '../i18n/feature-texts';
import { ChunkNotice } from './ChunkNotice';
import { PageHeading } from './PageHeading';
import { onlineFirstTexts } from './online-first-texts';

/** A part of a screen (a deferred component) that needs a connection the first time. */
export function OnlineFirstPart() {
  const to = useTexts(onlineFirstTexts);
  return <ChunkNotice text={to('onlineFirst.part')} />;
}

/** A whole screen (a lazy route) that needs a connection the first time. */
export function OnlineFirstScreen() {
  const to = useTexts(onlineFirstTexts);
  return (
    <div class="screen">
      <PageHeading title={to('onlineFirst.title')} />
      <ChunkNotice text={to('onlineFirst.text')} />
    </div>
  );
}
