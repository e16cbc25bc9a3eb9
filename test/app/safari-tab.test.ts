// Which browsers get the Safari notice: a Safari (WebKit) tab, not the Home Screen app, not an
// installed app, not Chrome, Firefox or the other browsers that also say "Safari" in their
// user agent.
import { describe, expect, it } from 'vitest';
import { isSafariTab, type BrowserFacts } from '../../src/app/offline/safari-tab';

const UA = {
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1',
  ipadSafari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15',
  gnomeWeb:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  iphoneHomeScreen:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  chromeDesktop:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
  androidWebView:
    'Mozilla/5.0 (Linux; Android 14; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/156.0.0.0 Mobile Safari/537.36',
  edgeDesktop:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0',
  chromeIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/156.0.0.0 Mobile/15E148 Safari/604.1',
  firefoxIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/146.0 Mobile/15E148 Safari/605.1.15',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
} as const;

const tab = (userAgent: string): BrowserFacts => ({ userAgent, standaloneDisplay: false });

describe('isSafariTab', () => {
  it.each([['iphoneSafari'], ['ipadSafari'], ['gnomeWeb']] as const)(
    'is true in a %s tab',
    (name) => {
      expect(isSafariTab(tab(UA[name]))).toBe(true);
      expect(isSafariTab({ ...tab(UA[name]), navigatorStandalone: false })).toBe(true);
    },
  );

  it('is false for the app opened from the Home Screen (navigator.standalone)', () => {
    expect(isSafariTab({ ...tab(UA.iphoneSafari), navigatorStandalone: true })).toBe(false);
    expect(isSafariTab({ ...tab(UA.iphoneHomeScreen), navigatorStandalone: true })).toBe(false);
  });

  it('is false in standalone display mode (an installed app)', () => {
    expect(isSafariTab({ userAgent: UA.ipadSafari, standaloneDisplay: true })).toBe(false);
    expect(isSafariTab({ userAgent: UA.gnomeWeb, standaloneDisplay: true })).toBe(false);
  });

  it.each([
    ['chromeDesktop'],
    ['chromeAndroid'],
    ['androidWebView'],
    ['edgeDesktop'],
    ['chromeIos'],
    ['firefoxIos'],
    ['firefox'],
  ] as const)('is false in %s', (name) => {
    expect(isSafariTab(tab(UA[name]))).toBe(false);
  });

  it('is false when the user agent says nothing', () => {
    expect(isSafariTab(tab(''))).toBe(false);
  });
});
