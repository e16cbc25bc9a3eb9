// The words of the data on this device: its export (the readable file and JSON) and its wipe.
import { defineTexts } from '../i18n/feature-texts';

/** The device data actions' and export file's texts. */
export const deviceDataTexts = defineTexts({
  nb: {
    'deviceData.heading': 'Dataene dine på denne enheten',
    'deviceData.text':
      'Last ned det Lommekurs har lagret om deg på denne enheten: en oversikt du kan lese og skrive ut, og de samme dataene som JSON.',
    'deviceData.export': 'Last ned dataene mine',
    'deviceData.exportJson': 'Last ned som JSON',
    'deviceData.exported': 'Dataene er lagret som {file}.',
    'deviceData.exportFailed': 'Kunne ikke lage filen. Prøv igjen.',
    'deviceData.wipe': 'Slett dataene på denne enheten',
    'deviceData.wipeTitle': 'Slette dataene på denne enheten?',
    'deviceData.wipeText':
      'Fremgangen din, quizsvarene, sjekklistene og refleksjonene blir slettet fra denne enheten. Det kan ikke angres.',
    'deviceData.wipeKeeps':
      'Nedlastede kurs og innstillingene (språk, tekststørrelse) blir liggende.',
    'deviceData.wipeLocalOnly':
      'Du har ikke konto, så dataene finnes ingen andre steder. Last dem ned først hvis du vil ta vare på dem.',
    'deviceData.wipeAccount':
      'Du blir logget ut på denne enheten. Kontoen og det som er lagret på den, blir ikke slettet: logg inn igjen for å hente fremgangen. Vil du slette kontoen, bruk «Slett kontoen».',
    'deviceData.wipeUnsynced': {
      one: '{count} endring er ikke synkronisert ennå og blir borte.',
      other: '{count} endringer er ikke synkronisert ennå og blir borte.',
    },
    'deviceData.wipeConfirm': 'Slett dataene',
    'deviceData.wiping': 'Sletter …',
    'deviceData.cancel': 'Avbryt',
    'deviceData.wiped': 'Dataene dine er slettet fra denne enheten.',
    'deviceData.wipeFailed': 'Kunne ikke slette dataene. Prøv igjen.',
    'export.title': 'Dataene mine i Lommekurs',
    'export.intro': 'Hentet fra denne enheten {date}.',
    'export.none': 'Det er ingen fremgang lagret på denne enheten.',
    'export.completedOn': 'Fullført {date}',
    'export.started': 'Påbegynt',
    'export.notStarted': 'Ikke begynt',
    'export.resetOn': 'Fremgangen ble nullstilt {date}.',
    'export.quiz': 'Quiz: {correct} av {total} riktige på første forsøk ({answers} svar i alt).',
    'export.checklist': 'Sjekkliste: {done} av {total} punkter gjort.',
    'export.checked': 'gjort',
    'export.notChecked': 'ikke gjort',
    'export.reflection': 'Refleksjonen din:',
    'export.reflectionShared': 'Du deler refleksjonen med rådgiveren i næringshagen din.',
    'export.time': 'Tid brukt: {minutes} min.',
    'export.unknownCourse': 'Kurs som ikke er på enheten ({id})',
  } as const,
  nn: {
    'deviceData.heading': 'Dataa dine på denne eininga',
    'deviceData.text':
      'Last ned det Lommekurs har lagra om deg på denne eininga: eit oversyn du kan lese og skrive ut, og dei same dataa som JSON.',
    'deviceData.export': 'Last ned dataa mine',
    'deviceData.exportJson': 'Last ned som JSON',
    'deviceData.exported': 'Dataa er lagra som {file}.',
    'deviceData.exportFailed': 'Kunne ikkje lage fila. Prøv igjen.',
    'deviceData.wipe': 'Slett dataa på denne eininga',
    'deviceData.wipeTitle': 'Slette dataa på denne eininga?',
    'deviceData.wipeText':
      'Framgangen din, quizsvara, sjekklistene og refleksjonane blir sletta frå denne eininga. Det kan ikkje angrast.',
    'deviceData.wipeKeeps':
      'Nedlasta kurs og innstillingane (språk, tekststorleik) blir liggjande.',
    'deviceData.wipeLocalOnly':
      'Du har ikkje konto, så dataa finst ingen andre stader. Last dei ned først viss du vil ta vare på dei.',
    'deviceData.wipeAccount':
      'Du blir logga ut på denne eininga. Kontoen og det som er lagra på han, blir ikkje sletta: logg inn igjen for å hente framgangen. Vil du slette kontoen, bruk «Slett kontoen».',
    'deviceData.wipeUnsynced': {
      one: '{count} endring er ikkje synkronisert enno og blir borte.',
      other: '{count} endringar er ikkje synkroniserte enno og blir borte.',
    },
    'deviceData.wipeConfirm': 'Slett dataa',
    'deviceData.wiping': 'Slettar …',
    'deviceData.cancel': 'Avbryt',
    'deviceData.wiped': 'Dataa dine er sletta frå denne eininga.',
    'deviceData.wipeFailed': 'Kunne ikkje slette dataa. Prøv igjen.',
    'export.title': 'Dataa mine i Lommekurs',
    'export.intro': 'Henta frå denne eininga {date}.',
    'export.none': 'Det er ingen framgang lagra på denne eininga.',
    'export.completedOn': 'Fullført {date}',
    'export.started': 'Påbyrja',
    'export.notStarted': 'Ikkje byrja',
    'export.resetOn': 'Framgangen vart nullstilt {date}.',
    'export.quiz': 'Quiz: {correct} av {total} rette på første forsøk ({answers} svar i alt).',
    'export.checklist': 'Sjekkliste: {done} av {total} punkt gjorde.',
    'export.checked': 'gjort',
    'export.notChecked': 'ikkje gjort',
    'export.reflection': 'Refleksjonen din:',
    'export.reflectionShared': 'Du deler refleksjonen med rådgjevaren i næringshagen din.',
    'export.time': 'Tid brukt: {minutes} min.',
    'export.unknownCourse': 'Kurs som ikkje er på eininga ({id})',
  },
  en: {
    'deviceData.heading': 'Your data on this device',
    'deviceData.text':
      'Download what Lommekurs has stored about you on this device: a summary you can read and print, and the same data as JSON.',
    'deviceData.export': 'Download my data',
    'deviceData.exportJson': 'Download as JSON',
    'deviceData.exported': 'Your data is saved as {file}.',
    'deviceData.exportFailed': 'Could not make the file. Please try again.',
    'deviceData.wipe': 'Delete the data on this device',
    'deviceData.wipeTitle': 'Delete the data on this device?',
    'deviceData.wipeText':
      'Your progress, quiz answers, checklists and reflections are deleted from this device. This cannot be undone.',
    'deviceData.wipeKeeps': 'Downloaded courses and the settings (language, text size) stay.',
    'deviceData.wipeLocalOnly':
      'You have no account, so the data exists nowhere else. Download it first if you want to keep it.',
    'deviceData.wipeAccount':
      'You are signed out on this device. Your account and what is stored in it are not deleted: sign in again to get your progress back. To delete the account, use “Delete account”.',
    'deviceData.wipeUnsynced': {
      one: '{count} change is not synced yet and will be lost.',
      other: '{count} changes are not synced yet and will be lost.',
    },
    'deviceData.wipeConfirm': 'Delete the data',
    'deviceData.wiping': 'Deleting …',
    'deviceData.cancel': 'Cancel',
    'deviceData.wiped': 'Your data is deleted from this device.',
    'deviceData.wipeFailed': 'Could not delete the data. Please try again.',
    'export.title': 'My data in Lommekurs',
    'export.intro': 'Taken from this device on {date}.',
    'export.none': 'No progress is stored on this device.',
    'export.completedOn': 'Completed {date}',
    'export.started': 'Started',
    'export.notStarted': 'Not started',
    'export.resetOn': 'Progress was reset on {date}.',
    'export.quiz': 'Quiz: {correct} of {total} right at the first try ({answers} answers in all).',
    'export.checklist': 'Checklist: {done} of {total} items done.',
    'export.checked': 'done',
    'export.notChecked': 'not done',
    'export.reflection': 'Your reflection:',
    'export.reflectionShared':
      'You share this reflection with the advisor at your business garden.',
    'export.time': 'Time spent: {minutes} min.',
    'export.unknownCourse': 'Course not on this device ({id})',
  },
});
