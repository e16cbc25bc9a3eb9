// Hand-built course bundles for app tests (the compiler runs in Node, not in jsdom): one course
// with every lesson kind, and a one-lesson course in nynorsk. Typed, so a contract change in
// src/shared/course.ts breaks here first.
import type { CatalogueEntry, CourseBundle } from '../../src/shared/course';

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
      html: '<h2>Tegn på svindel</h2><p>Svindlere later som de er sjefen eller banken.</p><p>Se etter hastverk og rare lenker.</p>',
    },
    {
      id: 'test-deg-selv',
      kind: 'quiz',
      title: 'Test deg selv',
      minutes: 3,
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
      html: '<p>Skru av skjermane når de går heim.</p>',
    },
  ],
};

/** The catalogue row the server would list for a bundle. */
export function catalogueEntryOf(bundle: CourseBundle, mediaBytes = 1_150_000): CatalogueEntry {
  const { id, title, summary, language, version, audience, sources, hash, minutes } = bundle;
  return {
    ...{ id, title, summary, language, version, audience, sources, hash, minutes },
    lessonCount: bundle.lessons.length,
    bundleBytes: JSON.stringify(bundle).length,
    mediaBytes,
  };
}
