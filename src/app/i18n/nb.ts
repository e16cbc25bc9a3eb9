// Norsk bokmål: the source language of the app's dictionary, which ships in the first chunk: the
// strings of the shell and the first screens (home, catalogue, header, sync status, notices).
// A lazily loaded screen keeps its words in its own feature texts (i18n/feature-texts.ts, e.g.
// components/account-texts.ts), in its own chunk. nn and en must have the same keys (a type error
// otherwise) and the same {placeholders} (a test).
// A value is either a sentence or, when it depends on a number, one form per plural category
// (Intl.PluralRules) selected by the `count` parameter.
export const nb = {
  'app.name': 'Lommekurs',
  'app.skipLink': 'Hopp til innholdet',
  'app.loading': 'Laster …',
  'app.errorTitle': 'Noe gikk galt',
  'app.errorText': 'Noe uventet skjedde. Fremgangen din er lagret. Last inn siden på nytt.',
  'app.reload': 'Last inn på nytt',
  'app.offline': 'Frakoblet',
  'app.chunkErrorTitle': 'Kunne ikke åpne siden',
  'app.chunkErrorText':
    'En del av appen mangler på enheten. Koble til nettet og last inn siden på nytt.',
  // storage persistence on request, and Safari without the Home Screen
  'persist.why':
    'Med varig lagring blir nedlastede kurs og fremgangen din liggende, også når telefonen får lite plass.',
  // course reset, and data for everyone (export and wipe on this device)
  // home on any device, start/continue, catalogue search, course complete
  'courses.start': 'Start',
  'courses.continue': 'Fortsett',
  'courses.review': 'Se oppsummeringen',
  'courses.notOnDevice': 'Ikke lastet ned på denne enheten ennå.',
  'home.notStartedHeading': 'Lastet ned, ikke begynt',
  'home.unlisted': {
    one: 'Du har fremdrift i {count} kurs til. Det vises når enheten er på nett.',
    other: 'Du har fremdrift i {count} kurs til. De vises når enheten er på nett.',
  },
  'catalogue.searchLabel': 'Søk etter kurs',
  'catalogue.searchHint': 'Søker i tittel og beskrivelse.',
  'catalogue.searchCount': { one: '{count} kurs passer.', other: '{count} kurs passer.' },
  'catalogue.searchNone': 'Ingen kurs passer til «{query}». Prøv et annet ord.',
  'catalogue.searchClear': 'Vis alle kurs',
  'catalogue.languageNote': 'Kursene er på norsk.',
  // text size
  'settings.textSize': 'Tekststørrelse',
  'settings.textSizeHint': 'Gjør all tekst i appen større. Lagres på denne enheten.',
  'settings.textSize.normal': 'Normal',
  'settings.textSize.large': 'Stor',
  'settings.textSize.largest': 'Størst',
  'settings.textSizeSaved': 'Tekststørrelsen er endret.',
  // done when done: checklists and reflections
  'reflection.submit': 'Lagre',
  'reflection.draftSaved': 'Utkastet er lagret',
  'reflection.tooShort': {
    one: 'Skriv minst {min} tegn, en hel setning, og trykk «Lagre» igjen. Nå står det {count} tegn.',
    other:
      'Skriv minst {min} tegn, en hel setning, og trykk «Lagre» igjen. Nå står det {count} tegn.',
  },
  'reflection.whereDevice': 'Teksten lagres bare på denne enheten. Ingen andre kan lese den.',
  'reflection.whereAccount':
    'Teksten lagres på denne enheten og på Lommekurs-serveren, slik at de andre enhetene dine får den. Ingen andre kan lese den i Lommekurs, heller ikke rådgiveren din.',
  // "Del med rådgiveren" (issue 14): the where-sentences above, when the learner shares the text
  'reflection.whereDeviceShared':
    'Teksten lagres bare på denne enheten. Rådgiveren din kan lese den når du har en konto og enheten har synkronisert.',
  'reflection.whereAccountShared':
    'Teksten lagres på denne enheten og på Lommekurs-serveren, slik at de andre enhetene dine får den. Du deler den med rådgiveren i næringshagen din; ingen andre kan lese den i Lommekurs.',
  'reflection.share': 'Del med rådgiveren',
  'reflection.shareHint':
    'Rådgiveren i næringshagen din kan lese denne refleksjonen. Du kan slå det av igjen.',
  // quiz: answers that test
  // account deleted on another device
  'nav.label': 'Hovedmeny',
  'nav.home': 'Hjem',
  'nav.catalogue': 'Kurs',
  'nav.settings': 'Innstillinger',

  'home.title': 'Dine kurs',
  'home.intro': 'Korte leksjoner på 3–6 minutter, også når du er uten nett.',
  'home.continueHeading': 'Fortsett der du slapp',
  'home.continue': 'Fortsett',
  'home.nextLesson': 'Neste leksjon: {title}',
  'home.inProgressHeading': 'Kurs du har begynt på',
  'home.emptyTitle': 'Du har ikke begynt på noe kurs ennå',
  'home.emptyText': 'Velg et kurs og start med første leksjon. Det tar bare noen minutter.',
  'home.browse': 'Se alle kurs',

  'changes.updatedOn': 'Oppdatert {date}',
  'changes.lessonText': 'Leksjonen er endret siden du tok den. Fremgangen din er tatt vare på.',
  'changes.count': {
    one: '{count} leksjon du har tatt, er oppdatert',
    other: '{count} leksjoner du har tatt, er oppdatert',
  },
  'changes.listIntro': 'Åpne leksjonen for å se hva som er nytt.',

  'catalogue.title': 'Alle kurs',
  'catalogue.intro': 'Velg et kurs for å se leksjonene.',
  'catalogue.loading': 'Henter kurslista …',
  'catalogue.empty': 'Det finnes ingen kurs ennå.',
  'catalogue.retry': 'Prøv igjen',
  'catalogue.storedHeading': 'Kurs lagret på enheten',
  'catalogue.storedNone': 'Ingen kurs er lagret på enheten ennå.',
  'catalogue.size': 'Størrelse: {size}',
  'catalogue.offline':
    'Du er frakoblet. Kurs som ikke er lastet ned, kan ikke åpnes før du er på nett igjen.',

  'course.progressOf': 'Fremdrift i {title}',
  'course.finished': 'Fullført!',
  'course.alsoIn': 'Også på {language}',
  'lessonState.notStarted': 'Ikke startet',
  'lessonState.started': 'Påbegynt',
  'lessonState.completed': 'Fullført',

  'kind.reading': 'Lesing',
  'kind.quiz': 'Quiz',
  'kind.checklist': 'Sjekkliste',
  'kind.reflection': 'Refleksjon',

  'lesson.chunkErrorTitle': 'Kunne ikke åpne leksjonen',
  'lesson.chunkErrorText':
    'En del av appen mangler på enheten. Koble til nettet og last inn siden på nytt.',
  'lesson.saveError': 'Kunne ikke lagre på enheten. Prøv igjen.',
  'reflection.label': 'Dine tanker',
  'reflection.hint':
    'Skriv minst en setning, og trykk «Lagre» når du er ferdig. Mens du skriver, lagres teksten som et utkast.',
  'reflection.saved': 'Lagret',
  'reflection.saving': 'Lagrer …',
  'reflection.tip': 'Tips',
  'reflection.done': 'Refleksjonen er lagret, og leksjonen er fullført.',

  'settings.title': 'Innstillinger',
  'settings.language': 'Språk',
  'settings.languageHint': 'Gjelder menyer og knapper. Kursene har sitt eget språk.',
  'settings.languageSaved': 'Språket er endret.',
  'settings.downloads': 'Nedlasting',
  'settings.autoDownload': 'Last ned kurs automatisk når jeg starter dem',
  'settings.autoDownloadHint': 'Da kan du fortsette i kurset uten nett, for eksempel på ferja.',
  'settings.wifiOnly': 'Bare på Wi-Fi',
  'settings.wifiUnknown':
    'Denne enheten sier ikke fra om den er koblet til Wi-Fi, så «Bare på Wi-Fi» kan ikke brukes her.',
  'settings.downloadsSaved': 'Innstillingen er lagret.',
  'settings.version': 'Lommekurs versjon {version}',

  'notFound.title': 'Fant ikke siden',
  'notFound.text': 'Adressen finnes ikke i Lommekurs.',
  'notFound.home': 'Gå til forsiden',

  'language.nb': 'bokmål',
  'language.nn': 'nynorsk',
  'language.en': 'engelsk',
  'language.se': 'nordsamisk',
  'language.label': 'Språk: {language}',

  'unit.minutes': '{count} min',
  'unit.readingMinutes': '{count} min å lese',
  'unit.taskMinutes': 'oppgaven tar {count} min',
  'unit.taskMinutesRange': 'oppgaven tar {from}–{to} min',
  'unit.lessons': { one: '{count} leksjon', other: '{count} leksjoner' },
  'unit.percentDone': '{percent} fullført',
  'unit.bytesOf': '{done} av {total}',

  'error.network':
    'Fikk ikke kontakt med Lommekurs. Du ser ut til å være uten nett. Prøv igjen når du har dekning.',
  'error.timeout': 'Det tok for lang tid å hente data. Nettet er kanskje tregt. Prøv igjen.',
  'error.http': 'Tjeneren svarte med en feil (kode {status}). Prøv igjen senere.',
  'error.notFound': 'Fant ikke det du ba om på tjeneren.',
  'error.payload': 'Svaret fra tjeneren var ikke slik appen ventet. Prøv igjen senere.',
  'error.catalogueOffline':
    'Kurslista kan ikke hentes nå. Her er kursene som er lagret på enheten.',

  'update.ready': 'Ny versjon er klar',
  'update.apply': 'Oppdater',
  'update.applying': 'Oppdaterer …',
  'update.dismiss': 'Ikke nå',

  'install.heading': 'Installer appen',
  'install.button': 'Installer Lommekurs',
  'install.hint': 'Da ligger Lommekurs på hjemskjermen og åpner raskt, også uten nett.',
  'install.ios':
    'Slik installerer du på iPhone eller iPad: Trykk på Del-knappen, og velg «Legg til på Hjem-skjerm».',

  'download.available': 'Tilgjengelig uten nett',
  'download.unavailable': 'Ikke tilgjengelig uten nett',
  'download.persistGranted': 'Nettleseren har lovet å ta vare på nedlastingene dine.',
  'download.persistDenied': 'Nettleseren kan slette nedlastingene hvis enheten får lite plass.',
  'storage.link': 'Lagring og nedlastinger',
  'storage.askPersist': 'Be om varig lagring',
  'storage.persistGranted': 'Nettleseren sa ja: nedlastingene er nå varig lagret.',
  'storage.persistDenied':
    'Nettleseren sa nei. Installer appen og bruk den jevnlig, så kan svaret bli et annet senere.',
  'sync.label': 'Synkronisering',
  'sync.local': 'Lagret på denne enheten',
  'sync.signIn': 'Logg inn for å synkronisere',
  'sync.pending': { one: '{count} endring venter', other: '{count} endringer venter' },
  'sync.allSynced': 'Alt er synkronisert',
  'sync.lastSynced': 'Sist synkronisert kl.\u00a0{time}',
  'sync.lastSyncedOn': 'Sist synkronisert {date} kl.\u00a0{time}',
  'sync.now': 'Synkroniser nå',
  'sync.running': 'Synkroniserer …',
  'sync.offline': 'Frakoblet — synkroniseres når nettet er tilbake',
  'sync.server':
    'Tjeneren svarer ikke akkurat nå — prøver igjen kl.\u00a0{time}. Endringene dine er lagret på enheten og sendes når den svarer.',
  'sync.serverSoon':
    'Tjeneren svarer ikke akkurat nå — prøver igjen snart. Endringene dine er lagret på enheten og sendes når den svarer.',
  'sync.signedOut': 'Logg inn igjen for å synkronisere',
  'sync.kept': 'Endringene dine er tatt vare på.',
  'sync.updateRequired': 'Oppdater appen for å synkronisere.',
  'sync.update': 'Oppdater appen',
  'sync.updateChecking': 'Ser etter ny versjon …',
  'sync.rejected': {
    one: '{count} endring ble avvist av tjeneren og kan ikke synkroniseres.',
    other: '{count} endringer ble avvist av tjeneren og kan ikke synkroniseres.',
  },
  'sync.dismiss': 'OK',

  'account.loading': 'Henter kontoen …',
  'account.cancel': 'Avbryt',
  'account.settingsLink': 'Opprett konto eller logg inn',
  // Issue 12, helper C: passwords, strength meter, signed-in devices.
} as const;
