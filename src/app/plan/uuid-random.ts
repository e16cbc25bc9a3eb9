// Stands in for `uuid-random` inside ical-generator (vite.config.ts aliases it here). That
// CommonJS module probes for `require`, which made the bundler put a `require` shim into the
// runtime chunk every page loads first (+0.2 KB gzip of critical JS for a file made on one
// screen). ical-generator calls it only for an event's default UID, which study-plan-ics.ts
// always replaces with the plan's own.
import { uuidv7 } from '../../shared/uuid';

/** A new unique id (a UUIDv7; ical-generator needs only uniqueness). */
export default function uuid(): string {
  return uuidv7();
}
