// The words of spaced review ("Repetisjon") and the weekly goal (issue 16): the home cards and the
// review screen, in their own chunk. The question itself is asked and explained with the quiz
// player's words (player-texts.ts), as in the lesson.
import { defineTexts } from '../i18n/feature-texts';
import type { TranslateOf } from '../i18n/types';

export const reviewTexts = defineTexts({
  nb: {
    'review.title': 'Repetisjon',
    'review.waiting': { one: '{count} spørsmål venter', other: '{count} spørsmål venter' },
    'review.minutes': { one: 'om lag {count} minutt', other: 'om lag {count} minutter' },
    'review.waitingTime': '{waiting} – {minutes}',
    'review.waitingRounds': '{waiting} – {size} om gangen, {minutes}',
    'review.start': 'Start repetisjon',
    'review.nextOn': 'Neste repetisjon: {date}',
    'review.intro':
      'Spørsmål fra quizer du har fullført, kommer tilbake etter hvert, så du husker det du har lært.',
    'review.from': 'Fra kurset',
    'review.wrong': 'Ikke riktig. Her er det riktige svaret, og hvorfor.',
    'review.partlyRight': 'Delvis riktig. Her er det riktige svaret, og hvorfor.',
    'review.finish': 'Ferdig',
    'review.endTitle': 'Repetisjonen er ferdig',
    'review.score': { one: '{correct} av {count} riktig', other: '{correct} av {count} riktige' },
    'review.moreWaiting': {
      one: '{count} spørsmål til venter.',
      other: '{count} spørsmål til venter.',
    },
    'review.more': 'Fortsett repetisjonen',
    'review.home': 'Til forsiden',
    'review.emptyTitle': 'Ingen spørsmål venter nå',
    'review.emptyText':
      'Når du har fullført en quiz, kommer spørsmålene tilbake her etter en dag, og siden sjeldnere jo bedre du kan dem.',
    'review.readError': 'Kunne ikke lese repetisjonen på denne enheten. Last inn siden på nytt.',

    'weekly.title': 'Ukemål',
    'weekly.progress': {
      one: 'Denne uken: {done} av {count} leksjon',
      other: 'Denne uken: {done} av {count} leksjoner',
    },
    'weekly.reached': {
      one: 'Denne uken: {count} leksjon. Ukemålet er nådd.',
      other: 'Denne uken: {count} leksjoner. Ukemålet er nådd.',
    },
    'weekly.meterLabel': 'Ukemålet denne uken',
    'weekly.meter': '{done} av {goal}',
    'weekly.meterReached': 'Nådd',
    'weekly.streak': {
      one: 'Ukemålet nådd {count} uke på rad',
      other: 'Ukemålet nådd {count} uker på rad',
    },
    'weekly.forgiven':
      'En uke under målet er tilgitt, så rekken holder. Én uke i kvartalet kan tilgis.',
    'weekly.change': 'Endre ukemålet',
    'weekly.makePlan': 'Lag en studieplan: når tar du en leksjon?',
  } as const,
  nn: {
    'review.title': 'Repetisjon',
    'review.waiting': { one: '{count} spørsmål ventar', other: '{count} spørsmål ventar' },
    'review.minutes': { one: 'om lag {count} minutt', other: 'om lag {count} minutt' },
    'review.waitingTime': '{waiting} – {minutes}',
    'review.waitingRounds': '{waiting} – {size} om gongen, {minutes}',
    'review.start': 'Start repetisjonen',
    'review.nextOn': 'Neste repetisjon: {date}',
    'review.intro':
      'Spørsmål frå quizar du har fullført, kjem att etter kvart, så du hugsar det du har lært.',
    'review.from': 'Frå kurset',
    'review.wrong': 'Ikkje rett. Her er det rette svaret, og kvifor.',
    'review.partlyRight': 'Delvis rett. Her er det rette svaret, og kvifor.',
    'review.finish': 'Ferdig',
    'review.endTitle': 'Repetisjonen er ferdig',
    'review.score': { one: '{correct} av {count} rett', other: '{correct} av {count} rette' },
    'review.moreWaiting': {
      one: '{count} spørsmål til ventar.',
      other: '{count} spørsmål til ventar.',
    },
    'review.more': 'Hald fram med repetisjonen',
    'review.home': 'Til framsida',
    'review.emptyTitle': 'Ingen spørsmål ventar no',
    'review.emptyText':
      'Når du har fullført ein quiz, kjem spørsmåla att her etter ein dag, og sidan sjeldnare jo betre du kan dei.',
    'review.readError': 'Kunne ikkje lese repetisjonen på denne eininga. Last inn sida på nytt.',

    'weekly.title': 'Vekemål',
    'weekly.progress': {
      one: 'Denne veka: {done} av {count} leksjon',
      other: 'Denne veka: {done} av {count} leksjonar',
    },
    'weekly.reached': {
      one: 'Denne veka: {count} leksjon. Vekemålet er nådd.',
      other: 'Denne veka: {count} leksjonar. Vekemålet er nådd.',
    },
    'weekly.meterLabel': 'Vekemålet denne veka',
    'weekly.meter': '{done} av {goal}',
    'weekly.meterReached': 'Nådd',
    'weekly.streak': {
      one: 'Vekemålet nådd {count} veke på rad',
      other: 'Vekemålet nådd {count} veker på rad',
    },
    'weekly.forgiven':
      'Ei veke under målet er tilgjeven, så rekkja held. Éi veke i kvartalet kan bli tilgjeven.',
    'weekly.change': 'Endre vekemålet',
    'weekly.makePlan': 'Lag ein studieplan: når tek du ein leksjon?',
  },
  en: {
    'review.title': 'Review',
    'review.waiting': { one: '{count} question waiting', other: '{count} questions waiting' },
    'review.minutes': { one: 'about {count} minute', other: 'about {count} minutes' },
    'review.waitingTime': '{waiting} – {minutes}',
    'review.waitingRounds': '{waiting} – {size} at a time, {minutes}',
    'review.start': 'Start review',
    'review.nextOn': 'Next review: {date}',
    'review.intro':
      'Questions from quizzes you have completed come back now and then, so you remember what you learned.',
    'review.from': 'From the course',
    'review.wrong': 'Not right. Here is the right answer, and why.',
    'review.partlyRight': 'Partly right. Here is the right answer, and why.',
    'review.finish': 'Done',
    'review.endTitle': 'Review done',
    'review.score': { one: '{correct} of {count} right', other: '{correct} of {count} right' },
    'review.moreWaiting': {
      one: '{count} more question is waiting.',
      other: '{count} more questions are waiting.',
    },
    'review.more': 'Keep reviewing',
    'review.home': 'Back to the home page',
    'review.emptyTitle': 'No questions waiting now',
    'review.emptyText':
      'Once you complete a quiz, its questions come back here after a day, and then less often the better you know them.',
    'review.readError': 'Could not read your review on this device. Reload the page.',

    'weekly.title': 'Weekly goal',
    'weekly.progress': {
      one: 'This week: {done} of {count} lesson',
      other: 'This week: {done} of {count} lessons',
    },
    'weekly.reached': {
      one: 'This week: {count} lesson. Weekly goal reached.',
      other: 'This week: {count} lessons. Weekly goal reached.',
    },
    'weekly.meterLabel': 'Weekly goal this week',
    'weekly.meter': '{done} of {goal}',
    'weekly.meterReached': 'Reached',
    'weekly.streak': {
      one: 'Weekly goal reached {count} week in a row',
      other: 'Weekly goal reached {count} weeks in a row',
    },
    'weekly.forgiven':
      'One week below the goal was forgiven, so your streak holds. One week a quarter can be forgiven.',
    'weekly.change': 'Change the weekly goal',
    'weekly.makePlan': 'Make a study plan: when will you take a lesson?',
  },
});

export type ReviewTranslate = TranslateOf<(typeof reviewTexts)['nb']>;
