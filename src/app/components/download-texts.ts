// The words of downloads for offline use and of the storage screen, in their own chunk.
import { defineTexts } from '../i18n/feature-texts';

/** Downloads' and storage's texts. */
export const downloadTexts = defineTexts({
  nb: {
    'download.heading': 'Bruk uten nett',
    'download.start': 'Last ned ({size})',
    'download.startNoSize': 'Last ned',
    'download.hint': 'Last ned kurset før du skal være uten nett, for eksempel på ferja.',
    'download.resumeHint':
      'Nedlastingen ble avbrutt. Det som alt er lastet ned, blir ikke hentet på nytt.',
    'download.progressLabel': 'Nedlasting av {title}',
    'download.cancel': 'Avbryt nedlastingen',
    'download.announceStart': 'Laster ned {title} …',
    'download.announceHalf': 'Halvveis: {progress}.',
    'download.announceDone': '{title} er lastet ned og kan brukes uten nett.',
    'download.announceUpdated': '{title} er oppdatert.',
    'download.announceDeleted': 'Nedlastingen av {title} er slettet.',
    'download.retry': 'Prøv igjen',
    'download.delete': 'Slett nedlastingen',
    'download.confirmTitle': 'Slette nedlastingen?',
    'download.confirmText': 'Fremdriften din blir ikke slettet.',
    'download.confirmDetail': '{title} kan ikke brukes uten nett før du laster det ned igjen.',
    'download.confirmYes': 'Slett',
    'download.confirmNo': 'Avbryt',
    'download.updateAvailable': 'Oppdatering tilgjengelig',
    'download.updateHint':
      'Versjon {version} er klar. Du kan fortsette i den gamle versjonen til den nye er lastet ned, og fremdriften din blir med.',
    'download.update': 'Oppdater kurset ({size})',
    'download.updateLabel': 'Oppdatering av {title}',
    'download.all': 'Last ned alt ({size})',
    'download.allHint': 'Last ned alle kursene før du reiser, så kan du ta dem uten nett.',
    'download.allLabel': 'Nedlasting av alle kurs',
    'download.allProgress': 'Kurs {index} av {count}: {progress}',
    'download.allCancel': 'Avbryt nedlastingene',
    'download.allDone': 'Alle kursene er lastet ned og kan brukes uten nett.',
    'download.error.network':
      'Nedlastingen stoppet fordi forbindelsen ble brutt. Det som er lastet ned, er tatt vare på. Prøv igjen når du har nett.',
    'download.error.timeout':
      'Nedlastingen stoppet fordi det ikke kom data på 30 sekunder. Nettet er kanskje for tregt. Det som er lastet ned, er tatt vare på. Prøv igjen.',
    'download.error.http':
      'Tjeneren svarte med en feil (kode {status}), så nedlastingen stoppet. Prøv igjen senere.',
    'download.error.notFound': 'Kurset finnes ikke lenger på tjeneren, så det kan ikke lastes ned.',
    'download.error.payload':
      'En fil i kurset kom ikke fram slik den skulle, så nedlastingen stoppet. Prøv igjen.',
    'download.error.quota':
      'Det er ikke nok lagringsplass på enheten. Kurset trenger {needed}, men bare {available} er ledig. Slett andre nedlastinger eller frigjør plass på enheten, og prøv igjen.',
    'download.error.quotaUnknown':
      'Det er ikke nok lagringsplass på enheten. Kurset trenger {needed}. Slett andre nedlastinger eller frigjør plass på enheten, og prøv igjen.',
    'download.error.unsupported': 'Denne nettleseren kan ikke lagre kurs for bruk uten nett.',
    'download.error.other':
      'Nedlastingen stoppet på grunn av en feil. Det som er lastet ned, er tatt vare på. Prøv igjen.',

    'storage.title': 'Lagring',
    'storage.intro':
      'Her ser du hvor mye plass Lommekurs bruker på enheten, og hvilke kurs som er lastet ned.',
    'storage.spaceHeading': 'Plass på enheten',
    'storage.used': 'Brukt av Lommekurs',
    'storage.free': 'Ledig for Lommekurs',
    'storage.checking': 'Sjekker …',
    'storage.noEstimate': 'Denne nettleseren forteller ikke hvor mye plass som er brukt.',
    'storage.persistent': 'Varig lagring',
    'storage.persistentYes': 'Ja. Nettleseren sletter ikke nedlastingene uten at du ber om det.',
    'storage.persistentNo':
      'Nei. Nettleseren kan slette nedlastingene hvis enheten får lite plass.',
    'storage.persistentUnknown': 'Denne nettleseren sier ikke om lagringen er varig.',
    'storage.coursesHeading': 'Kurs på enheten',
    'storage.none': 'Ingen kurs er lagret på enheten ennå.',
    'storage.partial': 'Delvis lastet ned',
    'storage.outlineOnly': 'Bare kursoversikten er lagret',
    'storage.size': 'Bruker {size}',
  } as const,
  nn: {
    'download.heading': 'Bruk utan nett',
    'download.start': 'Last ned ({size})',
    'download.startNoSize': 'Last ned',
    'download.hint': 'Last ned kurset før du skal vere utan nett, til dømes på ferja.',
    'download.resumeHint':
      'Nedlastinga vart avbroten. Det som alt er lasta ned, blir ikkje henta på nytt.',
    'download.progressLabel': 'Nedlasting av {title}',
    'download.cancel': 'Avbryt nedlastinga',
    'download.announceStart': 'Lastar ned {title} …',
    'download.announceHalf': 'Halvvegs: {progress}.',
    'download.announceDone': '{title} er lasta ned og kan brukast utan nett.',
    'download.announceUpdated': '{title} er oppdatert.',
    'download.announceDeleted': 'Nedlastinga av {title} er sletta.',
    'download.retry': 'Prøv igjen',
    'download.delete': 'Slett nedlastinga',
    'download.confirmTitle': 'Slette nedlastinga?',
    'download.confirmText': 'Framdrifta di blir ikkje sletta.',
    'download.confirmDetail': '{title} kan ikkje brukast utan nett før du lastar det ned att.',
    'download.confirmYes': 'Slett',
    'download.confirmNo': 'Avbryt',
    'download.updateAvailable': 'Oppdatering tilgjengeleg',
    'download.updateHint':
      'Versjon {version} er klar. Du kan halde fram i den gamle versjonen til den nye er lasta ned, og framdrifta di blir med.',
    'download.update': 'Oppdater kurset ({size})',
    'download.updateLabel': 'Oppdatering av {title}',
    'download.all': 'Last ned alt ({size})',
    'download.allHint': 'Last ned alle kursa før du reiser, så kan du ta dei utan nett.',
    'download.allLabel': 'Nedlasting av alle kursa',
    'download.allProgress': 'Kurs {index} av {count}: {progress}',
    'download.allCancel': 'Avbryt nedlastingane',
    'download.allDone': 'Alle kursa er lasta ned og kan brukast utan nett.',
    'download.error.network':
      'Nedlastinga stoppa fordi sambandet vart brote. Det som er lasta ned, er teke vare på. Prøv igjen når du har nett.',
    'download.error.timeout':
      'Nedlastinga stoppa fordi det ikkje kom data på 30 sekund. Nettet er kanskje for tregt. Det som er lasta ned, er teke vare på. Prøv igjen.',
    'download.error.http':
      'Tenaren svarte med ein feil (kode {status}), så nedlastinga stoppa. Prøv igjen seinare.',
    'download.error.notFound':
      'Kurset finst ikkje lenger på tenaren, så det kan ikkje lastast ned.',
    'download.error.payload':
      'Ei fil i kurset kom ikkje fram slik ho skulle, så nedlastinga stoppa. Prøv igjen.',
    'download.error.quota':
      'Det er ikkje nok lagringsplass på eininga. Kurset treng {needed}, men berre {available} er ledig. Slett andre nedlastingar eller frigjer plass på eininga, og prøv igjen.',
    'download.error.quotaUnknown':
      'Det er ikkje nok lagringsplass på eininga. Kurset treng {needed}. Slett andre nedlastingar eller frigjer plass på eininga, og prøv igjen.',
    'download.error.unsupported': 'Denne nettlesaren kan ikkje lagre kurs for bruk utan nett.',
    'download.error.other':
      'Nedlastinga stoppa på grunn av ein feil. Det som er lasta ned, er teke vare på. Prøv igjen.',

    'storage.title': 'Lagring',
    'storage.intro':
      'Her ser du kor mykje plass Lommekurs brukar på eininga, og kva kurs som er lasta ned.',
    'storage.spaceHeading': 'Plass på eininga',
    'storage.used': 'Brukt av Lommekurs',
    'storage.free': 'Ledig for Lommekurs',
    'storage.checking': 'Sjekkar …',
    'storage.noEstimate': 'Denne nettlesaren fortel ikkje kor mykje plass som er brukt.',
    'storage.persistent': 'Varig lagring',
    'storage.persistentYes': 'Ja. Nettlesaren slettar ikkje nedlastingane utan at du ber om det.',
    'storage.persistentNo': 'Nei. Nettlesaren kan slette nedlastingane om eininga får lite plass.',
    'storage.persistentUnknown': 'Denne nettlesaren seier ikkje om lagringa er varig.',
    'storage.coursesHeading': 'Kurs på eininga',
    'storage.none': 'Ingen kurs er lagra på eininga enno.',
    'storage.partial': 'Delvis lasta ned',
    'storage.outlineOnly': 'Berre kursoversikta er lagra',
    'storage.size': 'Brukar {size}',
  },
  en: {
    'download.heading': 'Use offline',
    'download.start': 'Download ({size})',
    'download.startNoSize': 'Download',
    'download.hint': 'Download the course before you go offline, for example on the ferry.',
    'download.resumeHint':
      'The download was interrupted. What is already downloaded will not be fetched again.',
    'download.progressLabel': 'Download of {title}',
    'download.cancel': 'Cancel the download',
    'download.announceStart': 'Downloading {title}…',
    'download.announceHalf': 'Halfway: {progress}.',
    'download.announceDone': '{title} is downloaded and works offline.',
    'download.announceUpdated': '{title} is updated.',
    'download.announceDeleted': 'The download of {title} is deleted.',
    'download.retry': 'Try again',
    'download.delete': 'Delete the download',
    'download.confirmTitle': 'Delete the download?',
    'download.confirmText': 'Your progress will not be deleted.',
    'download.confirmDetail': '{title} will not work offline until you download it again.',
    'download.confirmYes': 'Delete',
    'download.confirmNo': 'Cancel',
    'download.updateAvailable': 'Update available',
    'download.updateHint':
      'Version {version} is ready. You can keep using the old version until the new one is downloaded, and your progress comes along.',
    'download.update': 'Update the course ({size})',
    'download.updateLabel': 'Update of {title}',
    'download.all': 'Download everything ({size})',
    'download.allHint': 'Download every course before you travel, and take them offline.',
    'download.allLabel': 'Download of all courses',
    'download.allProgress': 'Course {index} of {count}: {progress}',
    'download.allCancel': 'Cancel the downloads',
    'download.allDone': 'Every course is downloaded and works offline.',
    'download.error.network':
      'The download stopped because the connection was lost. What was downloaded is kept. Try again when you are online.',
    'download.error.timeout':
      'The download stopped because no data arrived for 30 seconds. The network may be too slow. What was downloaded is kept. Please try again.',
    'download.error.http':
      'The server responded with an error (code {status}), so the download stopped. Please try again later.',
    'download.error.notFound': 'The course is no longer on the server, so it cannot be downloaded.',
    'download.error.payload':
      'A file in the course did not arrive intact, so the download stopped. Please try again.',
    'download.error.quota':
      'There is not enough storage space on this device. The course needs {needed}, but only {available} is free. Delete other downloads or free up space on the device, then try again.',
    'download.error.quotaUnknown':
      'There is not enough storage space on this device. The course needs {needed}. Delete other downloads or free up space on the device, then try again.',
    'download.error.unsupported': 'This browser cannot store courses for offline use.',
    'download.error.other':
      'The download stopped because of an error. What was downloaded is kept. Please try again.',

    'storage.title': 'Storage',
    'storage.intro':
      'Here you see how much space Lommekurs uses on this device, and which courses are downloaded.',
    'storage.spaceHeading': 'Space on this device',
    'storage.used': 'Used by Lommekurs',
    'storage.free': 'Free for Lommekurs',
    'storage.checking': 'Checking…',
    'storage.noEstimate': 'This browser does not tell how much space is used.',
    'storage.persistent': 'Persistent storage',
    'storage.persistentYes':
      'Yes. The browser will not delete your downloads unless you ask it to.',
    'storage.persistentNo':
      'No. The browser may delete your downloads if the device runs low on space.',
    'storage.persistentUnknown': 'This browser does not say whether storage is persistent.',
    'storage.coursesHeading': 'Courses on this device',
    'storage.none': 'No courses are stored on this device yet.',
    'storage.partial': 'Partly downloaded',
    'storage.outlineOnly': 'Only the course outline is stored',
    'storage.size': 'Uses {size}',
  },
});
