// Installation: Chromium finds nothing that stops the app from being installed, and every icon
// the web app manifest declares exists at its declared size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistentChromium, startAppServer, type AppServer } from './harness';

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer();
});

afterAll(async () => {
  await server?.close();
});

interface ManifestImage {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('installation', () => {
  it('has no installability errors in Chromium', async () => {
    const context = await launchPersistentChromium();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    console.info(`installability errors: ${installabilityErrors.length}`);
    expect(installabilityErrors).toEqual([]);
    await context.close();
  });

  it('declares a complete manifest whose icons and screenshots exist at their sizes', async () => {
    const html = await (await fetch(server.url)).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const manifest = (await (await fetch(new URL(href!, server.url))).json()) as {
      icons: ManifestImage[];
      screenshots?: (ManifestImage & { form_factor?: string })[];
    } & Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'Lommekurs',
      short_name: 'Lommekurs',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      lang: 'nb',
    });
    expect(manifest.description).toEqual(expect.stringMatching(/kurs/i));
    const images = [...manifest.icons, ...(manifest.screenshots ?? [])];
    for (const image of images) {
      const response = await fetch(new URL(image.src, server.url));
      expect(response.status, image.src).toBe(200);
      expect(response.headers.get('content-type')).toBe(image.type);
      if (image.type === 'image/png') {
        expect(pngSize(Buffer.from(await response.arrayBuffer())), image.src).toBe(image.sizes);
      }
    }
    const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
    expect(sizes).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    expect(manifest.screenshots?.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
  });
});
