// Hand-built course bundles for app tests (the compiler runs in Node, not in jsdom): one course
// with every lesson kind, and a one-lesson course in nynorsk. Typed, so a contract change in
// src/shared/course.ts breaks here first.
import { createHash } from 'node:crypto';
import {
  versionedMediaUrl,
  type CatalogueEntry,
  type CourseBundle,
  type MediaFile,
  type QuizLesson,
} from '../../src/shared/course';

export const tryggEpost: CourseBundle = {
  format: 1,
  id: 'trygg-epost',
  title: 'Trygg e-post',
  summary: 'Kjenn igjen svindel-e-post og lag gode rutiner i bedriften.',
  language: 'nb',
  version: 3,
  audience: 'Ledere i små bedrifter',
  sources: [
    { title: 'Nasjonal sikkerhetsmyndighet: Grunnprinsipper', url: 'https://nsm.no/' },
    { title: 'Egen erfaring fra næringshagen' },
  ],
  hash: 'a'.repeat(64),
  minutes: 14,
  media: [],
  lessons: [
    {
      id: 'kjenn-igjen-svindel',
      kind: 'reading',
      title: 'Kjenn igjen svindel',
      minutes: 4,
      sources: [{ title: 'Nettvett (NSM)', url: 'https://nettvett.no' }],
      checked: '2026-11-02',
      html: '<h2>Tegn på svindel</h2><p>Svindlere later som de er sjefen eller banken.</p><p>Se etter hastverk og rare lenker.</p>',
    },
    {
      id: 'test-deg-selv',
      kind: 'quiz',
      title: 'Test deg selv',
      minutes: 3,
      sources: [{ title: 'Nettvett (NSM)', url: 'https://nettvett.no' }],
      checked: '2026-11-02',
      html: '<p>To raske spørsmål.</p>',
      questions: [
        {
          id: 'hastverk',
          html: '<p>«Sjefen» ber deg betale en faktura i dag. Hva gjør du?</p>',
          multiple: false,
          options: [
            {
              id: 'betal',
              html: '<p>Betaler med en gang</p>',
              correct: false,
              explanationHtml: '<p>Hastverk er et klassisk tegn på svindel.</p>',
            },
            {
              id: 'ring',
              html: '<p>Ringer sjefen på et nummer jeg kjenner</p>',
              correct: true,
              explanationHtml: '<p>Bekreft alltid på en annen kanal.</p>',
            },
            {
              id: 'svar',
              html: '<p>Svarer på e-posten og spør</p>',
              correct: false,
              explanationHtml: '<p>Svaret går rett til svindleren.</p>',
            },
          ],
        },
        {
          id: 'tegn',
          html: '<p>Hvilke tegn tyder på svindel?</p>',
          multiple: true,
          options: [
            {
              id: 'avsender',
              html: '<p>Rar avsenderadresse</p>',
              correct: true,
              explanationHtml: '<p>Sjekk domenet nøye.</p>',
            },
            {
              id: 'press',
              html: '<p>Tidspress</p>',
              correct: true,
              explanationHtml: '<p>Press skal hindre deg i å tenke.</p>',
            },
            {
              id: 'logo',
              html: '<p>Riktig logo</p>',
              correct: false,
              explanationHtml: '<p>Logoer er lette å kopiere.</p>',
            },
          ],
        },
      ],
    },
    {
      id: 'sjekk-rutinene',
      kind: 'checklist',
      title: 'Sjekk rutinene',
      minutes: 4,
      sources: [{ title: 'Nettvett (NSM)', url: 'https://nettvett.no' }],
      checked: '2026-11-02',
      html: '<p>Kryss av det dere allerede gjør.</p>',
      items: [
        { id: 'tofaktor', html: '<p>Alle har tofaktorinnlogging</p>' },
        { id: 'betaling', html: '<p>Betalinger bekreftes av to personer</p>' },
        { id: 'melding', html: '<p>Alle vet hvor de melder mistenkelig e-post</p>' },
      ],
    },
    {
      id: 'hva-gjor-dere',
      kind: 'reflection',
      title: 'Hva gjør dere?',
      minutes: 3,
      sources: [{ title: 'Nettvett (NSM)', url: 'https://nettvett.no' }],
      checked: '2026-11-02',
      html: '<p>Hvem i bedriften kan betale fakturaer, og hvordan sjekker dere dem?</p>',
      advisorHtml: '<p>Ta med svaret til rådgiveren i næringshagen.</p>',
    },
  ],
};

export const kontorNn: CourseBundle = {
  format: 1,
  id: 'berekraftig-kontor',
  title: 'Berekraftig kontor',
  summary: 'Små grep som sparer straum og pengar.',
  language: 'nn',
  version: 1,
  audience: 'Alle tilsette',
  sources: [],
  hash: 'b'.repeat(64),
  minutes: 3,
  media: [],
  lessons: [
    {
      id: 'skru-av',
      kind: 'reading',
      title: 'Skru av',
      minutes: 3,
      sources: [{ title: 'Nettvett (NSM)', url: 'https://nettvett.no' }],
      checked: '2026-11-02',
      html: '<p>Skru av skjermane når de går heim.</p>',
    },
  ],
};

/** The catalogue row the server would list for a bundle (media sizes from its media list, or
 * `mediaBytes` for a bundle that lists none). */
export function catalogueEntryOf(bundle: CourseBundle, mediaBytes = 1_150_000): CatalogueEntry {
  const { id, title, summary, language, version, audience, sources, hash, minutes } = bundle;
  return {
    ...{ id, title, summary, language, version, audience, sources, hash, minutes },
    lessonCount: bundle.lessons.length,
    lessonIds: bundle.lessons.map((lesson) => lesson.id),
    bundleBytes: Buffer.byteLength(JSON.stringify(bundle), 'utf8'),
    mediaBytes:
      bundle.media.length > 0
        ? bundle.media.reduce((sum, file) => sum + file.bytes, 0)
        : mediaBytes,
  };
}

// ---- A course with images, in two versions, for downloads and updates ----

/** Bytes of a fake image: a PNG signature and a pattern, `size` long. */
export function imageBytes(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = (i * 31 + seed * 7) & 0xff;
  return bytes;
}

/** Media bodies served by the fake API, by media URL (see stubApi). */
export const mediaBodies = new Map<string, Uint8Array>();

function mediaFile(courseId: string, path: string, body: Uint8Array): MediaFile {
  const sha256 = createHash('sha256').update(body).digest('hex');
  const file: MediaFile = {
    path,
    url: versionedMediaUrl(courseId, path, sha256),
    bytes: body.length,
    sha256,
    type: 'image/png',
  };
  mediaBodies.set(file.url, body);
  return file;
}

const FERJE = 'ferjekurs';
const kart = mediaFile(FERJE, 'media/kart.png', imageBytes(400_000, 1));
const rute = mediaFile(FERJE, 'media/rute.png', imageBytes(500_000, 2));
const billett = mediaFile(FERJE, 'media/billett.png', imageBytes(300_000, 3));
const ruteNy = mediaFile(FERJE, 'media/rute.png', imageBytes(450_000, 4));

const img = (file: MediaFile, alt: string) => `<p><img src="${file.url}" alt="${alt}"></p>`;

/** A course with three images (1,2 MB of media), version 1. */
export const ferjekurs: CourseBundle = {
  format: 1,
  id: FERJE,
  title: 'Digitalt på ferja',
  summary: 'Bruk ventetida godt, også uten nett.',
  language: 'nb',
  version: 1,
  audience: 'Ledere som reiser',
  sources: [],
  hash: 'c'.repeat(64),
  minutes: 9,
  media: [kart, rute, billett],
  lessons: [
    {
      id: 'kartet',
      kind: 'reading',
      title: 'Kartet',
      minutes: 3,
      sources: [{ title: 'Nettvett (NSM)', url: 'https://nettvett.no' }],
      checked: '2026-11-02',
      html: `<p>Her er kartet.</p>${img(kart, 'Kart over sambandet')}`,
    },
    {
      id: 'ruta',
      kind: 'reading',
      title: 'Ruta',
      minutes: 3,
      sources: [{ title: 'Nettvett (NSM)', url: 'https://nettvett.no' }],
      checked: '2026-11-02',
      html: `<p>Slik går ruta.</p>${img(rute, 'Ruta')}`,
    },
    {
      id: 'billetten',
      kind: 'reading',
      title: 'Billetten',
      minutes: 3,
      sources: [{ title: 'Nettvett (NSM)', url: 'https://nettvett.no' }],
      checked: '2026-11-02',
      html: `<p>Kjøp billett i appen.</p>${img(billett, 'Billett')}`,
    },
  ],
};

/** Version 2: one image changed (new URL), one lesson (and its image) removed, one added. */
export const ferjekursV2: CourseBundle = {
  ...ferjekurs,
  version: 2,
  hash: 'd'.repeat(64),
  media: [kart, ruteNy],
  lessons: [
    ferjekurs.lessons[0]!,
    { ...ferjekurs.lessons[1]!, html: `<p>Ny rute fra mars.</p>${img(ruteNy, 'Ny rute')}` },
    {
      id: 'pausen',
      kind: 'reading',
      title: 'Pausen',
      minutes: 2,
      sources: [{ title: 'Nettvett (NSM)', url: 'https://nettvett.no' }],
      checked: '2026-11-02',
      html: '<p>Ta en pause.</p>',
    },
  ],
};

const quizOption = (id: string, correct: boolean) => ({
  id,
  html: id,
  correct,
  explanationHtml: '',
});

/** A quiz lesson for action and sync tests with the first `count` of two questions: q1 has one
 * right option (a), q2 two (a and c). The lesson completes when all its questions are answered. */
export const quizLesson = (id: string, count: 1 | 2 = 2): QuizLesson => ({
  id,
  title: 'Quiz',
  kind: 'quiz',
  minutes: 2,
  html: '<p>Quiz</p>',
  sources: [],
  checked: '2026-11-27',
  questions: [
    {
      id: 'q1',
      html: 'q1',
      multiple: false,
      options: [quizOption('a', true), quizOption('b', false)],
    },
    {
      id: 'q2',
      html: 'q2',
      multiple: true,
      options: [quizOption('a', true), quizOption('b', false), quizOption('c', true)],
    },
  ].slice(0, count),
});
