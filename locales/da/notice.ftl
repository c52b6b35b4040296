### Privatlivspolitik: faste formuleringer på dansk.
###
### Meddelelserne kan erstattes én ad gangen med `vern notice --templates DIR` (DIR/da/notice.ftl).
### Argumenterne ($name, $text, ...) er allerede Markdown: tekster fra politikken er escapet.
### Begreberne følger den danske sprogudgave af databeskyttelsesforordningen (EUR-Lex, CELEX
### 32016R0679) og Datatilsynets sprogbrug: dataansvarlig, databehandler, databeskyttelsesrådgiver,
### den registrerede, tredjeland, tilsynsmyndighed.

## Generelt

title-default = Privatlivspolitik
not-stated = Ikke oplyst.
not-stated-short = Ikke oplyst
yes = Ja.
list-and = og
list-or = eller
# Markerer en tekst, der ikke er oversat, f.eks. "[nb] Nyhetsbrev".
fallback-marker = \[{ $lang }\]

## Datoer og perioder

date = { $day }. { $month ->
    [1] januar
    [2] februar
    [3] marts
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] august
    [9] september
    [10] oktober
    [11] november
   *[12] december
} { $year }
duration-years = { $n ->
    [1] 1 år
   *[other] { $n } år
}
duration-months = { $n ->
    [1] 1 måned
   *[other] { $n } måneder
}
duration-days = { $n ->
    [1] 1 dag
   *[other] { $n } dage
}

## Indledning

updated = Senest opdateret { $date }.
updated-missing = Datoen for den seneste opdatering er ikke oplyst.
version = Version { $version }.
published-at = Denne privatlivspolitik er offentliggjort på { $url }.

## Kort fortalt

heading-summary = Kort fortalt
summary-intro = Tabellen viser, hvad vi bruger personoplysninger til, på hvilket retsgrundlag, og hvor længe vi opbevarer dem. Nærmere om hvert formål følger nedenfor.
summary-purpose = Formål
summary-data = Personoplysninger
summary-basis = Retsgrundlag
summary-retention = Opbevaringsperiode
summary-none = Privatlivspolitikken oplyser ingen formål.
summary-rights = Dine rettigheder omfatter { $rights }. Se [Dine rettigheder](#rights).
summary-rights-unstated = Privatlivspolitikken oplyser ikke dine rettigheder.
summary-direct-marketing = Du kan til enhver tid gøre indsigelse mod, at vi bruger dine oplysninger til direkte markedsføring. Se [Retten til at gøre indsigelse mod direkte markedsføring](#object-direct-marketing).

## Dataansvarlig

heading-controller = Dataansvarlig
controller-intro = { $name } er dataansvarlig for den behandling af personoplysninger, der er beskrevet i denne privatlivspolitik.
controller-missing = Privatlivspolitikken oplyser ikke, hvem der er dataansvarlig.
contact-name = Navn
contact-org-number = CVR-nummer
contact-address = Adresse
contact-email = E-mail
contact-phone = Telefon
contact-web = Websted
contact-country = Land
heading-dpo = Databeskyttelsesrådgiver
dpo-intro = Vi har en databeskyttelsesrådgiver. Du kan kontakte databeskyttelsesrådgiveren om alle spørgsmål om vores behandling af dine personoplysninger og om udøvelsen af dine rettigheder.
dpo-appointed-no-contact = Vi har en databeskyttelsesrådgiver. Privatlivspolitikken oplyser ikke, hvordan rådgiveren kan kontaktes.
dpo-none = Vi har ikke udpeget en databeskyttelsesrådgiver. Spørgsmål om databeskyttelse kan du sende til os som dataansvarlig.
heading-representative = Repræsentant
representative-intro = Vores repræsentant, som du også kan kontakte om behandlingen af dine personoplysninger:

## Oplysningerne

heading-data = De personoplysninger, vi behandler
heading-categories = Kategorier af personoplysninger
data-intro = Vi behandler disse kategorier af personoplysninger:
data-includes = Omfatter { $items }.
data-special = særlig kategori af personoplysninger
data-criminal = oplysninger om strafbare forhold
data-pseudonymised = pseudonymiseret, stadig personoplysninger
data-anonymous = anonyme oplysninger, ikke personoplysninger
data-justification = Hvorfor vi har brug for personnummeret (CPR-nummeret)
data-none = Privatlivspolitikken oplyser ingen personoplysninger.
heading-subjects = Hvem oplysningerne vedrører
subjects-intro = Oplysningerne vedrører disse grupper af personer:
heading-sources = Hvor oplysningerne kommer fra
source-subject = Fra dig
source-observed = Registreres, når du bruger vores websted eller tjenester
source-derived = Udledt af andre oplysninger, vi har om dig
source-third-party = Fra andre end dig
source-public = Fra offentligt tilgængelige kilder
source-unstated = Kilden er ikke oplyst
sources-none-from-others = Vi indhenter ikke oplysninger om dig fra andre.

## Formål og retsgrundlag

heading-purposes = Formål og retsgrundlag
purposes-intro = Her står, hvad vi bruger personoplysninger til, og retsgrundlaget efter databeskyttelsesforordningens artikel 6 for hvert formål.
purposes-no-legitimate-interest = Ingen behandling er baseret på legitime interesser.
purpose-data = Personoplysninger
purpose-subjects = Vedrører
purpose-basis = Retsgrundlag
purpose-when = Hvis { $when }
purpose-interest = Vores legitime interesse
purpose-balancing = Interesseafvejningen
purpose-consent-collected = Sådan beder vi om samtykke
purpose-consent-withdraw = Sådan trækker du samtykket tilbage
purpose-consent-withdraw-default = Se [Tilbagetrækning af samtykke](#withdraw-consent).
purpose-condition = Betingelse for behandling af særlige kategorier af personoplysninger
purpose-retention = Opbevaringsperiode
purpose-requirement = Skal du give os oplysningerne?
purpose-direct-marketing = Direkte markedsføring
purpose-dm-yes = ja
purpose-dm-channels = via { $channels }
purpose-dm-object = Du kan til enhver tid gøre indsigelse, se [Retten til at gøre indsigelse mod direkte markedsføring](#object-direct-marketing).
purpose-soft-opt-in = Markedsføring over for eksisterende kunder
purpose-profiling = Profilering
purpose-automated = Automatiske afgørelser
purpose-automated-none = Nej, vi træffer ingen afgørelser om dig, der alene er baseret på automatisk behandling.
purpose-automated-significant = Ja, se [Automatiske afgørelser](#automated).

requirement-statutory = Ja, det er et lovkrav.
requirement-contractual = Ja, det er nødvendigt for at opfylde aftalen med os.
requirement-pre-contract = Ja, det er et krav for at indgå en aftale med os.
requirement-voluntary = Nej, det er frivilligt.

## Retsgrundlag med almindelige ord. `basis-short-NAME` er den korte form (i tabellen),
## `basis-explain-NAME` forklarer grundlaget i én sætning; $statute er loven, eller "none".

basis-short-consent = samtykke
basis-short-explicit-consent = udtrykkeligt samtykke
basis-short-contract = kontrakt
basis-short-legal-obligation = retlig forpligtelse
basis-short-vital-interests = vitale interesser
basis-short-public-task = opgave i samfundets interesse
basis-short-legitimate-interest = legitime interesser
basis-explain-consent = Vi behandler oplysningerne, fordi du har givet samtykke til det.
basis-explain-contract = Behandlingen er nødvendig for at opfylde en kontrakt med dig eller for at gennemføre foranstaltninger, du har anmodet om, før en kontrakt indgås.
basis-explain-legal-obligation = { $statute ->
    [none] Behandlingen er nødvendig for at overholde en retlig forpligtelse, som påhviler os.
   *[other] Behandlingen er nødvendig for at overholde en retlig forpligtelse, som påhviler os efter { $statute }.
}
basis-explain-vital-interests = Behandlingen er nødvendig for at beskytte dine eller en anden persons vitale interesser.
basis-explain-public-task = { $statute ->
    [none] Behandlingen er nødvendig af hensyn til udførelse af en opgave i samfundets interesse eller som led i offentlig myndighedsudøvelse.
   *[other] Behandlingen er nødvendig af hensyn til udførelse af en opgave i samfundets interesse eller som led i offentlig myndighedsudøvelse efter { $statute }.
}
basis-explain-legitimate-interest = Behandlingen er nødvendig for en legitim interesse, vi forfølger, og vi har vurderet, at dine interesser i beskyttelse af dine personoplysninger ikke går forud for den.
gdpr-article = artikel { $article }{ $paragraph ->
    [none] {""}
   *[other] , stk. { $paragraph }
}{ $point ->
    [none] {""}
   *[other] , litra { $point }
}
gdpr-article-raw = artikel { $article }

## Opbevaring. $period er en periode, $event en begivenhed, $statute en lov.

retention-period = { $period } fra oplysningerne blev indsamlet
retention-duration = { $period }
retention-period-after = { $period } efter { $event }
retention-until = indtil { $event }
retention-until-plus = indtil { $period } efter { $event }
retention-first-of = { $options }, alt efter hvad der kommer først
retention-up-to = op til { $retention }
retention-statute = { $retention }, som { $statute } kræver
retention-statute-stated = { $retention }, med henvisning til { $statute }
retention-statute-only = så længe { $statute } kræver
retention-indefinite = på ubestemt tid, uden angivet ophør
retention-indefinite-archiving = på ubestemt tid, arkiveret til { $ground } (databeskyttelsesforordningens artikel 89)
archiving-ground-public-interest = arkivformål i samfundets interesse
archiving-ground-scientific-research = videnskabelige forskningsformål
archiving-ground-historical-research = historiske forskningsformål
archiving-ground-statistics = statistiske formål
retention-at-least = mindst { $retention }, uden angivet øvre grænse
retention-normally = normalt { $retention }; undtagelserne er ikke angivet
retention-then-anonymise = { $retention }, og derefter anonymiseret i stedet for slettet
statute-ref = { $statute }
statute-unknown = loven

# Begivenheder, hvis betegnelse i standardbiblioteket ikke passer efter "indtil" eller "efter".
until-collection = oplysningerne indsamles
until-consent-withdrawn = du trækker dit samtykke tilbage
until-contract-end = aftalen ophører
until-customer-relationship-end = kundeforholdet ophører
until-account-closed = din konto lukkes
until-recruitment-end = rekrutteringsforløbet er afsluttet
until-claim-settled = kravet er endeligt afgjort
until-objection-received = du gør indsigelse
until-no-longer-necessary = oplysningerne ikke længere er nødvendige
until-legitimate-interest-ends = den legitime interesse ophører
until-statutory-obligation-ends = den lovbestemte pligt ophører
until-delivery = varen er leveret
until-claim-due = kravet forfalder
until-last-contact = din seneste kontakt med os
until-end-of-accounting-year = udgangen af regnskabsåret
until-end-of-calendar-year-of-accounting-year = udgangen af det kalenderår, hvor regnskabsåret sluttede
after-collection = at oplysningerne blev indsamlet
after-consent-withdrawn = at du har trukket dit samtykke tilbage
after-contract-end = at aftalen er ophørt
after-customer-relationship-end = at kundeforholdet er ophørt
after-account-closed = at din konto er lukket
after-recruitment-end = at rekrutteringsforløbet er afsluttet
after-claim-settled = at kravet er endeligt afgjort
after-objection-received = at du har gjort indsigelse
after-no-longer-necessary = at oplysningerne ikke længere er nødvendige
after-legitimate-interest-ends = at den legitime interesse er ophørt
after-statutory-obligation-ends = at den lovbestemte pligt er ophørt
after-delivery = at du har modtaget varen
after-claim-due = at kravet forfaldt
after-last-contact = din seneste kontakt med os
after-end-of-accounting-year = udgangen af regnskabsåret
after-end-of-calendar-year-of-accounting-year = udgangen af det kalenderår, hvor regnskabsåret sluttede

## Modtagere

heading-recipients = Modtagere
recipients-intro = Vi videregiver personoplysninger til modtagerne nedenfor, ordnet efter den rolle, de har.
recipients-none = Vi videregiver ikke personoplysninger til andre.
recipient-roles = Har også rollen
recipient-kind = Type modtager
recipient-countries = Lande
recipient-arrangement = Det væsentligste indhold af ordningen om fælles dataansvar
recipient-receives = { $purposes ->
    [none] Modtager { $data }.
   *[other] Modtager { $data } til { $count ->
        [1] formålet
       *[other] formålene
    } { $purposes }.
}
role-group-processor = Databehandlere
role-intro-processor = Databehandlere behandler personoplysninger på vores vegne og efter vores instruks, i henhold til en databehandleraftale med os.
role-group-sub-processor = Underdatabehandlere
role-intro-sub-processor = Underdatabehandlere er antaget af en af vores databehandlere og behandler oplysningerne på de samme vilkår.
role-group-joint-controller = Fælles dataansvarlige
role-intro-joint-controller = Fælles dataansvarlige fastlægger sammen med os formålene med og hjælpemidlerne til behandlingen.
role-group-independent-controller = Selvstændige dataansvarlige
role-intro-independent-controller = Disse modtagere bestemmer selv, hvordan de bruger de oplysninger, de får fra os, og er selv ansvarlige for deres behandling.
role-group-group-company = Selskaber i vores koncern
role-group-public-authority = Offentlige myndigheder
role-group-acquirer = Ved salg eller omstrukturering af virksomheden
role-intro-acquirer = Hvis hele eller dele af virksomheden sælges, fusioneres eller omstruktureres, kan oplysningerne blive overført til den nye ejer.
role-group-third-party = Tredjeparter
role-group-none = Andre modtagere

## Overførsel til lande uden for EØS

heading-transfers = Overførsel til lande uden for EØS
transfers-intro = Nogle modtagere behandler oplysningerne i lande uden for EØS (tredjelande). Nedenfor står, hvilket overførselsgrundlag hver overførsel bygger på efter databeskyttelsesforordningens kapitel V.
transfers-none = Vi overfører ikke personoplysninger til lande uden for EØS.
transfer-safeguard = Overførselsgrundlag
transfer-instrument = Retsakt
transfer-reference = Nærmere oplysninger
transfer-copy = Sådan får du en kopi
transfer-valid-from = Gyldig siden { $date }
transfer-not-yet = Gyldig først fra { $date }
transfer-invalid = Ugyldig siden { $date }{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
}
transfer-adequacy = Europa-Kommissionen har truffet afgørelse om, at { $country } sikrer et tilstrækkeligt beskyttelsesniveau ({ $decision })
transfer-dpf-certified = Modtageren er certificeret efter rammen.

## Profilering og automatiske afgørelser

heading-automated = Profilering og automatiske afgørelser
heading-profiling = Profilering
profiling-intro = Vi bruger profilering, dvs. automatisk behandling af personoplysninger til at evaluere bestemte personlige forhold vedrørende dig, til disse formål:
profiling-none = Vi bruger ikke personoplysninger om dig til profilering.
heading-automated-decisions = Automatiske afgørelser
automated-intro = Til disse formål træffer vi afgørelser, der alene er baseret på automatisk behandling, og som har retsvirkning for dig eller på tilsvarende vis betydeligt påvirker dig:
automated-none = Vi træffer ingen afgørelser, der alene er baseret på automatisk behandling, og som har retsvirkning for dig eller på tilsvarende vis betydeligt påvirker dig.
automated-logic = Sådan træffes afgørelsen
automated-significance = Hvad afgørelsen betyder for dig
automated-consequences = Mulige konsekvenser
automated-safeguards = Dine rettigheder

## Cookies

heading-cookies = Cookies
cookies-intro = Vi bruger cookies og lignende teknologier på vores websted:
cookies-none = Vi bruger ikke cookies eller lignende teknologier.
cookie-name = Navn
cookie-purpose = Formål
cookie-kind = Type
cookie-lifetime = Levetid
cookie-provider = Sættes af
cookie-consent = Samtykke
cookie-session = indtil du lukker browseren
cookie-consent-exempt = Kræves ikke
cookie-used-for = Bruges til { $purposes }.

## Rettigheder

heading-rights = Dine rettigheder
rights-intro = Du har disse rettigheder efter databeskyttelsesforordningen:
rights-none = Privatlivspolitikken oplyser ingen rettigheder.
rights-exercise = Sådan udøver du dine rettigheder: { $how }
rights-exercise-default = Kontakt os for at udøve dine rettigheder. Vores kontaktoplysninger står under [Dataansvarlig](#controller).
right-desc-access = Du kan få at vide, om vi behandler oplysninger om dig, og få indsigt i og en kopi af oplysningerne.
right-desc-rectification = Du kan bede os om at berigtige urigtige oplysninger om dig og fuldstændiggøre ufuldstændige oplysninger.
right-desc-erasure = Du kan bede os om at slette oplysninger om dig, for eksempel når de ikke længere er nødvendige til formålet.
right-desc-restriction = Du kan bede os om at begrænse behandlingen, for eksempel mens vi undersøger, om oplysningerne er korrekte.
right-desc-portability = Du kan modtage de oplysninger, du har givet os, i et struktureret, maskinlæsbart format og bede os om at overføre dem til en anden dataansvarlig.
right-desc-object = Du kan af grunde, der vedrører din særlige situation, gøre indsigelse mod behandling, der er baseret på legitime interesser eller på en opgave i samfundets interesse.
right-desc-automated-decisions = Du har ret til ikke at være genstand for en afgørelse, der alene er baseret på automatisk behandling, og som har retsvirkning for dig eller på tilsvarende vis betydeligt påvirker dig.

heading-object-direct-marketing = Retten til at gøre indsigelse mod direkte markedsføring
dm-intro = Du har til enhver tid ret til at gøre indsigelse mod vores behandling af dine personoplysninger til direkte markedsføring, herunder profilering i forbindelse med sådan markedsføring. Gør du indsigelse, holder vi op med at bruge oplysningerne til dette formål.
dm-purposes = Det gælder { $purposes }.
dm-how = Sådan gør du indsigelse: { $how }
dm-none = Vi bruger ikke personoplysninger om dig til direkte markedsføring.

heading-withdraw-consent = Tilbagetrækning af samtykke
withdraw-intro = Når behandlingen er baseret på samtykke, kan du til enhver tid trække dit samtykke tilbage. Det skal være lige så let at trække samtykket tilbage som at give det. Tilbagetrækningen påvirker ikke lovligheden af behandlingen før tilbagetrækningen.
withdraw-how = Sådan trækker du samtykket tilbage: { $how }
withdraw-none = Ingen behandling er baseret på samtykke.

heading-complaint = Klage til tilsynsmyndigheden
complaint-intro = Hvis du mener, at vi behandler dine personoplysninger i strid med databeskyttelsesreglerne, kan du indgive en klage til tilsynsmyndigheden.
complaint-authority = Tilsynsmyndighed

## Oversættelse

heading-translation = Om oversættelsen
translation-note = { $count ->
    [1] En tekst i denne privatlivspolitik er ikke oversat til dansk. Den vises på originalsproget, markeret med sin sprogkode ({ $languages }).
   *[other] { $count } tekster i denne privatlivspolitik er ikke oversat til dansk. De vises på originalsproget, markeret med deres sprogkode ({ $languages }).
}

## HTML-siden

toc-title = Indhold
skip-link = Gå til indholdet

# Scopes: a right granted to some groups of data subjects only (`access for pupil`), data that is
# optional (`uses phone if-provided`) or collected about some groups only (`uses education for pupil`).
right-applies-to = Gælder: { $subjects }.
data-if-provided = kun hvis du selv oplyser det
data-only-about = gælder kun: { $subjects }
## Flere dataansvarlige, fælles dataansvar (databeskyttelsesforordningen artikel 26) og behandling på vegne af andre

controllers-intro-several = { $names } er dataansvarlige for den behandling af personoplysninger, der er beskrevet i denne privatlivspolitik. Under hvert formål står det, hvem af dem der er ansvarlig for det.
dpo-none-other = Ikke udpeget.
purpose-controller = Dataansvarlig
purpose-controllers-joint = { $names } i fællesskab (se [Fælles dataansvarlige](#{ $id }))
heading-joint = Fælles dataansvarlige
joint-intro = Noget af behandlingen bestemmer flere dataansvarlige i fællesskab. De har aftalt indbyrdes, hvem der gør hvad (databeskyttelsesforordningen artikel 26).
joint-controllers = Dataansvarlige
joint-purposes = Formål
joint-duties = Hvem gør hvad
joint-duty-notice = At give dig oplysningerne i denne privatlivspolitik
joint-duty-rights = At svare, når du vil udøve dine rettigheder
joint-duty-consent = At indhente og registrere samtykke
joint-duty-security = At beskytte oplysningerne
joint-duty-breach = At anmelde og underrette om brud på persondatasikkerheden
joint-duty-dpia = At vurdere konsekvenserne for databeskyttelsen
joint-duty-processors = At indgå aftaler med og instruere databehandlere
joint-essence = Hovedindholdet af ordningen
joint-contact = Kontaktpunkt
joint-rights-each = Uanset hvad ordningen siger, kan du udøve dine rettigheder over for hver af de dataansvarlige.
heading-on-behalf = Behandling på vegne af andre
on-behalf = { $name } behandler også personoplysninger som databehandler på vegne af andre: { $whom }. For den behandling er det dem, der er dataansvarlige, og denne privatlivspolitik omfatter den ikke: kontakt dem med spørgsmål og henvendelser om den.
