// The README's screenshots, made by browser tests when SCREENSHOTS=1: a page at a phone's
// 360 × 740 px, written to docs/screenshots/.
import { mkdir, writeFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** A phone's viewport, the width the screenshots and the narrow-layout checks use. */
export const NARROW = { width: 360, height: 740 };

const SCREENSHOTS = process.env.SCREENSHOTS === '1';

/** With SCREENSHOTS=1: the page at 360 × 740 px into docs/screenshots/`name`.png, scrolled so
 * that `at` is at `block` of the view (the top of the page without it); the viewport is put back
 * after. Without it, nothing. */
export async function screenshot(
  page: Page,
  name: string,
  at?: Locator,
  block: 'start' | 'center' = 'center',
): Promise<void> {
  if (!SCREENSHOTS) return;
  const viewport = page.viewportSize();
  await page.setViewportSize(NARROW);
  if (at) await at.evaluate((element, b) => element.scrollIntoView({ block: b }), block);
  else await page.evaluate(() => window.scrollTo(0, 0));
  await mkdir('docs/screenshots', { recursive: true });
  const png = await page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' });
  await writeFile(`docs/screenshots/${name}.png`, png);
  console.info(`docs/screenshots/${name}.png ${(png.length / 1024).toFixed(1)} KiB`);
  if (viewport) await page.setViewportSize(viewport);
}
