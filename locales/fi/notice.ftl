### Tietosuojaseloste: kiinteät sanamuodot suomeksi.
###
### Viestit voi korvata yksitellen komennolla `vern notice --templates DIR` (DIR/fi/notice.ftl).
### Argumentit ($name, $text, ...) ovat valmiiksi Markdownia: selosteen tekstit on jo suojattu.
### Käsitteet noudattavat tietosuoja-asetuksen suomenkielistä toisintoa (EUR-Lex, CELEX 32016R0679)
### ja tietosuojavaltuutetun toimiston kielenkäyttöä: rekisterinpitäjä, henkilötietojen käsittelijä,
### tietosuojavastaava, rekisteröity, kolmas maa, valvontaviranomainen. Argumentteja ei taivuteta:
### lauseet on muotoiltu niin, että nimet ja tekstit toimivat perusmuodossa.

## Yleistä

title-default = Tietosuojaseloste
not-stated = Ei ilmoitettu.
not-stated-short = Ei ilmoitettu
yes = Kyllä.
list-and = ja
list-or = tai
# Merkitsee kääntämättömän tekstin, esim. "[nb] Nyhetsbrev".
fallback-marker = \[{ $lang }\]

## Päivämäärät ja ajanjaksot

date = { $day }. { $month ->
    [1] tammikuuta
    [2] helmikuuta
    [3] maaliskuuta
    [4] huhtikuuta
    [5] toukokuuta
    [6] kesäkuuta
    [7] heinäkuuta
    [8] elokuuta
    [9] syyskuuta
    [10] lokakuuta
    [11] marraskuuta
   *[12] joulukuuta
} { $year }
duration-years = { $n ->
    [one] 1 vuosi
   *[other] { $n } vuotta
}
duration-months = { $n ->
    [one] 1 kuukausi
   *[other] { $n } kuukautta
}
duration-days = { $n ->
    [one] 1 päivä
   *[other] { $n } päivää
}

## Johdanto

updated = Päivitetty viimeksi { $date }.
updated-missing = Viimeisimmän päivityksen päivämäärää ei ole ilmoitettu.
version = Versio { $version }.
published-at = Tämä tietosuojaseloste on julkaistu osoitteessa { $url }.

## Lyhyesti

heading-summary = Lyhyesti
summary-intro = Taulukosta näet, mihin käytämme henkilötietoja, millä oikeusperusteella ja kuinka kauan säilytämme niitä. Kustakin käyttötarkoituksesta kerrotaan tarkemmin alempana.
summary-purpose = Käyttötarkoitus
summary-data = Henkilötiedot
summary-basis = Oikeusperuste
summary-retention = Säilytysaika
summary-none = Tietosuojaselosteessa ei ilmoiteta käyttötarkoituksia.
summary-rights = Oikeuksiisi kuuluvat: { $rights }. Katso [Oikeutesi](#rights).
summary-rights-unstated = Tietosuojaselosteessa ei ilmoiteta oikeuksiasi.
summary-direct-marketing = Voit milloin tahansa vastustaa tietojesi käyttöä suoramarkkinointiin. Katso [Oikeus vastustaa suoramarkkinointia](#object-direct-marketing).

## Rekisterinpitäjä

heading-controller = Rekisterinpitäjä
controller-intro = Tässä tietosuojaselosteessa kuvatun henkilötietojen käsittelyn rekisterinpitäjä: { $name }.
controller-missing = Tietosuojaselosteessa ei ilmoiteta, kuka on rekisterinpitäjä.
contact-name = Nimi
contact-org-number = Y-tunnus
contact-address = Osoite
contact-email = Sähköposti
contact-phone = Puhelin
contact-web = Verkkosivusto
contact-country = Maa
heading-dpo = Tietosuojavastaava
dpo-intro = Olemme nimittäneet tietosuojavastaavan. Voit ottaa yhteyttä tietosuojavastaavaan kaikissa henkilötietojesi käsittelyyn ja oikeuksiesi käyttämiseen liittyvissä asioissa.
dpo-appointed-no-contact = Olemme nimittäneet tietosuojavastaavan. Tietosuojaselosteessa ei ilmoiteta, miten tietosuojavastaavaan saa yhteyden.
dpo-none = Emme ole nimittäneet tietosuojavastaavaa. Voit lähettää tietosuojaa koskevat kysymykset meille rekisterinpitäjänä.
heading-representative = Edustaja
representative-intro = Edustajamme, johon voit myös ottaa yhteyttä henkilötietojesi käsittelyä koskevissa asioissa:

## Tiedot

heading-data = Käsittelemämme henkilötiedot
heading-categories = Henkilötietoryhmät
data-intro = Käsittelemme seuraavia henkilötietoryhmiä:
data-includes = Sisältää: { $items }.
data-special = erityinen henkilötietoryhmä
data-criminal = rikostuomioita ja rikoksia koskevia tietoja
data-pseudonymised = pseudonymisoitu, edelleen henkilötieto
data-anonymous = anonyymi tieto, ei henkilötieto
data-justification = Miksi tarvitsemme henkilötunnuksen
data-none = Tietosuojaselosteessa ei ilmoiteta henkilötietoja.
heading-subjects = Keitä tiedot koskevat
subjects-intro = Tiedot koskevat seuraavia henkilöryhmiä:
heading-sources = Mistä tiedot saadaan
source-subject = Sinulta
source-observed = Tallentuu, kun käytät verkkosivustoamme tai palvelujamme
source-derived = Johdettu muista sinusta meillä olevista tiedoista
source-third-party = Muilta kuin sinulta
source-public = Julkisesti saatavilla olevista lähteistä
source-unstated = Lähdettä ei ilmoitettu
sources-none-from-others = Emme hanki sinua koskevia tietoja muilta.

## Käyttötarkoitukset ja oikeusperusteet

heading-purposes = Käyttötarkoitukset ja oikeusperusteet
purposes-intro = Tässä kerrotaan, mihin käytämme henkilötietoja, ja kunkin käyttötarkoituksen oikeusperuste tietosuoja-asetuksen 6 artiklan mukaan.
purposes-no-legitimate-interest = Mikään käsittely ei perustu oikeutettuun etuun.
purpose-data = Henkilötiedot
purpose-subjects = Koskee
purpose-basis = Oikeusperuste
purpose-when = Jos { $when }
purpose-interest = Oikeutettu etumme
purpose-balancing = Intressivertailu
purpose-consent-collected = Miten pyydämme suostumusta
purpose-consent-withdraw = Miten peruutat suostumuksen
purpose-consent-withdraw-default = Katso [Suostumuksen peruuttaminen](#withdraw-consent).
purpose-condition = Erityisiin henkilötietoryhmiin kuuluvien tietojen käsittelyn edellytys
purpose-retention = Säilytysaika
purpose-requirement = Onko sinun annettava tiedot?
purpose-direct-marketing = Suoramarkkinointi
purpose-dm-yes = kyllä
purpose-dm-channels = kanavat: { $channels }
purpose-dm-object = Voit vastustaa milloin tahansa, katso [Oikeus vastustaa suoramarkkinointia](#object-direct-marketing).
purpose-soft-opt-in = Markkinointi nykyisille asiakkaille
purpose-profiling = Profilointi
purpose-automated = Automatisoidut päätökset
purpose-automated-none = Ei, emme tee sinua koskevia päätöksiä, jotka perustuvat pelkästään automaattiseen käsittelyyn.
purpose-automated-significant = Kyllä, katso [Automatisoidut päätökset](#automated).

requirement-statutory = Kyllä, se on lakisääteinen vaatimus.
requirement-contractual = Kyllä, se on tarpeen kanssamme tehdyn sopimuksen täyttämiseksi.
requirement-pre-contract = Kyllä, se on edellytys sopimuksen tekemiselle kanssamme.
requirement-voluntary = Ei, se on vapaaehtoista.

## Oikeusperusteet selkokielellä. `basis-short-NAME` on lyhyt muoto (taulukossa), `basis-explain-NAME`
## selittää perusteen yhdellä virkkeellä; $statute on laki tai "none".

basis-short-consent = suostumus
basis-short-explicit-consent = nimenomainen suostumus
basis-short-contract = sopimus
basis-short-legal-obligation = lakisääteinen velvoite
basis-short-vital-interests = elintärkeät edut
basis-short-public-task = yleisen edun mukainen tehtävä
basis-short-legitimate-interest = oikeutettu etu
basis-explain-consent = Käsittelemme tietoja, koska olet antanut siihen suostumuksesi.
basis-explain-contract = Käsittely on tarpeen kanssasi tehdyn sopimuksen täyttämiseksi tai pyynnöstäsi ennen sopimuksen tekemistä toteutettavien toimenpiteiden toteuttamiseksi.
basis-explain-legal-obligation = { $statute ->
    [none] Käsittely on tarpeen meitä koskevan lakisääteisen velvoitteen noudattamiseksi.
   *[other] Käsittely on tarpeen meitä koskevan lakisääteisen velvoitteen noudattamiseksi (peruste: { $statute }).
}
basis-explain-vital-interests = Käsittely on tarpeen sinun tai toisen henkilön elintärkeiden etujen suojaamiseksi.
basis-explain-public-task = { $statute ->
    [none] Käsittely on tarpeen yleistä etua koskevan tehtävän suorittamiseksi tai julkisen vallan käyttämiseksi.
   *[other] Käsittely on tarpeen yleistä etua koskevan tehtävän suorittamiseksi tai julkisen vallan käyttämiseksi (peruste: { $statute }).
}
basis-explain-legitimate-interest = Käsittely on tarpeen oikeutetun etumme toteuttamiseksi, ja olemme arvioineet, että etusi henkilötietojesi suojaan eivät syrjäytä sitä.
gdpr-article = { $article } artiklan{ $paragraph ->
    [none] {""}
   *[other] {" "}{ $paragraph } kohdan
}{ $point ->
    [none] {""}
   *[other] {" "}{ $point } alakohta
}
gdpr-article-raw = { $article } artikla

## Säilytys. $period on ajanjakso, $event tapahtuma, $statute laki.

retention-period = { $period } tietojen keräämisestä
retention-duration = { $period }
retention-period-after = { $period } { $event } jälkeen
retention-until = kunnes { $event }
retention-until-plus = { $period } { $event } jälkeen
retention-first-of = { $options }, sen mukaan kumpi tapahtuu ensin
retention-up-to = enintään { $retention }
retention-statute = { $retention } (edellyttää: { $statute })
retention-statute-stated = { $retention } (viittaus: { $statute })
retention-statute-only = niin kauan kuin laki edellyttää ({ $statute })
retention-indefinite = toistaiseksi, ilman ilmoitettua päättymistä
retention-indefinite-archiving = toistaiseksi, arkistoituna seuraaviin tarkoituksiin: { $ground } (tietosuoja-asetuksen 89 artikla)
archiving-ground-public-interest = yleisen edun mukaiset arkistointitarkoitukset
archiving-ground-scientific-research = tieteelliset tutkimustarkoitukset
archiving-ground-historical-research = historialliset tutkimustarkoitukset
archiving-ground-statistics = tilastolliset tarkoitukset
retention-at-least = vähintään { $retention }, ilman ilmoitettua enimmäisaikaa
retention-normally = tavallisesti { $retention }; poikkeuksia ei ilmoiteta
retention-then-anonymise = { $retention }, minkä jälkeen tiedot anonymisoidaan poistamisen sijaan
statute-ref = { $statute }
statute-unknown = laki

# Tapahtumat kahdessa muodossa: "kunnes ..." -sivulauseena ja "... jälkeen" -genetiivinä.
until-collection = tiedot kerätään
until-consent-withdrawn = peruutat suostumuksesi
until-contract-end = sopimus päättyy
until-customer-relationship-end = asiakassuhde päättyy
until-account-closed = tilisi suljetaan
until-recruitment-end = rekrytointi on päättynyt
until-claim-settled = vaatimus on ratkaistu lopullisesti
until-objection-received = vastustat käsittelyä
until-no-longer-necessary = tietoja ei enää tarvita
until-legitimate-interest-ends = oikeutettu etu lakkaa
until-statutory-obligation-ends = lakisääteinen velvollisuus päättyy
until-delivery = tuote on toimitettu
until-claim-due = saatava erääntyy
until-last-contact = viimeisin yhteydenottosi meihin on tapahtunut
until-end-of-accounting-year = tilikausi päättyy
until-end-of-calendar-year-of-accounting-year = sen kalenterivuoden loppu, jona tilikausi päättyi, on käsillä
after-collection = tietojen keräämisen
after-consent-withdrawn = suostumuksesi peruuttamisen
after-contract-end = sopimuksen päättymisen
after-customer-relationship-end = asiakassuhteen päättymisen
after-account-closed = tilisi sulkemisen
after-recruitment-end = rekrytoinnin päättymisen
after-claim-settled = vaatimuksen lopullisen ratkaisemisen
after-objection-received = vastustuksesi
after-no-longer-necessary = tarpeen päättymisen
after-legitimate-interest-ends = oikeutetun edun lakkaamisen
after-statutory-obligation-ends = lakisääteisen velvollisuuden päättymisen
after-delivery = tuotteen toimituksen
after-claim-due = saatavan erääntymisen
after-last-contact = viimeisimmän yhteydenottosi
after-end-of-accounting-year = tilikauden päättymisen
after-end-of-calendar-year-of-accounting-year = tilikauden päättymisvuoden lopun
after-end-of-calendar-year = asiakirjan syntymisvuoden päättymisen
until-end-of-calendar-year = asiakirjan syntymisvuosi päättyy

## Vastaanottajat

heading-recipients = Vastaanottajat
recipients-intro = Luovutamme henkilötietoja alla mainituille vastaanottajille. Vastaanottajat on ryhmitelty roolinsa mukaan.
recipients-none = Emme luovuta henkilötietoja muille.
recipient-roles = Myös rooli
recipient-kind = Vastaanottajan tyyppi
recipient-countries = Maat
recipient-arrangement = Yhteisrekisterinpitäjiä koskevan järjestelyn keskeinen sisältö
recipient-receives = { $purposes ->
    [none] Vastaanottaa: { $data }.
   *[other] Vastaanottaa: { $data }. { $count ->
        [one] Käyttötarkoitus
       *[other] Käyttötarkoitukset
    }: { $purposes }.
}
role-group-processor = Henkilötietojen käsittelijät
role-intro-processor = Käsittelijät käsittelevät henkilötietoja puolestamme ja ohjeidemme mukaisesti kanssamme tehdyn käsittelysopimuksen perusteella.
role-group-sub-processor = Alihankkijat
role-intro-sub-processor = Alihankkijat ovat jonkin käsittelijämme käyttämiä muita käsittelijöitä, ja ne käsittelevät tietoja samoin ehdoin.
role-group-joint-controller = Yhteisrekisterinpitäjät
role-intro-joint-controller = Yhteisrekisterinpitäjät määrittävät yhdessä kanssamme käsittelyn tarkoitukset ja keinot.
role-group-independent-controller = Itsenäiset rekisterinpitäjät
role-intro-independent-controller = Nämä vastaanottajat päättävät itse, miten ne käyttävät meiltä saamiaan tietoja, ja vastaavat itse omasta käsittelystään.
role-group-group-company = Konserniyhtiömme
role-group-public-authority = Viranomaiset
role-group-acquirer = Liiketoiminnan myynti tai uudelleenjärjestely
role-intro-acquirer = Jos liiketoiminta tai osa siitä myydään, sulautetaan tai järjestellään uudelleen, tiedot voidaan siirtää uudelle omistajalle.
role-group-third-party = Kolmannet osapuolet
role-group-none = Muut vastaanottajat

## Siirrot ETA-alueen ulkopuolelle

heading-transfers = Siirrot ETA-alueen ulkopuolelle
transfers-intro = Jotkin vastaanottajat käsittelevät tietoja ETA-alueen ulkopuolisissa maissa (kolmansissa maissa). Alla kerrotaan, mihin tietosuoja-asetuksen V luvun mukaiseen siirtoperusteeseen kukin siirto perustuu.
transfers-none = Emme siirrä henkilötietoja ETA-alueen ulkopuolisiin maihin.
transfer-safeguard = Siirtoperuste
transfer-instrument = Säädös
transfer-reference = Tarkemmat tiedot
transfer-copy = Miten saat jäljennöksen
transfer-valid-from = Voimassa { $date } alkaen
transfer-not-yet = Voimassa vasta { $date } alkaen
transfer-invalid = Pätemätön { $date } alkaen{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
}
transfer-adequacy = Euroopan komissio on päättänyt, että tietosuojan taso on riittävä (maa: { $country }; päätös: { $decision })
transfer-dpf-certified = Vastaanottaja on sertifioitu kehyksen mukaisesti.

## Profilointi ja automatisoidut päätökset

heading-automated = Profilointi ja automatisoidut päätökset
heading-profiling = Profilointi
profiling-intro = Käytämme profilointia eli henkilötietojen automaattista käsittelyä sinuun liittyvien henkilökohtaisten ominaisuuksien arvioimiseksi seuraaviin tarkoituksiin:
profiling-none = Emme käytä sinua koskevia henkilötietoja profilointiin.
heading-automated-decisions = Automatisoidut päätökset
automated-intro = Näihin tarkoituksiin teemme pelkästään automaattiseen käsittelyyn perustuvia päätöksiä, joilla on sinua koskevia oikeusvaikutuksia tai jotka vaikuttavat sinuun vastaavalla tavalla merkittävästi:
automated-none = Emme tee pelkästään automaattiseen käsittelyyn perustuvia päätöksiä, joilla on sinua koskevia oikeusvaikutuksia tai jotka vaikuttavat sinuun vastaavalla tavalla merkittävästi.
automated-logic = Miten päätös tehdään
automated-significance = Mitä päätös merkitsee sinulle
automated-consequences = Mahdolliset seuraukset
automated-safeguards = Oikeutesi

## Evästeet

heading-cookies = Evästeet
cookies-intro = Käytämme verkkosivustollamme evästeitä ja vastaavia tekniikoita:
cookies-none = Emme käytä evästeitä tai vastaavia tekniikoita.
cookie-name = Nimi
cookie-purpose = Käyttötarkoitus
cookie-kind = Tyyppi
cookie-lifetime = Voimassaoloaika
cookie-provider = Asettaja
cookie-consent = Suostumus
cookie-session = kunnes suljet selaimen
cookie-consent-exempt = Ei tarvita
cookie-used-for = Käyttötarkoitus: { $purposes }.

## Oikeudet

heading-rights = Oikeutesi
rights-intro = Sinulla on tietosuoja-asetuksen mukaan seuraavat oikeudet:
rights-none = Tietosuojaselosteessa ei ilmoiteta oikeuksia.
rights-exercise = Näin käytät oikeuksiasi: { $how }
rights-exercise-default = Ota meihin yhteyttä käyttääksesi oikeuksiasi. Yhteystietomme ovat kohdassa [Rekisterinpitäjä](#controller).
right-desc-access = Voit saada tietää, käsittelemmekö sinua koskevia tietoja, ja saada pääsyn tietoihin sekä jäljennöksen niistä.
right-desc-rectification = Voit pyytää meitä oikaisemaan sinua koskevat virheelliset tiedot ja täydentämään puutteelliset tiedot.
right-desc-erasure = Voit pyytää meitä poistamaan sinua koskevat tiedot, esimerkiksi kun niitä ei enää tarvita käyttötarkoitukseen.
right-desc-restriction = Voit pyytää meitä rajoittamaan käsittelyä, esimerkiksi sillä aikaa kun tarkistamme tietojen paikkansapitävyyden.
right-desc-portability = Voit saada meille antamasi tiedot jäsennellyssä, koneluettavassa muodossa ja pyytää meitä siirtämään ne toiselle rekisterinpitäjälle.
right-desc-object = Voit henkilökohtaiseen erityiseen tilanteeseesi liittyvällä perusteella vastustaa käsittelyä, joka perustuu oikeutettuun etuun tai yleistä etua koskevaan tehtävään.
right-desc-automated-decisions = Sinulla on oikeus olla joutumatta sellaisen päätöksen kohteeksi, joka perustuu pelkästään automaattiseen käsittelyyn ja jolla on sinua koskevia oikeusvaikutuksia tai joka vaikuttaa sinuun vastaavalla tavalla merkittävästi.

heading-object-direct-marketing = Oikeus vastustaa suoramarkkinointia
dm-intro = Sinulla on oikeus milloin tahansa vastustaa henkilötietojesi käsittelyä suoramarkkinointia varten, mukaan lukien tällaiseen markkinointiin liittyvä profilointi. Jos vastustat, lopetamme tietojen käytön tähän tarkoitukseen.
dm-purposes = Tämä koskee seuraavia: { $purposes }.
dm-how = Näin vastustat: { $how }
dm-none = Emme käytä sinua koskevia henkilötietoja suoramarkkinointiin.

heading-withdraw-consent = Suostumuksen peruuttaminen
withdraw-intro = Kun käsittely perustuu suostumukseen, voit peruuttaa suostumuksesi milloin tahansa. Suostumuksen peruuttamisen on oltava yhtä helppoa kuin sen antamisen. Peruuttaminen ei vaikuta ennen peruuttamista suoritetun käsittelyn lainmukaisuuteen.
withdraw-how = Näin peruutat suostumuksen: { $how }
withdraw-none = Mikään käsittely ei perustu suostumukseen.

heading-complaint = Valitus valvontaviranomaiselle
complaint-intro = Jos katsot, että käsittelemme sinua koskevia henkilötietoja tietosuojalainsäädännön vastaisesti, voit tehdä valituksen valvontaviranomaiselle.
complaint-authority = Valvontaviranomainen

## Käännös

heading-translation = Käännöksestä
translation-note = { $count ->
    [one] Yhtä tämän tietosuojaselosteen tekstiä ei ole käännetty suomeksi. Se näytetään alkuperäiskielellä, ja se on merkitty kielikoodilla ({ $languages }).
   *[other] { $count } tämän tietosuojaselosteen tekstiä ei ole käännetty suomeksi. Ne näytetään alkuperäiskielellä, ja ne on merkitty kielikoodilla ({ $languages }).
}

## HTML-sivu

toc-title = Sisällys
skip-link = Siirry sisältöön

# Scopes: a right granted to some groups of data subjects only (`access for pupil`), data that is
# optional (`uses phone if-provided`) or collected about some groups only (`uses education for pupil`).
right-applies-to = Koskee: { $subjects }.
data-if-provided = vain jos annat tiedon itse
data-only-about = koskee vain: { $subjects }
## Useita rekisterinpitäjiä, yhteisrekisterinpitäjät (tietosuoja-asetuksen 26 artikla) ja käsittely muiden lukuun

controllers-intro-several = Tässä tietosuojaselosteessa kuvatun henkilötietojen käsittelyn rekisterinpitäjät: { $names }. Kunkin käyttötarkoituksen kohdalla kerrotaan, kuka heistä vastaa siitä.
dpo-none-other = Ei nimitetty.
purpose-controller = Rekisterinpitäjä
purpose-controllers-joint = { $names } yhdessä (katso [Yhteisrekisterinpitäjät](#{ $id }))
heading-joint = Yhteisrekisterinpitäjät
joint-intro = Osasta käsittelyä päättää useampi rekisterinpitäjä yhdessä. He ovat sopineet keskenään, kuka tekee mitäkin (tietosuoja-asetuksen 26 artikla).
joint-controllers = Rekisterinpitäjät
joint-purposes = Käyttötarkoitukset
joint-duties = Kuka tekee mitä
joint-duty-notice = Tämän tietosuojaselosteen tietojen antaminen sinulle
joint-duty-rights = Oikeuksiesi käyttämistä koskeviin pyyntöihin vastaaminen
joint-duty-consent = Suostumusten pyytäminen ja kirjaaminen
joint-duty-security = Tietojen suojaaminen
joint-duty-breach = Henkilötietojen tietoturvaloukkauksista ilmoittaminen
joint-duty-dpia = Tietosuojaa koskeva vaikutustenarviointi
joint-duty-processors = Henkilötietojen käsittelijöiden valtuuttaminen ja ohjeistaminen
joint-essence = Järjestelyn keskeinen sisältö
joint-contact = Yhteyspiste
joint-rights-each = Järjestelyn ehdoista riippumatta voit käyttää oikeuksiasi kunkin rekisterinpitäjän osalta ja kutakin rekisterinpitäjää vastaan.
heading-on-behalf = Käsittely muiden lukuun
on-behalf = { $name } käsittelee henkilötietoja myös henkilötietojen käsittelijänä muiden lukuun: { $whom }. Tässä käsittelyssä he ovat rekisterinpitäjiä, eikä tämä tietosuojaseloste koske sitä: käänny heidän puoleensa sitä koskevissa kysymyksissä ja pyynnöissä.
