### Privacy notice: fixed wording in English.
###
### Messages can be overridden one by one with `vern notice --templates DIR` (DIR/en/notice.ftl).
### Arguments ($name, $text, ...) are Markdown already: texts from the policy are escaped.
### Terms follow the English text of the GDPR.

## General

title-default = Privacy notice
not-stated = Not stated.
not-stated-short = Not stated
yes = Yes.
list-and = and
list-or = or
# Marks a text that has not been translated, e.g. "[nb] Nyhetsbrev".
fallback-marker = \[{ $lang }\]

## Dates and durations

date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
duration-years = { $n ->
    [1] 1 year
   *[other] { $n } years
}
duration-months = { $n ->
    [1] 1 month
   *[other] { $n } months
}
duration-days = { $n ->
    [1] 1 day
   *[other] { $n } days
}

## Introduction

updated = Last updated { $date }.
updated-missing = The date of the last update is not stated.
version = Version { $version }.
published-at = This notice is published at { $url }.

## In short

heading-summary = In short
summary-intro = The table shows what we use personal data for, on which legal basis, and how long we keep it. More about each purpose follows below.
summary-purpose = Purpose
summary-data = Personal data
summary-basis = Legal basis
summary-retention = Retention period
summary-none = The notice states no purposes.
summary-rights = Your rights include the { $rights }. See [Your rights](#rights).
summary-rights-unstated = The notice does not state your rights.
summary-direct-marketing = You can object at any time to our use of your data for direct marketing. See [The right to object to direct marketing](#object-direct-marketing).

## Controller

heading-controller = Controller
controller-intro = { $name } is the controller of the processing of personal data described in this notice.
controller-missing = The notice does not state who the controller is.
contact-name = Name
contact-org-number = Organisation number
contact-address = Address
contact-email = E-mail
contact-phone = Telephone
contact-web = Website
contact-country = Country
heading-dpo = Data protection officer
dpo-intro = We have a data protection officer. You can contact the data protection officer about anything to do with our processing of personal data about you and about exercising your rights.
dpo-appointed-no-contact = We have a data protection officer. The notice does not state how to contact them.
dpo-none = We have not appointed a data protection officer. You can send questions about privacy to us as the controller.
heading-representative = Representative
representative-intro = Our representative, whom you can also contact about the processing of personal data about you:

## The data

heading-data = The personal data we process
heading-categories = Categories of personal data
data-intro = We process these categories of personal data:
data-includes = Includes { $items }.
data-special = special category of personal data
data-criminal = data relating to criminal offences
data-pseudonymised = pseudonymised, still personal data
data-anonymous = anonymous data, not personal data
data-justification = Why we need the national identity number
data-none = The notice states no personal data.
heading-subjects = Whom the data is about
subjects-intro = The data concerns these groups of people:
heading-sources = Where the data comes from
source-subject = From you
source-observed = Recorded when you use our website or services
source-derived = Derived from other data we hold about you
source-third-party = From others than you
source-public = From publicly accessible sources
source-unstated = Source not stated
sources-none-from-others = We do not obtain data about you from others.

## Purposes and legal bases

heading-purposes = Purposes and legal bases
purposes-intro = This section sets out what we use personal data for, and the legal basis under Article 6 of the GDPR for each purpose.
purposes-no-legitimate-interest = None of the processing is based on legitimate interests.
purpose-data = Personal data
purpose-subjects = About
purpose-basis = Legal basis
purpose-when = If { $when }
purpose-interest = Our legitimate interest
purpose-balancing = The balancing
purpose-consent-collected = How we ask for consent
purpose-consent-withdraw = How to withdraw consent
purpose-consent-withdraw-default = See [Withdrawing consent](#withdraw-consent).
purpose-condition = Condition for processing special categories of personal data
purpose-retention = Retention period
purpose-requirement = Do you have to give us the data?
purpose-direct-marketing = Direct marketing
purpose-dm-yes = yes
purpose-dm-channels = by { $channels }
purpose-dm-object = You can object at any time, see [The right to object to direct marketing](#object-direct-marketing).
purpose-soft-opt-in = Marketing to existing customers
purpose-profiling = Profiling
purpose-automated = Automated decisions
purpose-automated-none = No, we make no decisions about you based solely on automated processing.
purpose-automated-significant = Yes, see [Automated decisions](#automated).

requirement-statutory = Yes, it is a statutory requirement.
requirement-contractual = Yes, it is necessary to perform the contract with us.
requirement-pre-contract = Yes, it is required to enter into a contract with us.
requirement-voluntary = No, it is voluntary.

## Legal bases in plain words. `basis-short-NAME` is the short form (in the table), `basis-explain-NAME`
## explains the basis in one sentence; $statute is the statute, or "none".

basis-short-consent = consent
basis-short-explicit-consent = explicit consent
basis-short-contract = contract
basis-short-legal-obligation = legal obligation
basis-short-vital-interests = vital interests
basis-short-public-task = public task
basis-short-legitimate-interest = legitimate interests
basis-explain-consent = We process the data because you have consented to it.
basis-explain-contract = The processing is necessary to perform a contract with you, or to take steps you have asked for before entering into a contract.
basis-explain-legal-obligation = { $statute ->
    [none] The processing is necessary to comply with a legal obligation we are subject to.
   *[other] The processing is necessary to comply with a legal obligation we are subject to under the { $statute }.
}
basis-explain-vital-interests = The processing is necessary to protect your vital interests or those of another person.
basis-explain-public-task = { $statute ->
    [none] The processing is necessary to perform a task in the public interest or in the exercise of official authority.
   *[other] The processing is necessary to perform a task in the public interest or in the exercise of official authority under the { $statute }.
}
basis-explain-legitimate-interest = The processing is necessary for a legitimate interest of ours, and we have assessed that your privacy interests do not override it.
gdpr-article = Article { $article }{ $paragraph ->
    [none] {""}
   *[other] ({ $paragraph })
}{ $point ->
    [none] {""}
   *[other] ({ $point })
}
gdpr-article-raw = Article { $article }

## Retention. $period is a duration, $event an event, $statute a statute.

retention-period = { $period } from when the data were collected
retention-duration = { $period }
retention-period-after = { $period } after { $event }
retention-until = until { $event }
retention-until-plus = until { $period } after { $event }
retention-first-of = { $options }, whichever comes first
retention-up-to = up to { $retention }
retention-statute = { $retention }, as { $statute } requires
retention-statute-stated = { $retention }, with reference to { $statute }
retention-statute-only = as long as { $statute } requires
retention-indefinite = indefinitely, with no end stated
retention-indefinite-archiving = indefinitely, archived for { $ground } (GDPR Art. 89)
archiving-ground-public-interest = archiving purposes in the public interest
archiving-ground-scientific-research = scientific research purposes
archiving-ground-historical-research = historical research purposes
archiving-ground-statistics = statistical purposes
retention-at-least = at least { $retention }, with no maximum stated
retention-normally = normally { $retention }; the exceptions are not stated
retention-then-anonymise = { $retention }, and then anonymised rather than erased
statute-ref = the { $statute }
statute-unknown = the law

# Events whose standard-library label does not read well after "until" or "after".
until-objection-received = you object
after-objection-received = you have objected
until-last-contact = your last contact with us
after-last-contact = your last contact with us

## Recipients

heading-recipients = Recipients
recipients-intro = We share personal data with the recipients below, grouped by the role they have.
recipients-none = We do not share personal data with others.
recipient-roles = Also acts as
recipient-kind = Type of recipient
recipient-countries = Countries
recipient-arrangement = The essence of the joint-controller arrangement
recipient-receives = { $purposes ->
    [none] Receives { $data }.
   *[other] Receives { $data } for { $count ->
        [1] the purpose
       *[other] the purposes
    } { $purposes }.
}
role-group-processor = Processors
role-intro-processor = Processors process personal data on our behalf and on our instructions, under a data processing agreement with us.
role-group-sub-processor = Sub-processors
role-intro-sub-processor = Sub-processors are engaged by one of our processors and process the data on the same terms.
role-group-joint-controller = Joint controllers
role-intro-joint-controller = Joint controllers decide together with us why and how the data is processed.
role-group-independent-controller = Independent controllers
role-intro-independent-controller = These recipients decide for themselves how they use the data they receive from us, and are responsible for their own processing.
role-group-group-company = Companies in our group
role-group-public-authority = Public authorities
role-group-acquirer = On a sale or reorganisation of the business
role-intro-acquirer = If all or part of the business is sold, merged or reorganised, the data may be transferred to the new owner.
role-group-third-party = Third parties
role-group-none = Other recipients

## Transfers outside the EEA

heading-transfers = Transfers outside the EEA
transfers-intro = Some recipients process the data in countries outside the EEA (third countries). Below is the transfer mechanism each transfer relies on under Chapter V of the GDPR.
transfers-none = We do not transfer personal data to countries outside the EEA.
transfer-safeguard = Transfer mechanism
transfer-instrument = Legal instrument
transfer-reference = Details
transfer-copy = How to get a copy
transfer-valid-from = Valid since { $date }
transfer-not-yet = Valid only from { $date }
transfer-invalid = Invalid since { $date }{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
}
transfer-adequacy = The European Commission has decided that { $country } ensures an adequate level of protection ({ $decision })
transfer-dpf-certified = The recipient is certified under the framework.

## Profiling and automated decisions

heading-automated = Profiling and automated decisions
heading-profiling = Profiling
profiling-intro = We use profiling, that is automated processing of personal data to evaluate personal aspects of you, for these purposes:
profiling-none = We do not use personal data about you for profiling.
heading-automated-decisions = Automated decisions
automated-intro = For these purposes we make decisions based solely on automated processing which produce legal effects concerning you or similarly significantly affect you:
automated-none = We make no decisions based solely on automated processing which produce legal effects concerning you or similarly significantly affect you.
automated-logic = How the decision is made
automated-significance = What the decision means for you
automated-consequences = Possible consequences
automated-safeguards = Your rights

## Cookies

heading-cookies = Cookies
cookies-intro = We use cookies and similar technologies on our website:
cookies-none = We do not use cookies or similar technologies.
cookie-name = Name
cookie-purpose = Purpose
cookie-kind = Type
cookie-lifetime = Lifetime
cookie-provider = Set by
cookie-consent = Consent
cookie-session = until you close the browser
cookie-consent-exempt = Not required
cookie-used-for = Used for { $purposes }.

## Rights

heading-rights = Your rights
rights-intro = You have these rights under the GDPR:
rights-none = The notice lists no rights.
rights-exercise = How to exercise your rights: { $how }
rights-exercise-default = Contact us to exercise your rights. Our contact details are under [Controller](#controller).
right-desc-access = You can find out whether we process data about you, and get access to and a copy of the data.
right-desc-rectification = You can ask us to correct inaccurate data about you and to complete incomplete data.
right-desc-erasure = You can ask us to erase data about you, for example when it is no longer necessary for the purpose.
right-desc-restriction = You can ask us to restrict the processing, for example while we check whether the data is accurate.
right-desc-portability = You can receive the data you have given us in a structured, machine-readable format, and ask us to transmit it to another controller.
right-desc-object = You can object, on grounds relating to your particular situation, to processing based on legitimate interests or on a task in the public interest.
right-desc-automated-decisions = You have the right not to be subject to a decision based solely on automated processing which produces legal effects concerning you or similarly significantly affects you.

heading-object-direct-marketing = The right to object to direct marketing
dm-intro = You have the right to object at any time to our processing of personal data about you for direct marketing, including profiling related to such marketing. If you object, we stop using the data for this purpose.
dm-purposes = This concerns { $purposes }.
dm-how = How to object: { $how }
dm-none = We do not use personal data about you for direct marketing.

heading-withdraw-consent = Withdrawing consent
withdraw-intro = Where processing is based on consent, you can withdraw your consent at any time. Withdrawing consent must be as easy as giving it. Withdrawal does not affect the lawfulness of processing before the withdrawal.
withdraw-how = How to withdraw consent: { $how }
withdraw-none = None of the processing is based on consent.

heading-complaint = Complaints to the supervisory authority
complaint-intro = If you believe that we process personal data about you in breach of data protection law, you can lodge a complaint with the supervisory authority.
complaint-authority = Supervisory authority

## Translation

heading-translation = About the translation
translation-note = { $count ->
    [1] One text in this notice has not been translated into English. It is shown in the original language, marked with its language code ({ $languages }).
   *[other] { $count } texts in this notice have not been translated into English. They are shown in the original language, marked with their language code ({ $languages }).
}

## The HTML page

toc-title = Contents
skip-link = Skip to the content

# Scopes: a right granted to some groups of data subjects only (`access for pupil`), data that is
# optional (`uses phone if-provided`) or collected about some groups only (`uses education for pupil`).
right-applies-to = Applies to: { $subjects }.
data-if-provided = only if you provide it
data-only-about = concerns only: { $subjects }
## Several controllers, joint controllers (GDPR Art. 26) and processing on behalf of others

controllers-intro-several = { $names } are the controllers of the processing of personal data described in this notice. Each purpose says which of them is responsible for it.
dpo-none-other = Not appointed.
purpose-controller = Controller
purpose-controllers-joint = { $names }, jointly (see [Joint controllers](#{ $id }))
heading-joint = Joint controllers
joint-intro = Some of the processing is decided jointly by several controllers. They have agreed between them who does what (GDPR Art. 26).
joint-controllers = Controllers
joint-purposes = Purposes
joint-duties = Who does what
joint-duty-notice = Giving you the information in this notice
joint-duty-rights = Answering requests to exercise your rights
joint-duty-consent = Asking for and recording consent
joint-duty-security = Keeping the data secure
joint-duty-breach = Reporting and notifying personal data breaches
joint-duty-dpia = Assessing the impact on data protection
joint-duty-processors = Engaging and instructing processors
joint-essence = The essence of the arrangement
joint-contact = Contact point
joint-rights-each = Whatever the arrangement says, you can exercise your rights in respect of and against each of the controllers.
heading-on-behalf = Processing on behalf of others
on-behalf = { $name } also processes personal data as a processor on behalf of others: { $whom }. For that processing they are the controller, and this notice does not cover it: turn to them with questions and requests about it.
