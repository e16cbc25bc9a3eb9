// Norsk nynorsk. Same keys and {placeholders} as nb.ts (the source language).
import type { Messages } from './types';

export const nn: Messages = {
  'app.name': 'Lommekurs',
  'app.skipLink': 'Hopp til innhaldet',
  'app.loading': 'Lastar …',
  'app.errorTitle': 'Noko gjekk gale',
  'app.errorText': 'Noko uventa skjedde. Framgangen din er lagra. Last inn sida på nytt.',
  'app.reload': 'Last inn på nytt',
  'app.offline': 'Fråkopla',
  'app.chunkErrorTitle': 'Kunne ikkje opne sida',
  'app.chunkErrorText':
    'Ein del av appen manglar på eininga. Kople til nettet og last inn sida på nytt.',
  // storage persistence on request, and Safari without the Home Screen
  'persist.why':
    'Med varig lagring blir nedlasta kurs og framgangen din liggjande, også når telefonen får lite plass.',
  // course reset, and data for everyone (export and wipe on this device)
  // home on any device, start/continue, catalogue search, course complete
  'courses.start': 'Start',
  'courses.continue': 'Hald fram',
  'courses.review': 'Sjå samandraget',
  'courses.notOnDevice': 'Ikkje lasta ned på denne eininga enno.',
  'home.notStartedHeading': 'Lasta ned, ikkje byrja',
  'home.unlisted': {
    one: 'Du har framdrift i {count} kurs til. Det blir vist når eininga er på nett.',
    other: 'Du har framdrift i {count} kurs til. Dei blir viste når eininga er på nett.',
  },
  'catalogue.searchLabel': 'Søk etter kurs',
  'catalogue.searchHint': 'Søkjer i tittel og skildring.',
  'catalogue.searchCount': { one: '{count} kurs passar.', other: '{count} kurs passar.' },
  'catalogue.searchNone': 'Ingen kurs passar til «{query}». Prøv eit anna ord.',
  'catalogue.searchClear': 'Vis alle kurs',
  'catalogue.languageNote': 'Kursa er på norsk.',
  // text size
  'settings.textSize': 'Tekststorleik',
  'settings.textSizeHint': 'Gjer all tekst i appen større. Blir lagra på denne eininga.',
  'settings.textSize.normal': 'Normal',
  'settings.textSize.large': 'Stor',
  'settings.textSize.largest': 'Størst',
  'settings.textSizeSaved': 'Tekststorleiken er endra.',
  // done when done: checklists and reflections
  'reflection.submit': 'Lagre',
  'reflection.draftSaved': 'Utkastet er lagra',
  'reflection.tooShort': {
    one: 'Skriv minst {min} teikn, ei heil setning, og trykk «Lagre» igjen. No står det {count} teikn.',
    other:
      'Skriv minst {min} teikn, ei heil setning, og trykk «Lagre» igjen. No står det {count} teikn.',
  },
  'reflection.whereDevice': 'Teksten blir berre lagra på denne eininga. Ingen andre kan lese han.',
  'reflection.whereAccount':
    'Teksten blir lagra på denne eininga og på Lommekurs-tenaren, slik at dei andre einingane dine får han. Ingen andre kan lese han i Lommekurs, heller ikkje rådgjevaren din.',
  'reflection.whereDeviceShared':
    'Teksten blir berre lagra på denne eininga. Rådgjevaren din kan lese han når du har ein konto og eininga har synkronisert.',
  'reflection.whereAccountShared':
    'Teksten blir lagra på denne eininga og på Lommekurs-tenaren, slik at dei andre einingane dine får han. Du deler han med rådgjevaren i næringshagen din; ingen andre kan lese han i Lommekurs.',
  'reflection.share': 'Del med rådgjevaren',
  'reflection.shareHint':
    'Rådgjevaren i næringshagen din kan lese denne refleksjonen. Du kan slå det av att.',
  // quiz: answers that test
  // account deleted on another device
  'nav.label': 'Hovudmeny',
  'nav.home': 'Heim',
  'nav.catalogue': 'Kurs',
  'nav.settings': 'Innstillingar',

  'home.title': 'Kursa dine',
  'home.intro': 'Korte leksjonar på 3–6 minutt, også når du er utan nett.',
  'home.continueHeading': 'Hald fram der du slapp',
  'home.continue': 'Hald fram',
  'home.nextLesson': 'Neste leksjon: {title}',
  'home.inProgressHeading': 'Kurs du har byrja på',
  'home.emptyTitle': 'Du har ikkje byrja på noko kurs enno',
  'home.emptyText': 'Vel eit kurs og start med den første leksjonen. Det tek berre nokre minutt.',
  'home.browse': 'Sjå alle kursa',

  'changes.updatedOn': 'Oppdatert {date}',
  'changes.lessonText': 'Leksjonen er endra sidan du tok han. Framgangen din er teken vare på.',
  'changes.count': {
    one: '{count} leksjon du har teke, er oppdatert',
    other: '{count} leksjonar du har teke, er oppdaterte',
  },
  'changes.listIntro': 'Opne leksjonen for å sjå kva som er nytt.',

  'catalogue.title': 'Alle kurs',
  'catalogue.intro': 'Vel eit kurs for å sjå leksjonane.',
  'catalogue.loading': 'Hentar kurslista …',
  'catalogue.empty': 'Det finst ingen kurs enno.',
  'catalogue.retry': 'Prøv igjen',
  'catalogue.storedHeading': 'Kurs lagra på eininga',
  'catalogue.storedNone': 'Ingen kurs er lagra på eininga enno.',
  'catalogue.size': 'Storleik: {size}',
  'catalogue.offline':
    'Du er fråkopla. Kurs som ikkje er lasta ned, kan ikkje opnast før du er på nett att.',

  'course.progressOf': 'Framdrift i {title}',
  'course.finished': 'Fullført!',
  'course.alsoIn': 'Også på {language}',
  'lessonState.notStarted': 'Ikkje starta',
  'lessonState.started': 'Påbyrja',
  'lessonState.completed': 'Fullført',

  'kind.reading': 'Lesing',
  'kind.quiz': 'Quiz',
  'kind.checklist': 'Sjekkliste',
  'kind.reflection': 'Refleksjon',

  'lesson.chunkErrorTitle': 'Kunne ikkje opne leksjonen',
  'lesson.chunkErrorText':
    'Ein del av appen manglar på eininga. Kople til nettet og last inn sida på nytt.',
  'lesson.saveError': 'Kunne ikkje lagre på eininga. Prøv igjen.',
  'reflection.label': 'Tankane dine',
  'reflection.hint':
    'Skriv minst ei setning, og trykk «Lagre» når du er ferdig. Medan du skriv, blir teksten lagra som eit utkast.',
  'reflection.saved': 'Lagra',
  'reflection.saving': 'Lagrar …',
  'reflection.tip': 'Tips',
  'reflection.done': 'Refleksjonen er lagra, og leksjonen er fullført.',

  'settings.title': 'Innstillingar',
  'settings.language': 'Språk',
  'settings.languageHint': 'Gjeld menyar og knappar. Kursa har sitt eige språk.',
  'settings.languageSaved': 'Språket er endra.',
  'settings.downloads': 'Nedlasting',
  'settings.autoDownload': 'Last ned kurs automatisk når eg startar dei',
  'settings.autoDownloadHint': 'Då kan du halde fram i kurset utan nett, til dømes på ferja.',
  'settings.wifiOnly': 'Berre på Wi-Fi',
  'settings.wifiUnknown':
    'Denne eininga seier ikkje frå om ho er kopla til Wi-Fi, så «Berre på Wi-Fi» kan ikkje brukast her.',
  'settings.downloadsSaved': 'Innstillinga er lagra.',
  'settings.version': 'Lommekurs versjon {version}',

  'notFound.title': 'Fann ikkje sida',
  'notFound.text': 'Adressa finst ikkje i Lommekurs.',
  'notFound.home': 'Gå til framsida',

  'language.nb': 'bokmål',
  'language.nn': 'nynorsk',
  'language.en': 'engelsk',
  'language.se': 'nordsamisk',
  'language.label': 'Språk: {language}',

  'unit.minutes': '{count} min',
  'unit.readingMinutes': '{count} min å lese',
  'unit.taskMinutes': 'oppgåva tek {count} min',
  'unit.taskMinutesRange': 'oppgåva tek {from}–{to} min',
  'unit.lessons': { one: '{count} leksjon', other: '{count} leksjonar' },
  'unit.percentDone': '{percent} fullført',
  'unit.bytesOf': '{done} av {total}',

  'error.network':
    'Fekk ikkje kontakt med Lommekurs. Du ser ut til å vere utan nett. Prøv igjen når du har dekning.',
  'error.timeout': 'Det tok for lang tid å hente data. Kanskje er nettet tregt. Prøv igjen.',
  'error.http': 'Tenaren svarte med ein feil (kode {status}). Prøv igjen seinare.',
  'error.notFound': 'Fann ikkje det du bad om på tenaren.',
  'error.payload': 'Svaret frå tenaren var ikkje slik appen venta. Prøv igjen seinare.',
  'error.catalogueOffline': 'Kurslista kan ikkje hentast no. Her er kursa som er lagra på eininga.',

  'update.ready': 'Ny versjon er klar',
  'update.apply': 'Oppdater',
  'update.applying': 'Oppdaterer …',
  'update.dismiss': 'Ikkje no',

  'install.heading': 'Installer appen',
  'install.button': 'Installer Lommekurs',
  'install.hint': 'Då ligg Lommekurs på heimeskjermen og opnar raskt, også utan nett.',
  'install.ios':
    'Slik installerer du på iPhone eller iPad: Trykk på Del-knappen, og vel «Legg til på Hjem-skjerm».',

  'download.available': 'Tilgjengeleg utan nett',
  'download.unavailable': 'Ikkje tilgjengeleg utan nett',
  'download.persistGranted': 'Nettlesaren har lova å ta vare på nedlastingane dine.',
  'download.persistDenied': 'Nettlesaren kan slette nedlastingane om eininga får lite plass.',
  'storage.link': 'Lagring og nedlastingar',
  'storage.askPersist': 'Be om varig lagring',
  'storage.persistGranted': 'Nettlesaren sa ja: nedlastingane er no varig lagra.',
  'storage.persistDenied':
    'Nettlesaren sa nei. Installer appen og bruk han jamleg, så kan svaret bli eit anna seinare.',
  'sync.label': 'Synkronisering',
  'sync.local': 'Lagra på denne eininga',
  'sync.signIn': 'Logg inn for å synkronisere',
  'sync.pending': { one: '{count} endring ventar', other: '{count} endringar ventar' },
  'sync.allSynced': 'Alt er synkronisert',
  'sync.lastSynced': 'Sist synkronisert kl.\u00a0{time}',
  'sync.lastSyncedOn': 'Sist synkronisert {date} kl.\u00a0{time}',
  'sync.now': 'Synkroniser no',
  'sync.running': 'Synkroniserer …',
  'sync.offline': 'Fråkopla — blir synkronisert når nettet er tilbake',
  'sync.server':
    'Tenaren svarar ikkje akkurat no — prøver igjen kl.\u00a0{time}. Endringane dine er lagra på eininga og blir sende når han svarar.',
  'sync.serverSoon':
    'Tenaren svarar ikkje akkurat no — prøver igjen snart. Endringane dine er lagra på eininga og blir sende når han svarar.',
  'sync.signedOut': 'Logg inn att for å synkronisere',
  'sync.kept': 'Endringane dine er tekne vare på.',
  'sync.updateRequired': 'Oppdater appen for å synkronisere.',
  'sync.update': 'Oppdater appen',
  'sync.updateChecking': 'Ser etter ny versjon …',
  'sync.rejected': {
    one: '{count} endring vart avvist av tenaren og kan ikkje synkroniserast.',
    other: '{count} endringar vart avviste av tenaren og kan ikkje synkroniserast.',
  },
  'sync.dismiss': 'OK',

  'account.loading': 'Hentar kontoen …',
  'account.cancel': 'Avbryt',
  'account.settingsLink': 'Opprett konto eller logg inn',
  // Issue 12, helper C: passwords, strength meter, signed-in devices.
};
