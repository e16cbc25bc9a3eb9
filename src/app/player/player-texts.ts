// The words of the lesson players (quiz, checklist, reading) and the sync receipt, in their own
// chunk.
import { defineTexts } from '../i18n/feature-texts';
import type { TranslateOf } from '../i18n/types';

/** The lesson players' texts. */
export const playerTexts = defineTexts({
  nb: {
    'checklist.needAll': 'Kryss av alle punktene for å fullføre sjekklisten.',
    'checklist.restNotApplicable': 'Resten gjelder ikke oss',
    'checklist.restTitle': 'Gjelder resten ikke for dere?',
    'checklist.restText': {
      one: '{count} punkt er ikke krysset av. Sjekklisten blir fullført, og punktet står fortsatt som ikke gjort. Du kan krysse det av senere.',
      other:
        '{count} punkter er ikke krysset av. Sjekklisten blir fullført, og punktene står fortsatt som ikke gjort. Du kan krysse dem av senere.',
    },
    'checklist.restConfirm': 'Ja, fullfør sjekklisten',
    'checklist.restCancel': 'Avbryt',
    'checklist.doneWithRest': {
      one: 'Sjekklisten er fullført. {count} punkt er ikke krysset av; du kan krysse det av senere.',
      other:
        'Sjekklisten er fullført. {count} punkter er ikke krysset av; du kan krysse dem av senere.',
    },
    'quiz.wrong': 'Ikke riktig. Les hvorfor, og prøv igjen eller se svaret.',
    'quiz.partlyRight': 'Delvis riktig. Les hvorfor, og prøv igjen eller se svaret.',
    'quiz.answerShown': 'Her er det riktige svaret.',
    'quiz.showAnswer': 'Vis svaret',
    'quiz.yourAnswerRight': 'Ditt svar: riktig',
    'quiz.yourAnswerWrong': 'Ditt svar: feil',
    'quiz.practiceRound': 'Øvingsrunde: resultatet fra første gang står.',
    'quiz.firstTryScore': '{correct} av {total} riktige på første forsøk ({percent}).',
    'quiz.firstTryCounts': 'Det er første forsøk som teller. Nye forsøk er øving.',
    'quiz.outcomeFirstTry': 'Spørsmål {index}: riktig på første forsøk.',
    'quiz.outcomeLater': {
      one: 'Spørsmål {index}: riktig etter {count} forsøk.',
      other: 'Spørsmål {index}: riktig etter {count} forsøk.',
    },
    'quiz.outcomeRevealed': {
      one: 'Spørsmål {index}: du så svaret etter {count} forsøk.',
      other: 'Spørsmål {index}: du så svaret etter {count} forsøk.',
    },
    'quiz.outcomeOpen': 'Spørsmål {index}: ikke besvart riktig ennå.',
    'quiz.reviewShow': 'Se svarene dine',
    'quiz.reviewIntro':
      'Her er spørsmålene du ikke fikk helt riktig første gang. Det du svarte da, er merket «Ditt svar».',
    'quiz.reviewAllRight': 'Du svarte riktig på alle spørsmålene første gang.',
    'quiz.reviewShownFirst': 'Du så svaret før du svarte.',
    'quiz.reviewNotAnswered': 'Du har ikke svart på dette spørsmålet ennå.',

    'reading.markRead': 'Merk som lest',
    'reading.done': 'Du har lest denne leksjonen.',

    'quiz.questionOf': 'Spørsmål {index} av {total}',
    'quiz.chooseOne': 'Velg ett svar.',
    'quiz.chooseMany': 'Velg alle svarene som stemmer.',
    'quiz.answer': 'Svar',
    'quiz.chooseFirst': 'Velg et svar først.',
    'quiz.correct': 'Riktig!',
    'quiz.optionCorrect': 'Riktig svar',
    'quiz.optionWrong': 'Feil svar',
    'quiz.tryAgain': 'Prøv igjen',
    'quiz.nextQuestion': 'Neste spørsmål',
    'quiz.seeResult': 'Se resultatet',
    'quiz.resultTitle': 'Resultat',
    'quiz.restart': 'Ta quizen på nytt',

    'checklist.progress': '{checked} av {total} punkter er gjort.',
    'checklist.submit': 'Fullfør sjekklisten',
    'checklist.done': 'Sjekklisten er fullført. Du kan fortsatt krysse av punkter.',

    'receipt.saved': 'Lagret på enheten',
    'receipt.synced': 'Synkronisert',
    'receipt.rejected': 'Avvist av tjeneren — ikke lagret på kontoen',
    'receipt.signIn': 'logg inn for å synkronisere',
  } as const,
  nn: {
    'checklist.needAll': 'Kryss av alle punkta for å fullføre sjekklista.',
    'checklist.restNotApplicable': 'Resten gjeld ikkje oss',
    'checklist.restTitle': 'Gjeld ikkje resten for dykk?',
    'checklist.restText': {
      one: '{count} punkt er ikkje kryssa av. Sjekklista blir fullført, og punktet står framleis som ikkje gjort. Du kan krysse det av seinare.',
      other:
        '{count} punkt er ikkje kryssa av. Sjekklista blir fullført, og punkta står framleis som ikkje gjorde. Du kan krysse dei av seinare.',
    },
    'checklist.restConfirm': 'Ja, fullfør sjekklista',
    'checklist.restCancel': 'Avbryt',
    'checklist.doneWithRest': {
      one: 'Sjekklista er fullført. {count} punkt er ikkje kryssa av; du kan krysse det av seinare.',
      other:
        'Sjekklista er fullført. {count} punkt er ikkje kryssa av; du kan krysse dei av seinare.',
    },
    'quiz.wrong': 'Ikkje rett. Les kvifor, og prøv igjen eller sjå svaret.',
    'quiz.partlyRight': 'Delvis rett. Les kvifor, og prøv igjen eller sjå svaret.',
    'quiz.answerShown': 'Her er det rette svaret.',
    'quiz.showAnswer': 'Vis svaret',
    'quiz.yourAnswerRight': 'Svaret ditt: rett',
    'quiz.yourAnswerWrong': 'Svaret ditt: feil',
    'quiz.practiceRound': 'Øvingsrunde: resultatet frå første gong står.',
    'quiz.firstTryScore': '{correct} av {total} rette på første forsøk ({percent}).',
    'quiz.firstTryCounts': 'Det er første forsøket som tel. Nye forsøk er øving.',
    'quiz.outcomeFirstTry': 'Spørsmål {index}: rett på første forsøk.',
    'quiz.outcomeLater': {
      one: 'Spørsmål {index}: rett etter {count} forsøk.',
      other: 'Spørsmål {index}: rett etter {count} forsøk.',
    },
    'quiz.outcomeRevealed': {
      one: 'Spørsmål {index}: du såg svaret etter {count} forsøk.',
      other: 'Spørsmål {index}: du såg svaret etter {count} forsøk.',
    },
    'quiz.outcomeOpen': 'Spørsmål {index}: ikkje svart rett enno.',
    'quiz.reviewShow': 'Sjå svara dine',
    'quiz.reviewIntro':
      'Her er spørsmåla du ikkje fekk heilt rett første gong. Det du svarte då, er merkt «Svaret ditt».',
    'quiz.reviewAllRight': 'Du svarte rett på alle spørsmåla første gong.',
    'quiz.reviewShownFirst': 'Du såg svaret før du svarte.',
    'quiz.reviewNotAnswered': 'Du har ikkje svart på dette spørsmålet enno.',

    'reading.markRead': 'Merk som lesen',
    'reading.done': 'Du har lese denne leksjonen.',

    'quiz.questionOf': 'Spørsmål {index} av {total}',
    'quiz.chooseOne': 'Vel eitt svar.',
    'quiz.chooseMany': 'Vel alle svara som stemmer.',
    'quiz.answer': 'Svar',
    'quiz.chooseFirst': 'Vel eit svar først.',
    'quiz.correct': 'Rett!',
    'quiz.optionCorrect': 'Rett svar',
    'quiz.optionWrong': 'Feil svar',
    'quiz.tryAgain': 'Prøv igjen',
    'quiz.nextQuestion': 'Neste spørsmål',
    'quiz.seeResult': 'Sjå resultatet',
    'quiz.resultTitle': 'Resultat',
    'quiz.restart': 'Ta quizen på nytt',

    'checklist.progress': '{checked} av {total} punkt er gjort.',
    'checklist.submit': 'Fullfør sjekklista',
    'checklist.done': 'Sjekklista er fullført. Du kan framleis krysse av punkt.',

    'receipt.saved': 'Lagra på eininga',
    'receipt.synced': 'Synkronisert',
    'receipt.rejected': 'Avvist av tenaren — ikkje lagra på kontoen',
    'receipt.signIn': 'logg inn for å synkronisere',
  },
  en: {
    'checklist.needAll': 'Tick every item to complete the checklist.',
    'checklist.restNotApplicable': 'The rest does not apply to us',
    'checklist.restTitle': 'Does the rest not apply to you?',
    'checklist.restText': {
      one: '{count} item is not ticked. The checklist will be complete, and the item stays marked as not done. You can tick it later.',
      other:
        '{count} items are not ticked. The checklist will be complete, and the items stay marked as not done. You can tick them later.',
    },
    'checklist.restConfirm': 'Yes, complete the checklist',
    'checklist.restCancel': 'Cancel',
    'checklist.doneWithRest': {
      one: 'The checklist is complete. {count} item is not ticked; you can tick it later.',
      other: 'The checklist is complete. {count} items are not ticked; you can tick them later.',
    },
    'quiz.wrong': 'Not right. Read why, then try again or see the answer.',
    'quiz.partlyRight': 'Partly right. Read why, then try again or see the answer.',
    'quiz.answerShown': 'Here is the right answer.',
    'quiz.showAnswer': 'Show the answer',
    'quiz.yourAnswerRight': 'Your answer: right',
    'quiz.yourAnswerWrong': 'Your answer: wrong',
    'quiz.practiceRound': 'Practice round: your first result stands.',
    'quiz.firstTryScore': '{correct} of {total} right at the first attempt ({percent}).',
    'quiz.firstTryCounts': 'Your first attempt is what counts. Later attempts are practice.',
    'quiz.outcomeFirstTry': 'Question {index}: right at the first attempt.',
    'quiz.outcomeLater': {
      one: 'Question {index}: right after {count} attempt.',
      other: 'Question {index}: right after {count} attempts.',
    },
    'quiz.outcomeRevealed': {
      one: 'Question {index}: you saw the answer after {count} attempt.',
      other: 'Question {index}: you saw the answer after {count} attempts.',
    },
    'quiz.outcomeOpen': 'Question {index}: not answered right yet.',
    'quiz.reviewShow': 'See your answers',
    'quiz.reviewIntro':
      'Here are the questions you did not get fully right the first time. What you chose then is marked “Your answer”.',
    'quiz.reviewAllRight': 'You answered every question right the first time.',
    'quiz.reviewShownFirst': 'You saw the answer before you answered.',
    'quiz.reviewNotAnswered': 'You have not answered this question yet.',

    'reading.markRead': 'Mark as read',
    'reading.done': 'You have read this lesson.',

    'quiz.questionOf': 'Question {index} of {total}',
    'quiz.chooseOne': 'Choose one answer.',
    'quiz.chooseMany': 'Choose every answer that applies.',
    'quiz.answer': 'Answer',
    'quiz.chooseFirst': 'Choose an answer first.',
    'quiz.correct': 'Correct!',
    'quiz.optionCorrect': 'Correct answer',
    'quiz.optionWrong': 'Wrong answer',
    'quiz.tryAgain': 'Try again',
    'quiz.nextQuestion': 'Next question',
    'quiz.seeResult': 'See your result',
    'quiz.resultTitle': 'Result',
    'quiz.restart': 'Take the quiz again',

    'checklist.progress': '{checked} of {total} items done.',
    'checklist.submit': 'Complete the checklist',
    'checklist.done': 'The checklist is complete. You can still tick items.',

    'receipt.saved': 'Saved on this device',
    'receipt.synced': 'Synced',
    'receipt.rejected': 'Refused by the server — not saved to the account',
    'receipt.signIn': 'sign in to sync',
  },
});

/** A translator of the lesson players' texts. */
export type PlayerTranslate = TranslateOf<(typeof playerTexts)['nb']>;
