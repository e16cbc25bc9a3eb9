// The device a session was signed in from, as a learner would name it: the browser and the
// platform, read from the User-Agent. Deliberately small: only what a person would recognise
// ("Firefox on Windows"), never versions; anything unknown is null and the app says so.

/** A browser and a platform, each null when the User-Agent does not tell. */
export interface DeviceLabel {
  browser: string | null;
  platform: string | null;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome"; Chrome also says "Safari".
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|\b(?:Headless)?Chrome\/|\bChromium\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\/|\bMobile\/\w+ Safari\//, 'Safari'],
];

// iPadOS 13+ Safari says "Macintosh"; it is told apart only by touch, which a header cannot show.
const PLATFORMS: readonly [RegExp, string][] = [
  [/\biPad\b/, 'iPadOS'],
  [/\biPhone\b|\biPod\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMacintosh\b|\bMac OS X\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

const first = (table: readonly [RegExp, string][], text: string) =>
  table.find(([pattern]) => pattern.test(text))?.[1] ?? null;

/** The browser and platform named by a User-Agent header (null parts when unknown). */
export function deviceLabel(userAgent: string | null | undefined): DeviceLabel {
  if (!userAgent) return { browser: null, platform: null };
  return { browser: first(BROWSERS, userAgent), platform: first(PLATFORMS, userAgent) };
}
