/** The app's version, set at build time (vite.config.ts `define`). */
declare const __APP_VERSION__: string;
/** Who runs this service (name, organisation number, contact address), from PRIVACY_CONTROLLER at
 * build time; empty when not given. Shown on the privacy page (/personvern). */
declare const __PRIVACY_CONTROLLER__: string;
