// Is the app running in a Safari tab? Safari (WebKit's Intelligent Tracking Prevention) deletes
// everything a site's scripts stored — IndexedDB, Cache Storage, the service worker — after seven
// days of Safari use without a visit to the site, unless the site was added to the Home Screen
// (https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/). A pure function of
// what the browser reports, so every case is unit-tested; browserFacts() reads them.

/** What the browser says about itself and how the app was opened. */
export interface BrowserFacts {
  userAgent: string;
  /** `matchMedia('(display-mode: standalone)').matches`: opened as an installed app. */
  standaloneDisplay: boolean;
  /** iOS's own `navigator.standalone`: true when opened from the Home Screen. */
  navigatorStandalone?: boolean;
}

// Other browsers that put "Safari/" in their user agent: Chromium-based ones (desktop and
// Android), and the iOS shells of Chrome, Firefox, Edge and Opera, which do not apply Safari's
// seven-day deletion to the sites they show.
const notSafari =
  /\b(Chrome|Chromium|CriOS|FxiOS|EdgiOS|EdgA|Edg|OPR|OPiOS|SamsungBrowser|Android)\//;

/** True in a Safari (or other WebKit browser, such as GNOME Web) tab, false when opened from the
 * Home Screen or as an installed app, and in every other browser. */
export const isSafariTab = (facts: BrowserFacts): boolean => {
  if (facts.standaloneDisplay || facts.navigatorStandalone === true) return false;
  const ua = facts.userAgent;
  return /AppleWebKit\//.test(ua) && /Version\/[\d.]+.*Safari\//.test(ua) && !notSafari.test(ua);
};

/** The facts of this browser, now. */
export const browserFacts = (): BrowserFacts => ({
  userAgent: typeof navigator === 'undefined' ? '' : navigator.userAgent,
  standaloneDisplay:
    typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches,
  navigatorStandalone:
    typeof navigator === 'undefined'
      ? undefined
      : (navigator as Navigator & { standalone?: boolean }).standalone,
});
