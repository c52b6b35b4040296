### Datenschutzerklärung: feste Formulierungen auf Deutsch.
###
### Die Meldungen lassen sich einzeln mit `vern notice --templates DIR` ersetzen (DIR/de/notice.ftl).
### Die Argumente ($name, $text, ...) sind bereits Markdown: Texte aus der Richtlinie sind maskiert.
### Die Begriffe folgen der deutschen Sprachfassung der Datenschutz-Grundverordnung (EUR-Lex, CELEX
### 32016R0679) und dem Sprachgebrauch der Datenschutzkonferenz (DSK): Verantwortlicher,
### Auftragsverarbeiter, Datenschutzbeauftragter, betroffene Person, Drittland, Aufsichtsbehörde.

## Allgemeines

title-default = Datenschutzerklärung
not-stated = Nicht angegeben.
not-stated-short = Nicht angegeben
yes = Ja.
list-and = und
list-or = oder
# Kennzeichnet einen nicht übersetzten Text, z. B. "[nb] Nyhetsbrev".
fallback-marker = \[{ $lang }\]

## Daten und Fristen

date = { $day }. { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
} { $year }
duration-years = { $n ->
    [1] 1 Jahr
   *[other] { $n } Jahre
}
duration-months = { $n ->
    [1] 1 Monat
   *[other] { $n } Monate
}
duration-days = { $n ->
    [1] 1 Tag
   *[other] { $n } Tage
}

## Einleitung

updated = Zuletzt aktualisiert am { $date }.
updated-missing = Das Datum der letzten Aktualisierung ist nicht angegeben.
version = Version { $version }.
published-at = Diese Datenschutzerklärung ist unter { $url } veröffentlicht.

## Auf einen Blick

heading-summary = Auf einen Blick
summary-intro = Die Tabelle zeigt, wofür wir personenbezogene Daten verwenden, auf welcher Rechtsgrundlage und wie lange wir sie speichern. Näheres zu jedem Zweck folgt weiter unten.
summary-purpose = Zweck
summary-data = Personenbezogene Daten
summary-basis = Rechtsgrundlage
summary-retention = Speicherdauer
summary-none = Die Datenschutzerklärung nennt keine Zwecke.
summary-rights = Zu Ihren Rechten gehören { $rights }. Siehe [Ihre Rechte](#rights).
summary-rights-unstated = Die Datenschutzerklärung nennt Ihre Rechte nicht.
summary-direct-marketing = Sie können der Verwendung Ihrer Daten für Direktwerbung jederzeit widersprechen. Siehe [Widerspruchsrecht gegen Direktwerbung](#object-direct-marketing).

## Verantwortlicher

heading-controller = Verantwortlicher
controller-intro = Verantwortlich für die in dieser Datenschutzerklärung beschriebene Verarbeitung personenbezogener Daten ist: { $name }.
controller-missing = Die Datenschutzerklärung nennt den Verantwortlichen nicht.
contact-name = Name
contact-org-number = Registernummer
contact-address = Anschrift
contact-email = E-Mail
contact-phone = Telefon
contact-web = Website
contact-country = Land
heading-dpo = Datenschutzbeauftragter
dpo-intro = Wir haben einen Datenschutzbeauftragten benannt. Sie können sich in allen Fragen zur Verarbeitung Ihrer personenbezogenen Daten und zur Ausübung Ihrer Rechte an den Datenschutzbeauftragten wenden.
dpo-appointed-no-contact = Wir haben einen Datenschutzbeauftragten benannt. Die Datenschutzerklärung nennt nicht, wie der Datenschutzbeauftragte zu erreichen ist.
dpo-none = Wir haben keinen Datenschutzbeauftragten benannt. Fragen zum Datenschutz können Sie an uns als Verantwortlichen richten.
heading-representative = Vertreter
representative-intro = Unser Vertreter, an den Sie sich ebenfalls zur Verarbeitung Ihrer personenbezogenen Daten wenden können:

## Die Daten

heading-data = Welche personenbezogenen Daten wir verarbeiten
heading-categories = Kategorien personenbezogener Daten
data-intro = Wir verarbeiten diese Kategorien personenbezogener Daten:
data-includes = Umfasst { $items }.
data-special = besondere Kategorie personenbezogener Daten
data-criminal = Daten über Straftaten
data-pseudonymised = pseudonymisiert, weiterhin personenbezogene Daten
data-anonymous = anonyme Daten, keine personenbezogenen Daten
data-justification = Warum wir die Identifikationsnummer benötigen
data-none = Die Datenschutzerklärung nennt keine personenbezogenen Daten.
heading-subjects = Wen die Daten betreffen
subjects-intro = Die Daten betreffen diese Gruppen von Personen:
heading-sources = Woher die Daten stammen
source-subject = Von Ihnen
source-observed = Bei der Nutzung unserer Website oder Dienste erfasst
source-derived = Aus anderen Daten abgeleitet, die wir über Sie haben
source-third-party = Von anderen als Ihnen
source-public = Aus öffentlich zugänglichen Quellen
source-unstated = Quelle nicht angegeben
sources-none-from-others = Wir erheben keine Daten über Sie bei anderen.

## Zwecke und Rechtsgrundlagen

heading-purposes = Zwecke und Rechtsgrundlagen
purposes-intro = Hier steht, wofür wir personenbezogene Daten verwenden, und die Rechtsgrundlage nach Artikel 6 DSGVO für jeden Zweck.
purposes-no-legitimate-interest = Keine Verarbeitung beruht auf berechtigten Interessen.
purpose-data = Personenbezogene Daten
purpose-subjects = Betrifft
purpose-basis = Rechtsgrundlage
purpose-when = Wenn { $when }
purpose-interest = Unser berechtigtes Interesse
purpose-balancing = Die Interessenabwägung
purpose-consent-collected = Wie wir um Einwilligung bitten
purpose-consent-withdraw = Wie Sie die Einwilligung widerrufen
purpose-consent-withdraw-default = Siehe [Widerruf der Einwilligung](#withdraw-consent).
purpose-condition = Bedingung für die Verarbeitung besonderer Kategorien personenbezogener Daten
purpose-retention = Speicherdauer
purpose-requirement = Müssen Sie uns die Daten bereitstellen?
purpose-direct-marketing = Direktwerbung
purpose-dm-yes = ja
purpose-dm-channels = per { $channels }
purpose-dm-object = Sie können jederzeit widersprechen, siehe [Widerspruchsrecht gegen Direktwerbung](#object-direct-marketing).
purpose-soft-opt-in = Werbung gegenüber Bestandskunden
purpose-profiling = Profiling
purpose-automated = Automatisierte Entscheidungen
purpose-automated-none = Nein, wir treffen keine Entscheidungen über Sie, die ausschließlich auf einer automatisierten Verarbeitung beruhen.
purpose-automated-significant = Ja, siehe [Automatisierte Entscheidungen](#automated).

requirement-statutory = Ja, das ist gesetzlich vorgeschrieben.
requirement-contractual = Ja, das ist für die Erfüllung des Vertrags mit uns erforderlich.
requirement-pre-contract = Ja, das ist für einen Vertragsabschluss mit uns erforderlich.
requirement-voluntary = Nein, das ist freiwillig.

## Rechtsgrundlagen in einfachen Worten. `basis-short-NAME` ist die Kurzform (in der Tabelle),
## `basis-explain-NAME` erklärt die Grundlage in einem Satz; $statute ist das Gesetz, oder "none".

basis-short-consent = Einwilligung
basis-short-explicit-consent = ausdrückliche Einwilligung
basis-short-contract = Vertrag
basis-short-legal-obligation = rechtliche Verpflichtung
basis-short-vital-interests = lebenswichtige Interessen
basis-short-public-task = Aufgabe im öffentlichen Interesse
basis-short-legitimate-interest = berechtigte Interessen
basis-explain-consent = Wir verarbeiten die Daten, weil Sie darin eingewilligt haben.
basis-explain-contract = Die Verarbeitung ist für die Erfüllung eines Vertrags mit Ihnen oder zur Durchführung vorvertraglicher Maßnahmen auf Ihre Anfrage erforderlich.
basis-explain-legal-obligation = { $statute ->
    [none] Die Verarbeitung ist zur Erfüllung einer rechtlichen Verpflichtung erforderlich, der wir unterliegen.
   *[other] Die Verarbeitung ist zur Erfüllung einer rechtlichen Verpflichtung erforderlich, der wir nach { $statute } unterliegen.
}
basis-explain-vital-interests = Die Verarbeitung ist erforderlich, um Ihre lebenswichtigen Interessen oder die einer anderen Person zu schützen.
basis-explain-public-task = { $statute ->
    [none] Die Verarbeitung ist für die Wahrnehmung einer Aufgabe erforderlich, die im öffentlichen Interesse liegt oder in Ausübung öffentlicher Gewalt erfolgt.
   *[other] Die Verarbeitung ist für die Wahrnehmung einer Aufgabe erforderlich, die im öffentlichen Interesse liegt oder in Ausübung öffentlicher Gewalt erfolgt, nach { $statute }.
}
basis-explain-legitimate-interest = Die Verarbeitung ist zur Wahrung unserer berechtigten Interessen erforderlich, und wir haben geprüft, dass Ihre Interessen am Schutz Ihrer personenbezogenen Daten nicht überwiegen.
gdpr-article = Art. { $article }{ $paragraph ->
    [none] {""}
   *[other] {" "}Abs. { $paragraph }
}{ $point ->
    [none] {""}
   *[other] {" "}lit. { $point }
} DSGVO
gdpr-article-raw = Art. { $article } DSGVO

## Speicherdauer. $period ist eine Frist, $event ein Ereignis, $statute ein Gesetz.

retention-period = { $period } ab der Erhebung der Daten
retention-duration = { $period }
retention-period-after = { $period } nach { $event }
retention-until = bis { $event }
retention-until-plus = bis { $period } nach { $event }
retention-first-of = { $options }, je nachdem, was zuerst eintritt
retention-up-to = bis zu { $retention }
retention-statute = { $retention }, wie nach { $statute } vorgeschrieben
retention-statute-stated = { $retention }, unter Berufung auf { $statute }
retention-statute-only = so lange, wie nach { $statute } vorgeschrieben
retention-indefinite = unbefristet, ohne angegebenes Ende
retention-indefinite-archiving = unbefristet, archiviert für { $ground } (Art. 89 DSGVO)
archiving-ground-public-interest = im öffentlichen Interesse liegende Archivzwecke
archiving-ground-scientific-research = wissenschaftliche Forschungszwecke
archiving-ground-historical-research = historische Forschungszwecke
archiving-ground-statistics = statistische Zwecke
retention-at-least = mindestens { $retention }, ohne angegebene Höchstdauer
retention-normally = in der Regel { $retention }; die Ausnahmen werden nicht genannt
retention-then-anonymise = { $retention }, danach anonymisiert statt gelöscht
statute-ref = { $statute }
statute-unknown = das Gesetz

# Ereignisse, deren Bezeichnung in der Standardbibliothek nach "bis" oder "nach" nicht passt.
until-collection = zur Erhebung der Daten
until-consent-withdrawn = zum Widerruf Ihrer Einwilligung
until-contract-end = zum Ende des Vertrags
until-customer-relationship-end = zum Ende der Kundenbeziehung
until-account-closed = zur Schließung Ihres Kontos
until-recruitment-end = zum Abschluss des Bewerbungsverfahrens
until-claim-settled = zur endgültigen Erledigung des Anspruchs
until-objection-received = zu Ihrem Widerspruch
until-no-longer-necessary = die Daten nicht mehr erforderlich sind
until-legitimate-interest-ends = zum Wegfall des berechtigten Interesses
until-statutory-obligation-ends = zum Ende der gesetzlichen Pflicht
until-delivery = zur Lieferung der Ware
until-claim-due = zur Fälligkeit des Anspruchs
until-last-contact = zu Ihrem letzten Kontakt mit uns
until-end-of-accounting-year = zum Ende des Geschäftsjahres
until-end-of-calendar-year-of-accounting-year = zum Ende des Kalenderjahres, in dem das Geschäftsjahr endete
after-collection = der Erhebung der Daten
after-consent-withdrawn = dem Widerruf Ihrer Einwilligung
after-contract-end = dem Ende des Vertrags
after-customer-relationship-end = dem Ende der Kundenbeziehung
after-account-closed = der Schließung Ihres Kontos
after-recruitment-end = dem Abschluss des Bewerbungsverfahrens
after-claim-settled = der endgültigen Erledigung des Anspruchs
after-objection-received = Ihrem Widerspruch
after-no-longer-necessary = dem Wegfall der Erforderlichkeit
after-legitimate-interest-ends = dem Wegfall des berechtigten Interesses
after-statutory-obligation-ends = dem Ende der gesetzlichen Pflicht
after-delivery = der Lieferung der Ware
after-claim-due = der Fälligkeit des Anspruchs
after-last-contact = Ihrem letzten Kontakt mit uns
after-end-of-accounting-year = dem Ende des Geschäftsjahres
after-end-of-calendar-year-of-accounting-year = dem Ende des Kalenderjahres, in dem das Geschäftsjahr endete
after-end-of-calendar-year = dem Schluss des Kalenderjahres, in dem die Unterlage entstanden ist
until-end-of-calendar-year = zum Schluss des Kalenderjahres, in dem die Unterlage entstanden ist

## Empfänger

heading-recipients = Empfänger
recipients-intro = Wir geben personenbezogene Daten an die unten genannten Empfänger weiter, geordnet nach ihrer Rolle.
recipients-none = Wir geben personenbezogene Daten nicht an andere weiter.
recipient-roles = Ist auch
recipient-kind = Art des Empfängers
recipient-countries = Länder
recipient-arrangement = Das Wesentliche der Vereinbarung über die gemeinsame Verantwortlichkeit
recipient-receives = { $purposes ->
    [none] Erhält { $data }.
   *[other] Erhält { $data } für { $count ->
        [1] den Zweck
       *[other] die Zwecke
    } { $purposes }.
}
role-group-processor = Auftragsverarbeiter
role-intro-processor = Auftragsverarbeiter verarbeiten personenbezogene Daten in unserem Auftrag und nach unseren Weisungen, auf Grundlage eines Auftragsverarbeitungsvertrags mit uns.
role-group-sub-processor = Unterauftragsverarbeiter
role-intro-sub-processor = Unterauftragsverarbeiter werden von einem unserer Auftragsverarbeiter in Anspruch genommen und verarbeiten die Daten zu denselben Bedingungen.
role-group-joint-controller = Gemeinsam Verantwortliche
role-intro-joint-controller = Gemeinsam Verantwortliche legen mit uns zusammen die Zwecke und Mittel der Verarbeitung fest.
role-group-independent-controller = Eigenständige Verantwortliche
role-intro-independent-controller = Diese Empfänger entscheiden selbst, wie sie die Daten verwenden, die sie von uns erhalten, und sind für ihre Verarbeitung selbst verantwortlich.
role-group-group-company = Unternehmen unserer Unternehmensgruppe
role-group-public-authority = Behörden
role-group-acquirer = Bei Verkauf oder Umstrukturierung des Unternehmens
role-intro-acquirer = Wird das Unternehmen ganz oder teilweise verkauft, verschmolzen oder umstrukturiert, können die Daten an den neuen Eigentümer übermittelt werden.
role-group-third-party = Dritte
role-group-none = Sonstige Empfänger

## Übermittlung in Länder außerhalb des EWR

heading-transfers = Übermittlung in Länder außerhalb des EWR
transfers-intro = Einige Empfänger verarbeiten die Daten in Ländern außerhalb des EWR (Drittländer). Unten steht, auf welche Grundlage nach Kapitel V DSGVO sich jede Übermittlung stützt.
transfers-none = Wir übermitteln keine personenbezogenen Daten in Länder außerhalb des EWR.
transfer-safeguard = Übermittlungsgrundlage
transfer-instrument = Rechtsakt
transfer-reference = Einzelheiten
transfer-copy = So erhalten Sie eine Kopie
transfer-valid-from = Gültig seit { $date }
transfer-not-yet = Gültig erst ab { $date }
transfer-invalid = Ungültig seit { $date }{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
}
transfer-adequacy = Die Europäische Kommission hat beschlossen, dass { $country } ein angemessenes Schutzniveau bietet ({ $decision })
transfer-dpf-certified = Der Empfänger ist nach dem Rahmen zertifiziert.

## Profiling und automatisierte Entscheidungen

heading-automated = Profiling und automatisierte Entscheidungen
heading-profiling = Profiling
profiling-intro = Wir nutzen Profiling, also die automatisierte Verarbeitung personenbezogener Daten, um bestimmte persönliche Aspekte, die sich auf Sie beziehen, zu bewerten, für diese Zwecke:
profiling-none = Wir verwenden Ihre personenbezogenen Daten nicht für Profiling.
heading-automated-decisions = Automatisierte Entscheidungen
automated-intro = Für diese Zwecke treffen wir ausschließlich auf einer automatisierten Verarbeitung beruhende Entscheidungen, die Ihnen gegenüber rechtliche Wirkung entfalten oder Sie in ähnlicher Weise erheblich beeinträchtigen:
automated-none = Wir treffen keine ausschließlich auf einer automatisierten Verarbeitung beruhenden Entscheidungen, die Ihnen gegenüber rechtliche Wirkung entfalten oder Sie in ähnlicher Weise erheblich beeinträchtigen.
automated-logic = Wie die Entscheidung getroffen wird
automated-significance = Was die Entscheidung für Sie bedeutet
automated-consequences = Mögliche Auswirkungen
automated-safeguards = Ihre Rechte

## Cookies

heading-cookies = Cookies
cookies-intro = Wir verwenden auf unserer Website Cookies und ähnliche Technologien:
cookies-none = Wir verwenden keine Cookies oder ähnlichen Technologien.
cookie-name = Name
cookie-purpose = Zweck
cookie-kind = Art
cookie-lifetime = Speicherdauer
cookie-provider = Gesetzt von
cookie-consent = Einwilligung
cookie-session = bis Sie den Browser schließen
cookie-consent-exempt = Nicht erforderlich
cookie-used-for = Verwendet für { $purposes }.

## Rechte

heading-rights = Ihre Rechte
rights-intro = Sie haben nach der DSGVO diese Rechte:
rights-none = Die Datenschutzerklärung nennt keine Rechte.
rights-exercise = So üben Sie Ihre Rechte aus: { $how }
rights-exercise-default = Wenden Sie sich an uns, um Ihre Rechte auszuüben. Unsere Kontaktdaten stehen unter [Verantwortlicher](#controller).
right-desc-access = Sie können erfahren, ob wir Daten über Sie verarbeiten, und Auskunft über die Daten sowie eine Kopie erhalten.
right-desc-rectification = Sie können verlangen, dass wir unrichtige Daten über Sie berichtigen und unvollständige Daten vervollständigen.
right-desc-erasure = Sie können verlangen, dass wir Daten über Sie löschen, zum Beispiel wenn sie für den Zweck nicht mehr notwendig sind.
right-desc-restriction = Sie können verlangen, dass wir die Verarbeitung einschränken, zum Beispiel während wir prüfen, ob die Daten richtig sind.
right-desc-portability = Sie können die Daten, die Sie uns bereitgestellt haben, in einem strukturierten, maschinenlesbaren Format erhalten und verlangen, dass wir sie einem anderen Verantwortlichen übermitteln.
right-desc-object = Sie können aus Gründen, die sich aus Ihrer besonderen Situation ergeben, einer Verarbeitung widersprechen, die auf berechtigten Interessen oder auf einer Aufgabe im öffentlichen Interesse beruht.
right-desc-automated-decisions = Sie haben das Recht, nicht einer ausschließlich auf einer automatisierten Verarbeitung beruhenden Entscheidung unterworfen zu werden, die Ihnen gegenüber rechtliche Wirkung entfaltet oder Sie in ähnlicher Weise erheblich beeinträchtigt.

heading-object-direct-marketing = Widerspruchsrecht gegen Direktwerbung
dm-intro = Sie haben das Recht, jederzeit Widerspruch gegen die Verarbeitung Ihrer personenbezogenen Daten zum Zwecke der Direktwerbung einzulegen; dies gilt auch für das Profiling, soweit es mit solcher Direktwerbung in Verbindung steht. Widersprechen Sie, verwenden wir die Daten nicht mehr für diesen Zweck.
dm-purposes = Das betrifft { $purposes }.
dm-how = So widersprechen Sie: { $how }
dm-none = Wir verwenden Ihre personenbezogenen Daten nicht für Direktwerbung.

heading-withdraw-consent = Widerruf der Einwilligung
withdraw-intro = Beruht eine Verarbeitung auf Ihrer Einwilligung, können Sie die Einwilligung jederzeit widerrufen. Der Widerruf muss so einfach sein wie die Erteilung. Der Widerruf berührt nicht die Rechtmäßigkeit der bis zum Widerruf erfolgten Verarbeitung.
withdraw-how = So widerrufen Sie die Einwilligung: { $how }
withdraw-none = Keine Verarbeitung beruht auf einer Einwilligung.

heading-complaint = Beschwerde bei der Aufsichtsbehörde
complaint-intro = Wenn Sie der Ansicht sind, dass wir Ihre personenbezogenen Daten unter Verstoß gegen das Datenschutzrecht verarbeiten, können Sie sich bei der Aufsichtsbehörde beschweren.
complaint-authority = Aufsichtsbehörde

## Übersetzung

heading-translation = Zur Übersetzung
translation-note = { $count ->
    [1] Ein Text dieser Datenschutzerklärung ist nicht ins Deutsche übersetzt. Er wird in der Originalsprache angezeigt und mit seinem Sprachcode gekennzeichnet ({ $languages }).
   *[other] { $count } Texte dieser Datenschutzerklärung sind nicht ins Deutsche übersetzt. Sie werden in der Originalsprache angezeigt und mit ihrem Sprachcode gekennzeichnet ({ $languages }).
}

## Die HTML-Seite

toc-title = Inhalt
skip-link = Zum Inhalt springen

# Scopes: a right granted to some groups of data subjects only (`access for pupil`), data that is
# optional (`uses phone if-provided`) or collected about some groups only (`uses education for pupil`).
right-applies-to = Gilt für: { $subjects }.
data-if-provided = nur wenn Sie diese Angabe selbst machen
data-only-about = betrifft nur: { $subjects }
## Mehrere Verantwortliche, gemeinsam Verantwortliche (DSGVO Art. 26) und Verarbeitung im Auftrag anderer

controllers-intro-several = Verantwortlich für die in dieser Datenschutzerklärung beschriebene Verarbeitung personenbezogener Daten sind: { $names }. Bei jedem Zweck steht, wer von ihnen dafür verantwortlich ist.
dpo-none-other = Nicht benannt.
purpose-controller = Verantwortlicher
purpose-controllers-joint = { $names } gemeinsam (siehe [Gemeinsam Verantwortliche](#{ $id }))
heading-joint = Gemeinsam Verantwortliche
joint-intro = Über einen Teil der Verarbeitung entscheiden mehrere Verantwortliche gemeinsam. Sie haben untereinander vereinbart, wer was tut (DSGVO Art. 26).
joint-controllers = Verantwortliche
joint-purposes = Zwecke
joint-duties = Wer was tut
joint-duty-notice = Ihnen die Informationen dieser Datenschutzerklärung geben
joint-duty-rights = Anfragen zur Ausübung Ihrer Rechte beantworten
joint-duty-consent = Einwilligungen einholen und dokumentieren
joint-duty-security = Die Daten schützen
joint-duty-breach = Verletzungen des Schutzes personenbezogener Daten melden und mitteilen
joint-duty-dpia = Die Datenschutz-Folgenabschätzung
joint-duty-processors = Auftragsverarbeiter beauftragen und anweisen
joint-essence = Das Wesentliche der Vereinbarung
joint-contact = Anlaufstelle
joint-rights-each = Unabhängig von der Vereinbarung können Sie Ihre Rechte bei und gegenüber jedem der Verantwortlichen geltend machen.
heading-on-behalf = Verarbeitung im Auftrag anderer
on-behalf = { $name } verarbeitet personenbezogene Daten auch als Auftragsverarbeiter im Auftrag anderer: { $whom }. Für diese Verarbeitung sind diese die Verantwortlichen, und diese Datenschutzerklärung gilt nicht für sie: Wenden Sie sich mit Fragen und Anliegen dazu an sie.
