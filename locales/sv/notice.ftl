### Integritetspolicy: fasta formuleringar på svenska.
###
### Meddelandena kan ersättas ett och ett med `vern notice --templates DIR` (DIR/sv/notice.ftl).
### Argumenten ($name, $text, ...) är redan Markdown: texter från policyn är escapade.
### Begreppen följer den svenska språkversionen av dataskyddsförordningen (EUR-Lex, CELEX 32016R0679)
### och Integritetsskyddsmyndighetens (IMY) språkbruk: personuppgiftsansvarig, personuppgiftsbiträde,
### dataskyddsombud, den registrerade, tredjeland, tillsynsmyndighet.

## Allmänt

title-default = Integritetspolicy
not-stated = Anges inte.
not-stated-short = Anges inte
yes = Ja.
list-and = och
list-or = eller
# Markerar en text som inte har översatts, t.ex. "[nb] Nyhetsbrev".
fallback-marker = \[{ $lang }\]

## Datum och tidsperioder

date = { $day } { $month ->
    [1] januari
    [2] februari
    [3] mars
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] augusti
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
    [1] 1 månad
   *[other] { $n } månader
}
duration-days = { $n ->
    [1] 1 dag
   *[other] { $n } dagar
}

## Inledning

updated = Senast uppdaterad { $date }.
updated-missing = Datumet för den senaste uppdateringen anges inte.
version = Version { $version }.
published-at = Denna integritetspolicy publiceras på { $url }.

## I korthet

heading-summary = I korthet
summary-intro = Tabellen visar vad vi använder personuppgifter till, med vilken rättslig grund och hur länge vi sparar dem. Mer om varje ändamål följer nedan.
summary-purpose = Ändamål
summary-data = Personuppgifter
summary-basis = Rättslig grund
summary-retention = Lagringstid
summary-none = Integritetspolicyn anger inga ändamål.
summary-rights = Dina rättigheter omfattar { $rights }. Se [Dina rättigheter](#rights).
summary-rights-unstated = Integritetspolicyn anger inte dina rättigheter.
summary-direct-marketing = Du kan när som helst invända mot att vi använder dina uppgifter för direktmarknadsföring. Se [Rätten att invända mot direktmarknadsföring](#object-direct-marketing).

## Personuppgiftsansvarig

heading-controller = Personuppgiftsansvarig
controller-intro = { $name } är personuppgiftsansvarig för den behandling av personuppgifter som beskrivs i denna integritetspolicy.
controller-missing = Integritetspolicyn anger inte vem som är personuppgiftsansvarig.
contact-name = Namn
contact-org-number = Organisationsnummer
contact-address = Adress
contact-email = E-post
contact-phone = Telefon
contact-web = Webbplats
contact-country = Land
heading-dpo = Dataskyddsombud
dpo-intro = Vi har ett dataskyddsombud. Du kan kontakta dataskyddsombudet i alla frågor som rör vår behandling av dina personuppgifter och utövandet av dina rättigheter.
dpo-appointed-no-contact = Vi har ett dataskyddsombud. Integritetspolicyn anger inte hur dataskyddsombudet kan kontaktas.
dpo-none = Vi har inte utsett något dataskyddsombud. Frågor om dataskydd kan du skicka till oss som personuppgiftsansvarig.
heading-representative = Företrädare
representative-intro = Vår företrädare, som du också kan kontakta om behandlingen av dina personuppgifter:

## Uppgifterna

heading-data = De personuppgifter vi behandlar
heading-categories = Kategorier av personuppgifter
data-intro = Vi behandlar dessa kategorier av personuppgifter:
data-includes = Omfattar { $items }.
data-special = särskild kategori av personuppgifter
data-criminal = uppgifter om lagöverträdelser
data-pseudonymised = pseudonymiserade, fortfarande personuppgifter
data-anonymous = anonyma uppgifter, inte personuppgifter
data-justification = Varför vi behöver personnumret
data-none = Integritetspolicyn anger inga personuppgifter.
heading-subjects = Vilka uppgifterna gäller
subjects-intro = Uppgifterna gäller dessa grupper av personer:
heading-sources = Varifrån uppgifterna kommer
source-subject = Från dig
source-observed = Registreras när du använder vår webbplats eller våra tjänster
source-derived = Härleds från andra uppgifter vi har om dig
source-third-party = Från andra än dig
source-public = Från allmänt tillgängliga källor
source-unstated = Källan anges inte
sources-none-from-others = Vi hämtar inte in uppgifter om dig från andra.

## Ändamål och rättslig grund

heading-purposes = Ändamål och rättslig grund
purposes-intro = Här beskrivs vad vi använder personuppgifter till och den rättsliga grunden enligt artikel 6 i dataskyddsförordningen för varje ändamål.
purposes-no-legitimate-interest = Ingen behandling grundar sig på berättigat intresse.
purpose-data = Personuppgifter
purpose-subjects = Gäller
purpose-basis = Rättslig grund
purpose-when = Om { $when }
purpose-interest = Vårt berättigade intresse
purpose-balancing = Intresseavvägningen
purpose-consent-collected = Hur vi ber om samtycke
purpose-consent-withdraw = Hur du återkallar samtycket
purpose-consent-withdraw-default = Se [Återkalla samtycke](#withdraw-consent).
purpose-condition = Villkor för behandling av särskilda kategorier av personuppgifter
purpose-retention = Lagringstid
purpose-requirement = Måste du lämna uppgifterna?
purpose-direct-marketing = Direktmarknadsföring
purpose-dm-yes = ja
purpose-dm-channels = via { $channels }
purpose-dm-object = Du kan när som helst invända, se [Rätten att invända mot direktmarknadsföring](#object-direct-marketing).
purpose-soft-opt-in = Marknadsföring till befintliga kunder
purpose-profiling = Profilering
purpose-automated = Automatiserade beslut
purpose-automated-none = Nej, vi fattar inga beslut om dig som enbart grundas på automatiserad behandling.
purpose-automated-significant = Ja, se [Automatiserade beslut](#automated).

requirement-statutory = Ja, det är ett lagstadgat krav.
requirement-contractual = Ja, det är nödvändigt för att fullgöra avtalet med oss.
requirement-pre-contract = Ja, det krävs för att ingå ett avtal med oss.
requirement-voluntary = Nej, det är frivilligt.

## Rättsliga grunder med enkla ord. `basis-short-NAME` är den korta formen (i tabellen),
## `basis-explain-NAME` förklarar grunden i en mening; $statute är lagen, eller "none".

basis-short-consent = samtycke
basis-short-explicit-consent = uttryckligt samtycke
basis-short-contract = avtal
basis-short-legal-obligation = rättslig förpliktelse
basis-short-vital-interests = grundläggande intressen
basis-short-public-task = uppgift av allmänt intresse
basis-short-legitimate-interest = berättigat intresse
basis-explain-consent = Vi behandlar uppgifterna eftersom du har samtyckt till det.
basis-explain-contract = Behandlingen är nödvändig för att fullgöra ett avtal med dig, eller för att vidta åtgärder på din begäran innan ett avtal ingås.
basis-explain-legal-obligation = { $statute ->
    [none] Behandlingen är nödvändig för att fullgöra en rättslig förpliktelse som åvilar oss.
   *[other] Behandlingen är nödvändig för att fullgöra en rättslig förpliktelse som åvilar oss enligt { $statute }.
}
basis-explain-vital-interests = Behandlingen är nödvändig för att skydda dina eller någon annans grundläggande intressen.
basis-explain-public-task = { $statute ->
    [none] Behandlingen är nödvändig för att utföra en uppgift av allmänt intresse eller som ett led i myndighetsutövning.
   *[other] Behandlingen är nödvändig för att utföra en uppgift av allmänt intresse eller som ett led i myndighetsutövning enligt { $statute }.
}
basis-explain-legitimate-interest = Behandlingen är nödvändig för ett berättigat intresse som vi har, och vi har bedömt att ditt intresse av skydd för dina personuppgifter inte väger tyngre.
gdpr-article = artikel { $article }{ $paragraph ->
    [none] {""}
   *[other] .{ $paragraph }
}{ $point ->
    [none] {""}
   *[other] {" "}{ $point }
}
gdpr-article-raw = artikel { $article }

## Lagringstid. $period är en tidsperiod, $event en händelse, $statute en lag.

retention-period = { $period } från det att uppgifterna samlades in
retention-duration = { $period }
retention-period-after = { $period } efter { $event }
retention-until = tills { $event }
retention-until-plus = till { $period } efter { $event }
retention-first-of = { $options }, beroende på vad som inträffar först
retention-up-to = upp till { $retention }
retention-statute = { $retention }, enligt kraven i { $statute }
retention-statute-stated = { $retention }, med hänvisning till { $statute }
retention-statute-only = så länge som { $statute } kräver
retention-indefinite = på obestämd tid, utan angivet slut
retention-indefinite-archiving = på obestämd tid, arkiverade för { $ground } (dataskyddsförordningen artikel 89)
archiving-ground-public-interest = arkivändamål av allmänt intresse
archiving-ground-scientific-research = vetenskapliga forskningsändamål
archiving-ground-historical-research = historiska forskningsändamål
archiving-ground-statistics = statistiska ändamål
retention-at-least = minst { $retention }, utan angiven övre gräns
retention-normally = normalt { $retention }; undantagen anges inte
retention-then-anonymise = { $retention }, och därefter anonymiserade i stället för raderade
statute-ref = { $statute }
statute-unknown = lagen

# Händelser vars benämning i standardbiblioteket inte passar efter "tills" eller "efter".
until-collection = uppgifterna samlas in
until-consent-withdrawn = du återkallar ditt samtycke
until-contract-end = avtalet upphör
until-customer-relationship-end = kundförhållandet upphör
until-account-closed = ditt konto avslutas
until-recruitment-end = rekryteringen är avslutad
until-claim-settled = anspråket är slutligt avgjort
until-objection-received = du invänder
until-no-longer-necessary = uppgifterna inte längre behövs
until-legitimate-interest-ends = det berättigade intresset upphör
until-statutory-obligation-ends = den lagstadgade skyldigheten upphör
until-delivery = varan har levererats
until-claim-due = fordran förfaller
until-last-contact = du senast hade kontakt med oss
until-end-of-accounting-year = räkenskapsåret har gått ut
until-end-of-calendar-year-of-accounting-year = det kalenderår då räkenskapsåret avslutades har gått ut
after-collection = att uppgifterna samlades in
after-consent-withdrawn = att du har återkallat ditt samtycke
after-contract-end = att avtalet har upphört
after-customer-relationship-end = att kundförhållandet har upphört
after-account-closed = att ditt konto har avslutats
after-recruitment-end = att rekryteringen har avslutats
after-claim-settled = att anspråket har avgjorts slutligt
after-objection-received = att du har invänt
after-no-longer-necessary = att uppgifterna inte längre behövs
after-legitimate-interest-ends = att det berättigade intresset har upphört
after-statutory-obligation-ends = att den lagstadgade skyldigheten har upphört
after-delivery = att du har fått varan
after-claim-due = att fordran förföll
after-last-contact = din senaste kontakt med oss
after-end-of-accounting-year = räkenskapsårets utgång
after-end-of-calendar-year-of-accounting-year = utgången av det kalenderår då räkenskapsåret avslutades
until-end-of-calendar-year = det kalenderår då handlingen upprättades har gått ut

## Mottagare

heading-recipients = Mottagare
recipients-intro = Vi delar personuppgifter med mottagarna nedan, ordnade efter den roll de har.
recipients-none = Vi delar inte personuppgifter med andra.
recipient-roles = Har även rollen
recipient-kind = Typ av mottagare
recipient-countries = Länder
recipient-arrangement = Det huvudsakliga innehållet i arrangemanget om gemensamt personuppgiftsansvar
recipient-receives = { $purposes ->
    [none] Får { $data }.
   *[other] Får { $data } för { $count ->
        [1] ändamålet
       *[other] ändamålen
    } { $purposes }.
}
role-group-processor = Personuppgiftsbiträden
role-intro-processor = Personuppgiftsbiträden behandlar personuppgifter för vår räkning och enligt våra instruktioner, enligt ett personuppgiftsbiträdesavtal med oss.
role-group-sub-processor = Underbiträden
role-intro-sub-processor = Underbiträden anlitas av något av våra personuppgiftsbiträden och behandlar uppgifterna på samma villkor.
role-group-joint-controller = Gemensamt personuppgiftsansvariga
role-intro-joint-controller = Gemensamt personuppgiftsansvariga bestämmer tillsammans med oss ändamålen med och medlen för behandlingen.
role-group-independent-controller = Självständigt personuppgiftsansvariga
role-intro-independent-controller = Dessa mottagare bestämmer själva hur de använder de uppgifter de får från oss och ansvarar själva för sin behandling.
role-group-group-company = Bolag i vår koncern
role-group-public-authority = Myndigheter
role-group-acquirer = Vid försäljning eller omorganisation av verksamheten
role-intro-acquirer = Om hela eller delar av verksamheten säljs, fusioneras eller omorganiseras kan uppgifterna överföras till den nya ägaren.
role-group-third-party = Tredje parter
role-group-none = Andra mottagare

## Överföring till länder utanför EES

heading-transfers = Överföring till länder utanför EES
transfers-intro = Vissa mottagare behandlar uppgifterna i länder utanför EES (tredjeländer). Nedan anges vilken grund för överföring varje överföring vilar på enligt kapitel V i dataskyddsförordningen.
transfers-none = Vi överför inte personuppgifter till länder utanför EES.
transfer-safeguard = Grund för överföring
transfer-instrument = Rättsakt
transfer-reference = Närmare uppgifter
transfer-copy = Så får du en kopia
transfer-valid-from = Gäller sedan { $date }
transfer-not-yet = Gäller först från { $date }
transfer-invalid = Ogiltig sedan { $date }{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
}
transfer-adequacy = Europeiska kommissionen har beslutat att { $country } säkerställer en adekvat skyddsnivå ({ $decision })
transfer-dpf-certified = Mottagaren är certifierad enligt ramverket.

## Profilering och automatiserade beslut

heading-automated = Profilering och automatiserade beslut
heading-profiling = Profilering
profiling-intro = Vi använder profilering, det vill säga automatiserad behandling av personuppgifter för att bedöma vissa personliga egenskaper hos dig, för dessa ändamål:
profiling-none = Vi använder inte dina personuppgifter för profilering.
heading-automated-decisions = Automatiserade beslut
automated-intro = För dessa ändamål fattar vi beslut som enbart grundas på automatiserad behandling och som har rättsliga följder för dig eller på liknande sätt i betydande grad påverkar dig:
automated-none = Vi fattar inga beslut som enbart grundas på automatiserad behandling och som har rättsliga följder för dig eller på liknande sätt i betydande grad påverkar dig.
automated-logic = Hur beslutet fattas
automated-significance = Vad beslutet betyder för dig
automated-consequences = Möjliga följder
automated-safeguards = Dina rättigheter

## Kakor

heading-cookies = Kakor (cookies)
cookies-intro = Vi använder kakor och liknande tekniker på vår webbplats:
cookies-none = Vi använder inte kakor eller liknande tekniker.
cookie-name = Namn
cookie-purpose = Ändamål
cookie-kind = Typ
cookie-lifetime = Livslängd
cookie-provider = Placeras av
cookie-consent = Samtycke
cookie-session = tills du stänger webbläsaren
cookie-consent-exempt = Krävs inte
cookie-used-for = Används för { $purposes }.

## Rättigheter

heading-rights = Dina rättigheter
rights-intro = Du har dessa rättigheter enligt dataskyddsförordningen:
rights-none = Integritetspolicyn anger inga rättigheter.
rights-exercise = Så utövar du dina rättigheter: { $how }
rights-exercise-default = Kontakta oss för att utöva dina rättigheter. Våra kontaktuppgifter finns under [Personuppgiftsansvarig](#controller).
right-desc-access = Du kan få veta om vi behandlar uppgifter om dig och få tillgång till och en kopia av uppgifterna.
right-desc-rectification = Du kan begära att vi rättar felaktiga uppgifter om dig och kompletterar ofullständiga uppgifter.
right-desc-erasure = Du kan begära att vi raderar uppgifter om dig, till exempel när de inte längre behövs för ändamålet.
right-desc-restriction = Du kan begära att vi begränsar behandlingen, till exempel medan vi kontrollerar om uppgifterna är korrekta.
right-desc-portability = Du kan få ut de uppgifter du har lämnat till oss i ett strukturerat, maskinläsbart format och begära att vi överför dem till en annan personuppgiftsansvarig.
right-desc-object = Du kan, av skäl som hänför sig till din specifika situation, invända mot behandling som grundar sig på berättigat intresse eller på en uppgift av allmänt intresse.
right-desc-automated-decisions = Du har rätt att inte bli föremål för ett beslut som enbart grundas på automatiserad behandling och som har rättsliga följder för dig eller på liknande sätt i betydande grad påverkar dig.

heading-object-direct-marketing = Rätten att invända mot direktmarknadsföring
dm-intro = Du har rätt att när som helst invända mot att vi behandlar dina personuppgifter för direktmarknadsföring, inbegripet profilering som har samband med sådan marknadsföring. Om du invänder slutar vi att använda uppgifterna för detta ändamål.
dm-purposes = Detta gäller { $purposes }.
dm-how = Så invänder du: { $how }
dm-none = Vi använder inte dina personuppgifter för direktmarknadsföring.

heading-withdraw-consent = Återkalla samtycke
withdraw-intro = När behandlingen grundar sig på samtycke kan du när som helst återkalla ditt samtycke. Det ska vara lika lätt att återkalla som att ge samtycket. Återkallandet påverkar inte lagligheten i behandlingen innan samtycket återkallades.
withdraw-how = Så återkallar du samtycket: { $how }
withdraw-none = Ingen behandling grundar sig på samtycke.

heading-complaint = Klagomål till tillsynsmyndigheten
complaint-intro = Om du anser att vi behandlar dina personuppgifter i strid med dataskyddsreglerna kan du lämna in ett klagomål till tillsynsmyndigheten.
complaint-authority = Tillsynsmyndighet

## Översättning

heading-translation = Om översättningen
translation-note = { $count ->
    [1] En text i denna integritetspolicy har inte översatts till svenska. Den visas på originalspråket, märkt med sin språkkod ({ $languages }).
   *[other] { $count } texter i denna integritetspolicy har inte översatts till svenska. De visas på originalspråket, märkta med sin språkkod ({ $languages }).
}

## HTML-sidan

toc-title = Innehåll
skip-link = Hoppa till innehållet

# Scopes: a right granted to some groups of data subjects only (`access for pupil`), data that is
# optional (`uses phone if-provided`) or collected about some groups only (`uses education for pupil`).
right-applies-to = Gäller: { $subjects }.
data-if-provided = endast om du själv uppger det
data-only-about = gäller endast: { $subjects }
## Flera personuppgiftsansvariga, gemensamt personuppgiftsansvar (dataskyddsförordningen artikel 26) och behandling för andras räkning

controllers-intro-several = { $names } är personuppgiftsansvariga för den behandling av personuppgifter som beskrivs i denna integritetspolicy. Under varje ändamål anges vem av dem som ansvarar för det.
dpo-none-other = Inte utsett.
purpose-controller = Personuppgiftsansvarig
purpose-controllers-joint = { $names } gemensamt (se [Gemensamt personuppgiftsansvariga](#{ $id }))
heading-joint = Gemensamt personuppgiftsansvariga
joint-intro = En del av behandlingen bestämmer flera personuppgiftsansvariga gemensamt. De har kommit överens om vem som gör vad (dataskyddsförordningen artikel 26).
joint-controllers = Personuppgiftsansvariga
joint-purposes = Ändamål
joint-duties = Vem gör vad
joint-duty-notice = Att ge dig informationen i denna integritetspolicy
joint-duty-rights = Att svara när du vill utöva dina rättigheter
joint-duty-consent = Att be om och registrera samtycke
joint-duty-security = Att skydda uppgifterna
joint-duty-breach = Att anmäla och informera om personuppgiftsincidenter
joint-duty-dpia = Att bedöma konsekvenserna för dataskyddet
joint-duty-processors = Att anlita och instruera personuppgiftsbiträden
joint-essence = Det väsentliga innehållet i arrangemanget
joint-contact = Kontaktpunkt
joint-rights-each = Oavsett vad arrangemanget säger kan du utöva dina rättigheter gentemot var och en av de personuppgiftsansvariga.
heading-on-behalf = Behandling för andras räkning
on-behalf = { $name } behandlar också personuppgifter som personuppgiftsbiträde för andras räkning: { $whom }. För den behandlingen är det de som är personuppgiftsansvariga, och denna integritetspolicy omfattar den inte: vänd dig till dem med frågor och begäranden om den.
