### Personvernerklæring: faste formuleringer på bokmål.
###
### Meldingene kan overstyres én for én med `vern notice --templates DIR` (DIR/nb/notice.ftl).
### Argumenter ($name, $text, ...) er ferdig Markdown: tekster fra erklæringen er allerede escapet.
### Begrepene følger den norske oversettelsen av personvernforordningen og Datatilsynets språkbruk.

## Generelt

title-default = Personvernerklæring
not-stated = Ikke oppgitt.
not-stated-short = Ikke oppgitt
yes = Ja.
list-and = og
list-or = eller
# Markerer en tekst som ikke er oversatt, f.eks. «[en] Newsletter».
fallback-marker = \[{ $lang }\]

## Datoer og varighet

date = { $day }. { $month ->
    [1] januar
    [2] februar
    [3] mars
    [4] april
    [5] mai
    [6] juni
    [7] juli
    [8] august
    [9] september
    [10] oktober
    [11] november
   *[12] desember
} { $year }
duration-years = { $n } år
duration-months = { $n ->
    [1] 1 måned
   *[other] { $n } måneder
}
duration-days = { $n ->
    [1] 1 dag
   *[other] { $n } dager
}

## Innledning

updated = Sist oppdatert { $date }.
updated-missing = Datoen for siste oppdatering er ikke oppgitt.
version = Versjon { $version }.
published-at = Erklæringen er publisert på { $url }.

## Kort fortalt

heading-summary = Kort fortalt
summary-intro = Tabellen gir en oversikt over hva vi bruker personopplysninger til, hvilket behandlingsgrunnlag vi har og hvor lenge vi lagrer opplysningene. Mer om hvert formål står lenger ned.
summary-purpose = Formål
summary-data = Personopplysninger
summary-basis = Behandlingsgrunnlag
summary-retention = Lagringstid
summary-none = Erklæringen oppgir ingen formål.
summary-rights = Du har blant annet { $rights }. Se [Dine rettigheter](#rights).
summary-rights-unstated = Erklæringen oppgir ikke hvilke rettigheter du har.
summary-direct-marketing = Du kan når som helst protestere mot at vi bruker opplysningene dine til direkte markedsføring. Se [Retten til å protestere mot direkte markedsføring](#object-direct-marketing).

## Behandlingsansvarlig

heading-controller = Behandlingsansvarlig
controller-intro = { $name } er behandlingsansvarlig for behandlingen av personopplysninger som er beskrevet i denne erklæringen.
controller-missing = Erklæringen oppgir ikke hvem som er behandlingsansvarlig.
contact-name = Navn
contact-org-number = Organisasjonsnummer
contact-address = Adresse
contact-email = E-post
contact-phone = Telefon
contact-web = Nettside
contact-country = Land
heading-dpo = Personvernombud
dpo-intro = Vi har et personvernombud. Du kan kontakte personvernombudet om alt som gjelder vår behandling av personopplysninger om deg, og om hvordan du bruker rettighetene dine.
dpo-appointed-no-contact = Vi har personvernombud. Erklæringen oppgir ikke hvordan du kontakter personvernombudet.
dpo-none = Vi har ikke personvernombud. Spørsmål om personvern kan du rette til oss som behandlingsansvarlig.
heading-representative = Representant
representative-intro = Vår representant, som du også kan kontakte om behandlingen av personopplysninger om deg:

## Opplysningene

heading-data = Hvilke personopplysninger vi behandler
heading-categories = Kategorier av personopplysninger
data-intro = Vi behandler disse kategoriene av personopplysninger:
data-includes = Omfatter { $items }.
data-special = særlig kategori av personopplysninger
data-criminal = opplysninger om straffbare forhold
data-pseudonymised = pseudonymisert, fortsatt personopplysninger
data-anonymous = anonyme opplysninger, ikke personopplysninger
data-justification = Hvorfor vi trenger fødselsnummer
data-none = Erklæringen oppgir ingen personopplysninger.
heading-subjects = Hvem opplysningene gjelder
subjects-intro = Opplysningene gjelder disse gruppene av personer:
heading-sources = Hvor opplysningene kommer fra
source-subject = Fra deg
source-observed = Registreres når du bruker nettsidene eller tjenestene våre
source-derived = Utledes av andre opplysninger vi har om deg
source-third-party = Fra andre enn deg
source-public = Fra offentlig tilgjengelige kilder
source-unstated = Kilde ikke oppgitt
sources-none-from-others = Vi henter ikke inn opplysninger om deg fra andre.

## Formål og behandlingsgrunnlag

heading-purposes = Formål og behandlingsgrunnlag
purposes-intro = Her står hva vi bruker personopplysningene til, og hvilket behandlingsgrunnlag vi har etter personvernforordningen artikkel 6 for hvert formål.
purposes-no-legitimate-interest = Ingen av behandlingene bygger på berettiget interesse.
purpose-data = Personopplysninger
purpose-subjects = Gjelder
purpose-basis = Behandlingsgrunnlag
purpose-when = Når { $when }
purpose-interest = Vår berettigede interesse
purpose-balancing = Avveiningen
purpose-consent-collected = Slik ber vi om samtykke
purpose-consent-withdraw = Slik trekker du samtykket tilbake
purpose-consent-withdraw-default = Se [Trekke tilbake samtykke](#withdraw-consent).
purpose-condition = Vilkår for å behandle særlige kategorier av personopplysninger
purpose-retention = Lagringstid
purpose-requirement = Må du gi oss opplysningene?
purpose-direct-marketing = Direkte markedsføring
purpose-dm-yes = ja
purpose-dm-channels = på { $channels }
purpose-dm-object = Du kan når som helst protestere, se [Retten til å protestere mot direkte markedsføring](#object-direct-marketing).
purpose-soft-opt-in = Markedsføring til eksisterende kunder
purpose-profiling = Profilering
purpose-automated = Automatiserte avgjørelser
purpose-automated-none = Nei, vi treffer ingen avgjørelser om deg som utelukkende bygger på automatisert behandling.
purpose-automated-significant = Ja, se [Automatiserte avgjørelser](#automated).

requirement-statutory = Ja, det er lovpålagt.
requirement-contractual = Ja, det er nødvendig for å oppfylle avtalen med oss.
requirement-pre-contract = Ja, det er nødvendig for å inngå en avtale med oss.
requirement-voluntary = Nei, det er frivillig.

## Behandlingsgrunnlag i klartekst. `basis-short-NAME` er kortformen (i tabellen), `basis-explain-NAME`
## forklarer grunnlaget med én setning; $statute er loven, eller «none».

basis-short-consent = samtykke
basis-short-explicit-consent = uttrykkelig samtykke
basis-short-contract = avtale
basis-short-legal-obligation = rettslig forpliktelse
basis-short-vital-interests = vitale interesser
basis-short-public-task = oppgave i allmennhetens interesse
basis-short-legitimate-interest = berettiget interesse
basis-explain-consent = Vi behandler opplysningene fordi du har samtykket til det.
basis-explain-contract = Behandlingen er nødvendig for å oppfylle en avtale med deg, eller for å gjennomføre tiltak du har bedt om før en avtale inngås.
basis-explain-legal-obligation = { $statute ->
    [none] Behandlingen er nødvendig for å oppfylle en rettslig forpliktelse vi har.
   *[other] Behandlingen er nødvendig for å oppfylle en rettslig forpliktelse vi har etter { $statute }.
}
basis-explain-vital-interests = Behandlingen er nødvendig for å verne dine eller andres vitale interesser.
basis-explain-public-task = { $statute ->
    [none] Behandlingen er nødvendig for å utføre en oppgave i allmennhetens interesse eller utøve offentlig myndighet.
   *[other] Behandlingen er nødvendig for å utføre en oppgave i allmennhetens interesse eller utøve offentlig myndighet etter { $statute }.
}
basis-explain-legitimate-interest = Behandlingen er nødvendig for en berettiget interesse vi har, og vi har vurdert at hensynet til ditt personvern ikke går foran denne interessen.
gdpr-article = artikkel { $article }{ $paragraph ->
    [none] {""}
   *[other] {" "}nr. { $paragraph }
}{ $point ->
    [none] {""}
   *[other] {" "}bokstav { $point }
}
gdpr-article-raw = artikkel { $article }

## Lagringstid. $period er en varighet, $event en hendelse, $statute en lov.

retention-period = { $period } fra opplysningene ble samlet inn
retention-duration = { $period }
retention-period-after = { $period } etter { $event }
retention-until = til { $event }
retention-until-plus = til { $period } etter { $event }
retention-first-of = { $options }, det som kommer først
retention-up-to = inntil { $retention }
retention-statute = { $retention }, slik { $statute } krever
retention-statute-stated = { $retention }, med henvisning til { $statute }
retention-statute-only = så lenge { $statute } krever
retention-indefinite = på ubestemt tid, uten oppgitt slutt
retention-indefinite-archiving = på ubestemt tid, arkivert for { $ground } (personvernforordningen art. 89)
archiving-ground-public-interest = arkivformål i allmennhetens interesse
archiving-ground-scientific-research = formål knyttet til vitenskapelig forskning
archiving-ground-historical-research = formål knyttet til historisk forskning
archiving-ground-statistics = statistiske formål
retention-at-least = minst { $retention }, uten oppgitt øvre grense
retention-normally = normalt { $retention }; unntakene er ikke oppgitt
retention-then-anonymise = { $retention }, og deretter anonymisert i stedet for slettet
statute-ref = { $statute }
statute-unknown = loven

# Hendelser der standardbibliotekets betegnelse ikke passer etter «til» eller «etter».
until-objection-received = du protesterer
until-last-contact = siste kontakt med oss
after-consent-withdrawn = at samtykket er trukket tilbake
after-contract-end = at avtalen har opphørt
after-customer-relationship-end = at kundeforholdet har opphørt
after-account-closed = at brukerkontoen er avsluttet
after-recruitment-end = at rekrutteringsprosessen er avsluttet
after-claim-settled = at kravet er endelig avgjort
after-objection-received = at du har protestert
after-no-longer-necessary = at opplysningene ikke lenger er nødvendige
after-legitimate-interest-ends = at den berettigede interessen har opphørt
after-statutory-obligation-ends = at den lovpålagte plikten har opphørt
after-claim-due = at kravet forfalt
after-delivery = at du mottok varen
after-last-contact = siste kontakt med oss
after-collection = at opplysningene ble samlet inn

## Mottakere

heading-recipients = Mottakere
recipients-intro = Vi deler personopplysninger med mottakerne nedenfor. De er ordnet etter rollen de har.
recipients-none = Vi deler ikke personopplysninger med andre.
recipient-roles = Har også rollen
recipient-kind = Type mottaker
recipient-countries = Land
recipient-arrangement = Hovedinnholdet i avtalen om felles behandlingsansvar
recipient-receives = { $purposes ->
    [none] Mottar { $data }.
   *[other] Mottar { $data } til { $count ->
        [1] formålet
       *[other] formålene
    } { $purposes }.
}
role-group-processor = Databehandlere
role-intro-processor = Databehandlere behandler personopplysninger på våre vegne og etter våre instrukser. Vi har inngått databehandleravtale med dem.
role-group-sub-processor = Underdatabehandlere
role-intro-sub-processor = Underdatabehandlere er engasjert av en av våre databehandlere og behandler opplysningene på de samme vilkårene.
role-group-joint-controller = Felles behandlingsansvarlige
role-intro-joint-controller = Felles behandlingsansvarlige bestemmer sammen med oss formålet med behandlingen og hvordan den skal skje.
role-group-independent-controller = Selvstendige behandlingsansvarlige
role-intro-independent-controller = Disse mottakerne bestemmer selv hvordan de bruker opplysningene de får fra oss, og er selv ansvarlige for sin behandling.
role-group-group-company = Selskaper i samme konsern
role-group-public-authority = Offentlige myndigheter
role-group-acquirer = Ved salg eller omorganisering av virksomheten
role-intro-acquirer = Hvis virksomheten eller deler av den blir solgt, fusjonert eller omorganisert, kan opplysningene bli overført til den nye eieren.
role-group-third-party = Tredjeparter
role-group-none = Andre mottakere

## Overføring til land utenfor EØS

heading-transfers = Overføring til land utenfor EØS
transfers-intro = Noen mottakere behandler opplysningene i land utenfor EØS (tredjeland). Nedenfor står hvilket grunnlag hver overføring bygger på etter personvernforordningen kapittel V.
transfers-none = Vi overfører ikke personopplysninger til land utenfor EØS.
transfer-safeguard = Overføringsgrunnlag
transfer-instrument = Rettsakt
transfer-reference = Nærmere om grunnlaget
transfer-copy = Slik får du en kopi
transfer-valid-from = Gyldig fra { $date }
transfer-not-yet = Gyldig først fra { $date }
transfer-invalid = Ugyldig fra { $date }{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
}
transfer-adequacy = EU-kommisjonen har besluttet at { $country } har et tilstrekkelig beskyttelsesnivå ({ $decision })
transfer-dpf-certified = Mottakeren er sertifisert under rammeverket.

## Profilering og automatiserte avgjørelser

heading-automated = Profilering og automatiserte avgjørelser
heading-profiling = Profilering
profiling-intro = Vi bruker profilering, det vil si automatisert behandling av personopplysninger for å vurdere personlige sider ved deg, til disse formålene:
profiling-none = Vi bruker ikke personopplysninger om deg til profilering.
heading-automated-decisions = Automatiserte avgjørelser
automated-intro = Til disse formålene treffer vi avgjørelser som utelukkende bygger på automatisert behandling, og som har rettsvirkning for deg eller på tilsvarende måte i betydelig grad påvirker deg:
automated-none = Vi treffer ingen avgjørelser som utelukkende bygger på automatisert behandling, og som har rettsvirkning for deg eller på tilsvarende måte i betydelig grad påvirker deg.
automated-logic = Hvordan avgjørelsen treffes
automated-significance = Hva avgjørelsen betyr for deg
automated-consequences = Mulige konsekvenser
automated-safeguards = Dine rettigheter

## Informasjonskapsler

heading-cookies = Informasjonskapsler
cookies-intro = Vi bruker informasjonskapsler (cookies) og lignende teknologi på nettsidene våre:
cookies-none = Vi bruker ikke informasjonskapsler eller lignende teknologi.
cookie-name = Navn
cookie-purpose = Formål
cookie-kind = Type
cookie-lifetime = Varighet
cookie-provider = Satt av
cookie-consent = Samtykke
cookie-session = til du lukker nettleseren
cookie-consent-exempt = Ikke nødvendig
cookie-used-for = Brukes til { $purposes }.

## Rettigheter

heading-rights = Dine rettigheter
rights-intro = Du har disse rettighetene etter personvernforordningen:
rights-none = Erklæringen lister ingen rettigheter.
rights-exercise = Slik bruker du rettighetene dine: { $how }
rights-exercise-default = Kontakt oss for å bruke rettighetene dine. Kontaktopplysningene står under [Behandlingsansvarlig](#controller).
right-desc-access = Du kan få vite om vi behandler opplysninger om deg, og få innsyn i og en kopi av opplysningene.
right-desc-rectification = Du kan be oss rette uriktige opplysninger om deg og fylle ut ufullstendige opplysninger.
right-desc-erasure = Du kan be oss slette opplysninger om deg, for eksempel når de ikke lenger er nødvendige for formålet.
right-desc-restriction = Du kan be oss begrense behandlingen, for eksempel mens vi vurderer om opplysningene er riktige.
right-desc-portability = Du kan få utlevert opplysningene du har gitt oss, i et strukturert og maskinlesbart format, og be oss overføre dem til en annen behandlingsansvarlig.
right-desc-object = Du kan protestere mot behandling som bygger på berettiget interesse eller på en oppgave i allmennhetens interesse, ut fra din særlige situasjon.
right-desc-automated-decisions = Du har rett til ikke å være gjenstand for en avgjørelse som utelukkende bygger på automatisert behandling, og som har rettsvirkning for deg eller på tilsvarende måte i betydelig grad påvirker deg.

heading-object-direct-marketing = Retten til å protestere mot direkte markedsføring
dm-intro = Du har rett til når som helst å protestere mot at vi behandler personopplysninger om deg til direkte markedsføring, også profilering som er knyttet til slik markedsføring. Protesterer du, slutter vi å bruke opplysningene til dette formålet.
dm-purposes = Dette gjelder { $purposes }.
dm-how = Slik protesterer du: { $how }
dm-none = Vi bruker ikke personopplysninger om deg til direkte markedsføring.

heading-withdraw-consent = Trekke tilbake samtykke
withdraw-intro = Når en behandling bygger på samtykke, kan du når som helst trekke samtykket tilbake. Det skal være like enkelt å trekke samtykket tilbake som å gi det. Tilbaketrekkingen påvirker ikke lovligheten av behandlingen før samtykket ble trukket tilbake.
withdraw-how = Slik trekker du samtykket tilbake: { $how }
withdraw-none = Ingen av behandlingene bygger på samtykke.

heading-complaint = Klage til tilsynsmyndigheten
complaint-intro = Mener du at vi behandler personopplysninger om deg i strid med personvernreglene, kan du klage til tilsynsmyndigheten.
complaint-authority = Tilsynsmyndighet

## Oversettelse

heading-translation = Om oversettelsen
translation-note = { $count ->
    [1] Én tekst i erklæringen er ikke oversatt til norsk bokmål. Den vises på originalspråket og er merket med språkkoden ({ $languages }).
   *[other] { $count } tekster i erklæringen er ikke oversatt til norsk bokmål. De vises på originalspråket og er merket med språkkoden ({ $languages }).
}

## HTML-siden

toc-title = Innhold
skip-link = Gå til innholdet

# Scopes: a right granted to some groups of data subjects only (`access for pupil`), data that is
# optional (`uses phone if-provided`) or collected about some groups only (`uses education for pupil`).
right-applies-to = Gjelder: { $subjects }.
data-if-provided = bare hvis du selv oppgir det
data-only-about = gjelder bare: { $subjects }
## Flere behandlingsansvarlige, felles behandlingsansvar (personvernforordningen artikkel 26) og behandling på vegne av andre

controllers-intro-several = { $names } er behandlingsansvarlige for behandlingen av personopplysninger som er beskrevet i denne erklæringen. Under hvert formål står det hvem av dem som er ansvarlig for det.
dpo-none-other = Ikke utnevnt.
purpose-controller = Behandlingsansvarlig
purpose-controllers-joint = { $names } i fellesskap (se [Felles behandlingsansvarlige](#{ $id }))
heading-joint = Felles behandlingsansvarlige
joint-intro = Noe av behandlingen bestemmer flere behandlingsansvarlige i fellesskap. De har avtalt seg imellom hvem som gjør hva (personvernforordningen artikkel 26).
joint-controllers = Behandlingsansvarlige
joint-purposes = Formål
joint-duties = Hvem gjør hva
joint-duty-notice = Å gi deg informasjonen i denne erklæringen
joint-duty-rights = Å svare når du vil bruke rettighetene dine
joint-duty-consent = Å be om og registrere samtykke
joint-duty-security = Å sikre opplysningene
joint-duty-breach = Å melde og varsle om brudd på personopplysningssikkerheten
joint-duty-dpia = Å vurdere konsekvensene for personvernet
joint-duty-processors = Å inngå avtaler med og instruere databehandlere
joint-essence = Hovedinnholdet i avtalen
joint-contact = Kontaktpunkt
joint-rights-each = Uansett hva avtalen sier, kan du bruke rettighetene dine overfor hver av de behandlingsansvarlige.
heading-on-behalf = Behandling på vegne av andre
on-behalf = { $name } behandler også personopplysninger som databehandler på vegne av andre: { $whom }. For den behandlingen er det de som er behandlingsansvarlige, og denne erklæringen gjelder ikke den: kontakt dem med spørsmål og henvendelser om den.
