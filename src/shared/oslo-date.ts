// Calendar days in Norway's time zone: course authors date their checks and changes by the
// Norwegian calendar, so a learner's moment is compared with them as a day in Europe/Oslo.

// Made on first use, not when a module imports this one: an Intl formatter loads locale data.
let osloDay: Intl.DateTimeFormat | undefined;

/** The day (`YYYY-MM-DD`) in Europe/Oslo of a moment in ms since the epoch. */
export function osloDate(ms: number): string {
  osloDay ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return osloDay.format(ms);
}

/** The month (`YYYY-MM`) in Europe/Oslo of a moment in ms since the epoch. */
export const osloMonth = (ms: number): string => osloDate(ms).slice(0, 7);
