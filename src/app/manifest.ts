// The web app manifest, kept in TypeScript so the build (vite-plugin-pwa) and tests share it.
import type { ManifestOptions } from 'vite-plugin-pwa';

export const webManifest: Partial<ManifestOptions> = {
  name: 'Lommekurs',
  short_name: 'Lommekurs',
  description: 'Korte kurs i digital kompetanse og bærekraft for små bedrifter – også uten nett.',
  lang: 'nb',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  id: '/',
  display: 'standalone',
  orientation: 'any',
  // A manifest has one colour each (no dark variant yet): the splash screen and the title bar
  // before the page loads. index.html's theme-color metas then follow the system's dark mode.
  background_color: '#ffffff',
  theme_color: '#0b4f6c',
  categories: ['education', 'business', 'productivity'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  screenshots: [
    {
      src: '/screenshots/narrow-catalogue.png',
      sizes: '360x740',
      type: 'image/png',
      form_factor: 'narrow',
      label: 'Kurskatalogen på mobil',
    },
    {
      src: '/screenshots/wide-catalogue.png',
      sizes: '1280x800',
      type: 'image/png',
      form_factor: 'wide',
      label: 'Kurskatalogen på PC',
    },
  ],
};
