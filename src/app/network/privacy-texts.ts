// The privacy statement (/personvern), in its own chunk. docs/privacy.md says the same for
// developers and data protection officers; change both together. The consent text it repeats is
// in consent-texts.ts (versioned).
import { defineTexts } from '../i18n/feature-texts';

export const privacyTexts = defineTexts({
  nb: {
    'privacy.title': 'Personvern',
    'privacy.intro':
      'Her står hvilke opplysninger Lommekurs lagrer om deg, hvor de lagres, hvem som kan se dem, og hvordan du bestemmer over dem.',
    'privacy.controllerHeading': 'Hvem er ansvarlig',
    'privacy.controller':
      'Behandlingsansvarlig er den som driver denne Lommekurs-tjenesten: {controller}.',
    'privacy.controllerUnnamed':
      'Behandlingsansvarlig er den som driver denne Lommekurs-tjenesten. Denne tjenesten har ikke oppgitt navn og kontaktadresse: spør næringshagen din, eller den som ga deg lenken til Lommekurs.',
    'privacy.deviceHeading': 'Dette lagres på enheten din',
    'privacy.device.courses':
      'Kursene du laster ned, og innstillingene dine (språk, tekststørrelse, ukemål og studieplan).',
    'privacy.device.progress':
      'Framgangen din: hvilke leksjoner du har åpnet og fullført, quizsvar og repetisjonssvar, avkrysninger, refleksjoner og tiden du har brukt.',
    'privacy.device.noAccount':
      'Uten konto forlater ingenting av dette enheten – bortsett fra svarene dine på spørsmålene om leksjonene, hvis du sier ja til å sende dem anonymt (se under). Du sletter det under Innstillinger.',
    'privacy.serverHeading': 'Dette lagres på serveren når du har konto',
    'privacy.server.account':
      'E-postadressen din, passordet som en hash (aldri selve passordet), innloggede enheter og passnøkler.',
    'privacy.server.progress':
      'Framgangen din og refleksjonene dine, slik at de andre enhetene dine får dem. Bare du ser quizsvarene dine og refleksjoner du ikke deler.',
    'privacy.server.network':
      'Er du med i en næringshage: hagen, firmaet ditt, navnet du valgte å vise, og når du ga og eventuelt trakk samtykket, med hvilken versjon av teksten du så.',
    'privacy.server.feedback':
      'Etter en leksjon kan appen spørre om den var nyttig, og etter et kurs hva du vil lære mer om. Svarene og en eventuell kommentar lagres på enheten din og, når du har konto, på serveren sammen med framgangen din. Uten konto spør appen én gang om svarene kan sendes anonymt. Sier du ja, sendes bare svaret, kurset, leksjonen og tidspunktet, som serveren lagrer som måned – ingen konto, enhets-id eller IP-adresse – og kommentaren bare hvis du har krysset av for at kursforfatterne kan lese den. Sier du nei, forlater ingenting enheten. Rådgiverne i næringshagene ser ikke svarene dine. «Ikke spør meg om tilbakemeldinger» under Innstillinger stopper spørsmålene.',
    'privacy.rolesHeading': 'Hvem ser hva',
    'privacy.role.learner': 'Du ser alt om deg selv, på alle enhetene dine.',
    'privacy.role.advisorHeading': 'Rådgivere i en næringshage',
    'privacy.role.advisor':
      'Rådgivere ser bare elever som har blitt med i deres egen næringshage og har samtykket, og bare dette:',
    'privacy.role.admin':
      'Nettverksadministratoren oppretter næringshager og inviterer rådgivere. Hun eller han ser næringshager, rådgivere, firmaer og koder – ingen opplysninger om elever.',
    'privacy.role.analyst':
      'Analytikere (Digital Norway og Næringshagene i Norge) og rådgivere, for sine egne næringshager, ser bare samlede tall: hvor mange som startet og fullførte hver leksjon, svarene på «Var dette nyttig for deg?», minutter brukt og hva folk vil lære mer om. Hvert tall bygger på minst fem elever; et mindre tall vises som «færre enn 5», og filtrene kan ikke kombineres slik at en mindre gruppe blir synlig. Kommentarer du lar kursforfatterne lese, ser bare analytikere – uten navn, næringshage, fylke eller tidspunkt.',
    'privacy.role.operator':
      'Den som drifter serveren, har teknisk tilgang til databasen og serverloggene. Loggene inneholder bruker-id-er, og ved mislykkede innlogginger og for mange forsøk også kontoen og IP-adressen – aldri passord.',
    'privacy.basisHeading': 'Behandlingsgrunnlag',
    'privacy.basis.contract':
      'Kontoen og synkroniseringen: nødvendig for å levere tjenesten du ber om når du oppretter en konto (personvernforordningen artikkel 6 nr. 1 bokstav b).',
    'privacy.basis.consent':
      'Delingen med rådgiverne i en næringshage: samtykket ditt (artikkel 6 nr. 1 bokstav a). Det er frivillig, Lommekurs virker like godt uten, og du kan trekke det like lett som du ga det.',
    'privacy.rightsHeading': 'Innsyn, eksport og sletting',
    'privacy.rights.export':
      'Under Innstillinger laster du ned alt serveren har om deg, også medlemskap, samtykker og loggen over når du ga og trakk dem.',
    'privacy.rights.delete':
      'Sletter du kontoen, sletter serveren alt om deg med en gang, også medlemskap, samtykker og loggen over dem.',
    'privacy.rights.settingsLink': 'Til innstillingene',
    'privacy.withdrawHeading': 'Trekke samtykket',
    'privacy.withdraw':
      'Under Innstillinger → Næringshage trekker du samtykket for en næringshage. Fra da av får rådgiverne der ingenting om deg, og medlemskapet slettes. At du ga og trakk samtykket (tid og tekstversjon), blir stående i loggen din til du sletter kontoen, slik at det kan dokumenteres.',
    'privacy.keepHeading': 'Hvor lenge',
    'privacy.keep.account':
      'Det som står på serveren, lagres så lenge du har kontoen, og slettes med en gang du sletter den. Sikkerhetskopier slettes etter høyst 35 dager.',
    'privacy.keep.device':
      'Det som står på enheten, blir der til du logger ut, sletter dataene på enheten eller nettleseren sletter dem.',
    'privacy.complaintHeading': 'Klage',
    'privacy.complaint':
      'Mener du at opplysningene dine ikke behandles riktig, kan du klage til Datatilsynet.',
  } as const,
  nn: {
    'privacy.title': 'Personvern',
    'privacy.intro':
      'Her står kva opplysningar Lommekurs lagrar om deg, kvar dei vert lagra, kven som kan sjå dei, og korleis du bestemmer over dei.',
    'privacy.controllerHeading': 'Kven er ansvarleg',
    'privacy.controller':
      'Behandlingsansvarleg er den som driv denne Lommekurs-tenesta: {controller}.',
    'privacy.controllerUnnamed':
      'Behandlingsansvarleg er den som driv denne Lommekurs-tenesta. Denne tenesta har ikkje oppgitt namn og kontaktadresse: spør næringshagen din, eller den som gav deg lenkja til Lommekurs.',
    'privacy.deviceHeading': 'Dette vert lagra på eininga di',
    'privacy.device.courses':
      'Kursa du lastar ned, og innstillingane dine (språk, tekststorleik, vekemål og studieplan).',
    'privacy.device.progress':
      'Framgangen din: kva leksjonar du har opna og fullført, quizsvar og repetisjonssvar, avkryssingar, refleksjonar og tida du har brukt.',
    'privacy.device.noAccount':
      'Utan konto forlèt ingenting av dette eininga – bortsett frå svara dine på spørsmåla om leksjonane, om du seier ja til å sende dei anonymt (sjå under). Du slettar det under Innstillingar.',
    'privacy.serverHeading': 'Dette vert lagra på tenaren når du har konto',
    'privacy.server.account':
      'E-postadressa di, passordet som ein hash (aldri sjølve passordet), innlogga einingar og passnøklar.',
    'privacy.server.progress':
      'Framgangen din og refleksjonane dine, slik at dei andre einingane dine får dei. Berre du ser quizsvara dine og refleksjonar du ikkje deler.',
    'privacy.server.network':
      'Er du med i ein næringshage: hagen, firmaet ditt, namnet du valde å vise, og når du gav og eventuelt trekte samtykket, med kva versjon av teksten du såg.',
    'privacy.server.feedback':
      'Etter ei leksjon kan appen spørje om ho var nyttig, og etter eit kurs kva du vil lære meir om. Svara og ein eventuell kommentar blir lagra på eininga di og, når du har konto, på tenaren saman med framgangen din. Utan konto spør appen éin gong om svara kan sendast anonymt. Seier du ja, blir berre svaret, kurset, leksjonen og tidspunktet sende, og tenaren lagrar tidspunktet som månad – ingen konto, einings-id eller IP-adresse – og kommentaren berre om du har kryssa av for at kursforfattarane kan lese han. Seier du nei, forlèt ingenting eininga. Rådgjevarane i næringshagane ser ikkje svara dine. «Ikkje spør meg om tilbakemeldingar» under Innstillingar stoppar spørsmåla.',
    'privacy.rolesHeading': 'Kven ser kva',
    'privacy.role.learner': 'Du ser alt om deg sjølv, på alle einingane dine.',
    'privacy.role.advisorHeading': 'Rådgjevarar i ein næringshage',
    'privacy.role.advisor':
      'Rådgjevarar ser berre elevar som har vorte med i deira eigen næringshage og har samtykt, og berre dette:',
    'privacy.role.admin':
      'Nettverksadministratoren opprettar næringshagar og inviterer rådgjevarar. Ho eller han ser næringshagar, rådgjevarar, firma og kodar – ingen opplysningar om elevar.',
    'privacy.role.analyst':
      'Analytikarar (Digital Norway og Næringshagene i Norge) og rådgjevarar, for sine eigne næringshagar, ser berre samla tal: kor mange som starta og fullførte kvar leksjon, svara på «Var dette nyttig for deg?», minutt brukte og kva folk vil lære meir om. Kvart tal byggjer på minst fem elevar; eit mindre tal blir vist som «færre enn 5», og filtera kan ikkje kombinerast slik at ei mindre gruppe blir synleg. Kommentarar du lèt kursforfattarane lese, ser berre analytikarar – utan namn, næringshage, fylke eller tidspunkt.',
    'privacy.role.operator':
      'Den som driftar tenaren, har teknisk tilgang til databasen og tenarloggane. Loggane inneheld brukar-id-ar, og ved mislukka innloggingar og for mange forsøk også kontoen og IP-adressa – aldri passord.',
    'privacy.basisHeading': 'Behandlingsgrunnlag',
    'privacy.basis.contract':
      'Kontoen og synkroniseringa: naudsynt for å levere tenesta du ber om når du opprettar ein konto (personvernforordninga artikkel 6 nr. 1 bokstav b).',
    'privacy.basis.consent':
      'Delinga med rådgjevarane i ein næringshage: samtykket ditt (artikkel 6 nr. 1 bokstav a). Det er frivillig, Lommekurs verkar like godt utan, og du kan trekkje det like lett som du gav det.',
    'privacy.rightsHeading': 'Innsyn, eksport og sletting',
    'privacy.rights.export':
      'Under Innstillingar lastar du ned alt tenaren har om deg, også medlemskap, samtykke og loggen over når du gav og trekte dei.',
    'privacy.rights.delete':
      'Slettar du kontoen, slettar tenaren alt om deg med ein gong, også medlemskap, samtykke og loggen over dei.',
    'privacy.rights.settingsLink': 'Til innstillingane',
    'privacy.withdrawHeading': 'Trekkje samtykket',
    'privacy.withdraw':
      'Under Innstillingar → Næringshage trekkjer du samtykket for ein næringshage. Frå då av får rådgjevarane der ingenting om deg, og medlemskapet vert sletta. At du gav og trekte samtykket (tid og tekstversjon), vert ståande i loggen din til du slettar kontoen, slik at det kan dokumenterast.',
    'privacy.keepHeading': 'Kor lenge',
    'privacy.keep.account':
      'Det som står på tenaren, vert lagra så lenge du har kontoen, og vert sletta med ein gong du slettar han. Tryggleikskopiar vert sletta etter høgst 35 dagar.',
    'privacy.keep.device':
      'Det som står på eininga, vert der til du loggar ut, slettar dataa på eininga eller nettlesaren slettar dei.',
    'privacy.complaintHeading': 'Klage',
    'privacy.complaint':
      'Meiner du at opplysningane dine ikkje vert behandla rett, kan du klage til Datatilsynet.',
  },
  en: {
    'privacy.title': 'Privacy',
    'privacy.intro':
      'This page says what Lommekurs stores about you, where it is stored, who can see it, and how you decide over it.',
    'privacy.controllerHeading': 'Who is responsible',
    'privacy.controller':
      'The data controller is whoever runs this Lommekurs service: {controller}.',
    'privacy.controllerUnnamed':
      'The data controller is whoever runs this Lommekurs service. This service has not given its name and contact address: ask your business garden, or whoever gave you the link to Lommekurs.',
    'privacy.deviceHeading': 'What is stored on your device',
    'privacy.device.courses':
      'The courses you download, and your settings (language, text size, weekly goal and study plan).',
    'privacy.device.progress':
      'Your progress: which lessons you have opened and completed, quiz and review answers, ticked items, reflections and the time you have spent.',
    'privacy.device.noAccount':
      'Without an account, none of this leaves the device – except your answers to the questions about lessons, if you agree to send them anonymously (see below). You delete it under Settings.',
    'privacy.serverHeading': 'What is stored on the server when you have an account',
    'privacy.server.account':
      'Your email address, your password as a hash (never the password itself), signed-in devices and passkeys.',
    'privacy.server.progress':
      'Your progress and your reflections, so that your other devices get them. Only you see your quiz answers and the reflections you do not share.',
    'privacy.server.network':
      'If you are a member of a business garden: the garden, your firm, the name you chose to show, and when you gave and perhaps withdrew your consent, with the version of the text you were shown.',
    'privacy.server.feedback':
      'After a lesson the app may ask whether it was useful, and after a course what you would like to learn more about. Your answers and an optional comment are stored on your device and, when you have an account, on the server with your progress. Without an account the app asks once whether your answers may be sent anonymously. If you say yes, only the answer, the course, the lesson and the time go, which the server keeps as a month – no account, device id or IP address – and a comment only if you ticked that the course authors may read it. If you say no, nothing leaves the device. Advisors at the business gardens do not see your answers. “Don’t ask me for feedback” in Settings stops the questions.',
    'privacy.rolesHeading': 'Who sees what',
    'privacy.role.learner': 'You see everything about yourself, on all your devices.',
    'privacy.role.advisorHeading': 'Advisors at a business garden',
    'privacy.role.advisor':
      'Advisors see only learners who have joined their own business garden and consented, and only this:',
    'privacy.role.admin':
      'The network administrator creates business gardens and invites advisors. They see gardens, advisors, firms and codes – no data about learners.',
    'privacy.role.analyst':
      'Analysts (Digital Norway and Næringshagene i Norge), and advisors for their own business gardens, see only totals: how many started and completed each lesson, the answers to “Was this useful to you?”, minutes spent and what people want to learn more about. Every number rests on at least five learners; a smaller one reads “fewer than 5”, and the filters cannot be combined to reveal a smaller group. Comments you let the course authors read are seen only by analysts – without a name, business garden, county or time.',
    'privacy.role.operator':
      'Whoever runs the server has technical access to its database and logs. The logs hold user ids, and for failed sign-ins and too many attempts also the account and the IP address – never passwords.',
    'privacy.basisHeading': 'Legal basis',
    'privacy.basis.contract':
      'The account and syncing: necessary to provide the service you ask for when you create an account (GDPR Article 6(1)(b)).',
    'privacy.basis.consent':
      'Sharing with the advisors of a business garden: your consent (Article 6(1)(a)). It is voluntary, Lommekurs works just as well without it, and you can withdraw it as easily as you gave it.',
    'privacy.rightsHeading': 'Access, export and deletion',
    'privacy.rights.export':
      'Under Settings you download everything the server has about you, including memberships, consents and the log of when you gave and withdrew them.',
    'privacy.rights.delete':
      'If you delete your account, the server deletes everything about you at once, memberships, consents and their log included.',
    'privacy.rights.settingsLink': 'Go to settings',
    'privacy.withdrawHeading': 'Withdrawing consent',
    'privacy.withdraw':
      'Under Settings → Business garden you withdraw your consent for a business garden. From then on its advisors get nothing about you, and the membership is deleted. That you gave and withdrew consent (time and text version) stays in your log until you delete your account, so that it can be documented.',
    'privacy.keepHeading': 'How long',
    'privacy.keep.account':
      'What is on the server is kept as long as you have your account, and deleted at once when you delete it. Backups are deleted after at most 35 days.',
    'privacy.keep.device':
      'What is on the device stays there until you sign out, delete the device’s data, or the browser deletes it.',
    'privacy.complaintHeading': 'Complaints',
    'privacy.complaint':
      'If you believe your data is not handled correctly, you can complain to the Norwegian Data Protection Authority (Datatilsynet).',
  },
});
