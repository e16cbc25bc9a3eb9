// English (British spelling). Same keys and {placeholders} as nb.ts (the source language).
import type { Messages } from './types';

export const en: Messages = {
  'app.name': 'Lommekurs',
  'app.skipLink': 'Skip to content',
  'app.loading': 'Loading…',
  'app.errorTitle': 'Something went wrong',
  'app.errorText': 'Something unexpected happened. Your progress is saved. Please reload the page.',
  'app.reload': 'Reload',
  'app.offline': 'Offline',
  'app.chunkErrorTitle': 'The page could not be opened',
  'app.chunkErrorText': 'Part of the app is missing on this device. Go online and reload the page.',
  // storage persistence on request, and Safari without the Home Screen
  'persist.why':
    'With lasting storage, downloaded courses and your progress stay even when the phone runs short of space.',
  // course reset, and data for everyone (export and wipe on this device)
  // home on any device, start/continue, catalogue search, course complete
  'courses.start': 'Start',
  'courses.continue': 'Continue',
  'courses.review': 'See the summary',
  'courses.notOnDevice': 'Not downloaded on this device yet.',
  'home.notStartedHeading': 'Downloaded, not started',
  'home.unlisted': {
    one: 'You have progress in {count} more course. It shows when the device is online.',
    other: 'You have progress in {count} more courses. They show when the device is online.',
  },
  'catalogue.searchLabel': 'Search courses',
  'catalogue.searchHint': 'Searches titles and descriptions.',
  'catalogue.searchCount': { one: '{count} course matches.', other: '{count} courses match.' },
  'catalogue.searchNone': 'No course matches “{query}”. Try another word.',
  'catalogue.searchClear': 'Show all courses',
  'catalogue.languageNote':
    'The courses are in Norwegian (Bokmål or Nynorsk). The app itself is in English.',
  // text size
  'settings.textSize': 'Text size',
  'settings.textSizeHint': 'Makes all text in the app larger. Saved on this device.',
  'settings.textSize.normal': 'Normal',
  'settings.textSize.large': 'Large',
  'settings.textSize.largest': 'Largest',
  'settings.textSizeSaved': 'The text size has been changed.',
  // done when done: checklists and reflections
  'reflection.submit': 'Save',
  'reflection.draftSaved': 'Draft saved',
  'reflection.tooShort': {
    one: 'Write at least {min} characters, a whole sentence, and press “Save” again. There is {count} character now.',
    other:
      'Write at least {min} characters, a whole sentence, and press “Save” again. There are {count} characters now.',
  },
  'reflection.whereDevice': 'Your text is stored only on this device. Nobody else can read it.',
  'reflection.whereAccount':
    'Your text is stored on this device and on the Lommekurs server, so your other devices get it. Nobody else can read it in Lommekurs, not even your advisor.',
  'reflection.whereDeviceShared':
    'Your text is stored only on this device. Your advisor can read it once you have an account and this device has synced.',
  'reflection.whereAccountShared':
    'Your text is stored on this device and on the Lommekurs server, so your other devices get it. You share it with the advisor at your business garden; nobody else can read it in Lommekurs.',
  'reflection.share': 'Share with my advisor',
  'reflection.shareHint':
    'The advisor at your business garden can read this reflection. You can turn it off again.',
  // quiz: answers that test
  // account deleted on another device
  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.catalogue': 'Courses',
  'nav.settings': 'Settings',

  'home.title': 'Your courses',
  'home.intro': 'Short 3–6 minute lessons, even when you are offline.',
  'home.continueHeading': 'Pick up where you left off',
  'home.continue': 'Continue',
  'home.nextLesson': 'Next lesson: {title}',
  'home.inProgressHeading': 'Courses you have started',
  'home.emptyTitle': 'You have not started a course yet',
  'home.emptyText': 'Choose a course and begin with the first lesson. It only takes a few minutes.',
  'home.browse': 'Browse all courses',

  'changes.updatedOn': 'Updated {date}',
  'changes.lessonText': 'This lesson has changed since you took it. Your progress is kept.',
  'changes.count': {
    one: '{count} lesson you have taken has been updated',
    other: '{count} lessons you have taken have been updated',
  },
  'changes.listIntro': 'Open the lesson to see what is new.',

  'catalogue.title': 'All courses',
  'catalogue.intro': 'Choose a course to see its lessons.',
  'catalogue.loading': 'Fetching the course list…',
  'catalogue.empty': 'There are no courses yet.',
  'catalogue.retry': 'Try again',
  'catalogue.storedHeading': 'Courses saved on this device',
  'catalogue.storedNone': 'No courses are saved on this device yet.',
  'catalogue.size': 'Size: {size}',
  'catalogue.offline':
    'You are offline. Courses that are not downloaded cannot be opened until you are back online.',

  'course.progressOf': 'Progress in {title}',
  'course.finished': 'Completed!',
  'course.alsoIn': 'Also in {language}',
  'lessonState.notStarted': 'Not started',
  'lessonState.started': 'In progress',
  'lessonState.completed': 'Completed',

  'kind.reading': 'Reading',
  'kind.quiz': 'Quiz',
  'kind.checklist': 'Checklist',
  'kind.reflection': 'Reflection',

  'lesson.chunkErrorTitle': 'The lesson could not be opened',
  'lesson.chunkErrorText':
    'Part of the app is missing on this device. Go online and reload the page.',
  'lesson.saveError': 'Could not save on this device. Please try again.',
  'reflection.label': 'Your thoughts',
  'reflection.hint':
    'Write at least a sentence, then press “Save”. While you type, your text is kept as a draft.',
  'reflection.saved': 'Saved',
  'reflection.saving': 'Saving…',
  'reflection.tip': 'Tip',
  'reflection.done': 'Your reflection is saved and the lesson is completed.',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.languageHint': 'Applies to menus and buttons. Each course has its own language.',
  'settings.languageSaved': 'The language has been changed.',
  'settings.downloads': 'Downloads',
  'settings.autoDownload': 'Download courses automatically when I start them',
  'settings.autoDownloadHint':
    'Then you can carry on with the course offline, for example on the ferry.',
  'settings.wifiOnly': 'Only on Wi-Fi',
  'settings.wifiUnknown':
    'This device does not tell whether it is on Wi-Fi, so “Only on Wi-Fi” cannot be used here.',
  'settings.downloadsSaved': 'The setting is saved.',
  'settings.version': 'Lommekurs version {version}',

  'notFound.title': 'Page not found',
  'notFound.text': 'This address does not exist in Lommekurs.',
  'notFound.home': 'Go to the home page',

  'language.nb': 'Norwegian Bokmål',
  'language.nn': 'Norwegian Nynorsk',
  'language.en': 'English',
  'language.se': 'Northern Sami',
  'language.label': 'Language: {language}',

  'unit.minutes': '{count} min',
  'unit.readingMinutes': '{count} min to read',
  'unit.taskMinutes': 'the task takes {count} min',
  'unit.taskMinutesRange': 'the task takes {from}–{to} min',
  'unit.lessons': { one: '{count} lesson', other: '{count} lessons' },
  'unit.percentDone': '{percent} completed',
  'unit.bytesOf': '{done} of {total}',

  'error.network':
    'Could not reach Lommekurs. You seem to be offline. Try again when you have a connection.',
  'error.timeout': 'Fetching data took too long. The network may be slow. Please try again.',
  'error.http': 'The server responded with an error (code {status}). Please try again later.',
  'error.notFound': 'The server could not find what was asked for.',
  'error.payload': 'The server’s answer was not what the app expected. Please try again later.',
  'error.catalogueOffline':
    'The course list cannot be fetched right now. Here are the courses saved on this device.',

  'update.ready': 'A new version is ready',
  'update.apply': 'Update',
  'update.applying': 'Updating…',
  'update.dismiss': 'Not now',

  'install.heading': 'Install the app',
  'install.button': 'Install Lommekurs',
  'install.hint': 'Lommekurs then sits on your home screen and opens quickly, even offline.',
  'install.ios':
    'To install on iPhone or iPad: tap the Share button, then choose “Add to Home Screen”.',

  'download.available': 'Available offline',
  'download.unavailable': 'Not available offline',
  'download.persistGranted': 'The browser has promised to keep your downloads.',
  'download.persistDenied':
    'The browser may delete your downloads if the device runs low on space.',
  'storage.link': 'Storage and downloads',
  'storage.askPersist': 'Ask for persistent storage',
  'storage.persistGranted': 'The browser said yes: your downloads are now stored persistently.',
  'storage.persistDenied':
    'The browser said no. Install the app and use it regularly, and the answer may change later.',
  'sync.label': 'Sync',
  'sync.local': 'Saved on this device',
  'sync.signIn': 'Sign in to sync',
  'sync.pending': { one: '{count} change waiting', other: '{count} changes waiting' },
  'sync.allSynced': 'Everything is synced',
  'sync.lastSynced': 'Last synced at\u00a0{time}',
  'sync.lastSyncedOn': 'Last synced {date} at\u00a0{time}',
  'sync.now': 'Sync now',
  'sync.running': 'Syncing…',
  'sync.offline': 'Offline — changes sync when the network is back',
  'sync.server':
    'The server is not responding right now — trying again at\u00a0{time}. Your changes are saved on this device and will be sent when it responds.',
  'sync.serverSoon':
    'The server is not responding right now — trying again soon. Your changes are saved on this device and will be sent when it responds.',
  'sync.signedOut': 'Sign in again to sync',
  'sync.kept': 'Your changes are kept.',
  'sync.updateRequired': 'Update the app to sync.',
  'sync.update': 'Update the app',
  'sync.updateChecking': 'Looking for a new version…',
  'sync.rejected': {
    one: '{count} change was rejected by the server and cannot be synced.',
    other: '{count} changes were rejected by the server and cannot be synced.',
  },
  'sync.dismiss': 'OK',

  'account.loading': 'Loading the account…',
  'account.cancel': 'Cancel',
  'account.settingsLink': 'Create an account or sign in',
  // Issue 12, helper C: passwords, strength meter, signed-in devices.
};
