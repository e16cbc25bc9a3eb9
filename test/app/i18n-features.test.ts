// The texts that left the app's dictionary for their features' own chunks (issue 13, item 3: the
// nb split) keep the dictionary tests' meaning: the same keys in nb, nn and en, the same
// {placeholders}, no empty string, no sentence copied from bokmål, plural forms `one` and `other`;
// and each key lives in exactly one place, so a screen cannot read a stale copy.
import { describe, expect, it } from 'vitest';
import { accountDeletedTexts } from '../../src/app/components/account-deleted-texts';
import { accountSettingsTexts } from '../../src/app/components/account-settings-texts';
import { accountTexts } from '../../src/app/components/account-texts';
import { onlineFirstTexts } from '../../src/app/components/online-first-texts';
import { safariNoticeTexts } from '../../src/app/components/safari-notice-texts';
import { courseWishesTexts } from '../../src/app/components/course-wishes-texts';
import { deviceDataTexts } from '../../src/app/components/device-data-texts';
import { downloadTexts } from '../../src/app/components/download-texts';
import { placeholderMismatches, type FeatureTexts } from '../../src/app/i18n/feature-texts';
import { nb } from '../../src/app/i18n/nb';
import { insightTexts } from '../../src/app/insight/insight-texts';
import type { PluralMessage, SourceTexts } from '../../src/app/i18n/types';
import { feedbackTexts } from '../../src/app/player/feedback-texts';
import { studyPlanLinkTexts } from '../../src/app/plan/study-plan-link-texts';
import { studyPlanTexts } from '../../src/app/plan/study-plan-texts';
import { playerTexts } from '../../src/app/player/player-texts';
import { reviewTexts } from '../../src/app/review/review-texts';
import { courseTexts } from '../../src/app/screens/course-texts';

const features: Record<string, FeatureTexts<SourceTexts>> = {
  account: accountTexts,
  accountSettings: accountSettingsTexts,
  onlineFirst: onlineFirstTexts,
  accountDeleted: accountDeletedTexts,
  deviceData: deviceDataTexts,
  download: downloadTexts,
  player: playerTexts,
  feedback: feedbackTexts,
  courseWishes: courseWishesTexts,
  safariNotice: safariNoticeTexts,
  course: courseTexts,
  insight: insightTexts,
  studyPlan: studyPlanTexts,
  studyPlanLink: studyPlanLinkTexts,
  review: reviewTexts,
};

type Message = string | PluralMessage;
const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));

describe.each(Object.entries(features))('the %s texts', (_name, texts) => {
  const keys = Object.keys(texts.nb).sort();

  it('have the keys of nb in nn and en, and the same placeholders', () => {
    expect(keys.length).toBeGreaterThan(0);
    expect(Object.keys(texts.nn).sort()).toEqual(keys);
    expect(Object.keys(texts.en).sort()).toEqual(keys);
    expect(placeholderMismatches(texts)).toEqual([]);
  });

  it('have no empty string, and plural forms `one` and `other`', () => {
    for (const lang of ['nb', 'nn', 'en'] as const) {
      for (const [key, message] of Object.entries(texts[lang] as SourceTexts)) {
        for (const form of forms(message)) expect(form.trim(), `${lang} ${key}`).not.toBe('');
        if (typeof message !== 'string')
          expect(Object.keys(message).sort()).toEqual(['one', 'other']);
      }
    }
  });

  it('are translations: no sentence of six words or more is copied from nb', () => {
    for (const lang of ['nn', 'en'] as const) {
      const copied = keys.filter((key) => {
        const source = JSON.stringify(texts.nb[key]);
        const target = JSON.stringify((texts[lang] as SourceTexts)[key]);
        return source.split(' ').length >= 6 && target === source;
      });
      expect(copied, lang).toEqual([]);
    }
  });
});

describe('the nb split', () => {
  it('keeps each key in one place: the app dictionary or one feature', () => {
    const seen = new Map<string, string>(Object.keys(nb).map((key) => [key, 'app']));
    const twice: string[] = [];
    for (const [name, texts] of Object.entries(features)) {
      for (const key of Object.keys(texts.nb)) {
        const where = seen.get(key);
        if (where) twice.push(`${key}: ${where} and ${name}`);
        seen.set(key, name);
      }
    }
    expect(twice).toEqual([]);
  });
});
