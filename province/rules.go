package province

import (
	"fmt"
	"iter"
	"strings"
	"time"
)

// Status says how well a rule value is supported.
type Status uint8

const (
	// Unknown means the sources read do not state the value. The Fact's
	// Value is the zero value and must not be used as a rule.
	Unknown Status = iota
	// Confirmed means an official or cloud-provider document states it.
	Confirmed
	// Uncertain means only third-party material states it, providers
	// disagree (the Fact's note says how), or it is an inference.
	Uncertain
)

// String returns "UNKNOWN", "CONFIRMED" or "UNCERTAIN", as in the data file.
func (s Status) String() string {
	switch s {
	case Confirmed:
		return "CONFIRMED"
	case Uncertain:
		return "UNCERTAIN"
	}
	return "UNKNOWN"
}

// Provenance is where a rule value comes from: the source keys (resolved
// to titles and addresses by [LookupSource]), a note (conflicts between
// sources and the default chosen), the period the row is in force, and its
// position in the data.
type Provenance struct {
	Source string    // source keys, e.g. "TC-P-北京; HW-policy"
	Note   string    // conflicts and reasons, may be empty
	From   time.Time // first day in force; zero means since always
	To     time.Time // last day in force; zero means open-ended
	File   string    // data file name ("rules.tsv" for the default table)
	Line   int       // line of the row in File
	Scope  string    // "*" for a national row, else the province's short name
}

// A Fact is one rule value with its status and provenance. It is a single
// pointer to immutable data shared by every Rules value that uses the same
// data row, which keeps [Rules] small to copy. The zero Fact is "absent",
// which no loaded table contains.
type Fact[T any] struct{ d *factData[T] }

type factData[T any] struct {
	value  T
	status Status
	prov   *Provenance
}

// Value returns the value; it is the zero value when the fact is not
// [Fact.Known].
func (f Fact[T]) Value() T {
	if f.d == nil {
		var zero T
		return zero
	}
	return f.d.value
}

// Status returns whether the value is confirmed, uncertain or unknown.
func (f Fact[T]) Status() Status {
	if f.d == nil {
		return Unknown
	}
	return f.d.status
}

// Known reports whether the sources state the value (Status is Confirmed or
// Uncertain).
func (f Fact[T]) Known() bool { return f.d != nil && f.d.status != Unknown }

// Provenance returns the source, note and period of the value.
func (f Fact[T]) Provenance() Provenance {
	if f.d == nil || f.d.prov == nil {
		return Provenance{}
	}
	return *f.d.prov
}

// Source returns the source keys of the value.
func (f Fact[T]) Source() string {
	if f.d == nil || f.d.prov == nil {
		return ""
	}
	return f.d.prov.Source
}

// Get returns the value and whether it is known, for the common
// "if v, ok := r.MinAge.Get(); ok" form.
func (f Fact[T]) Get() (T, bool) { return f.Value(), f.Known() }

// String formats the value with its status, e.g. "18 (CONFIRMED: TC-P-北京)".
func (f Fact[T]) String() string {
	if !f.Known() {
		return "unknown"
	}
	return fmt.Sprintf("%v (%v: %s)", f.Value(), f.Status(), f.Source())
}

// From returns the first day of the period these rules are in force; the
// zero Time means since always.
func (r Rules) From() time.Time { return timeOf(r.from) }

// To returns the last day of the period these rules are in force; the zero
// Time means open-ended.
func (r Rules) To() time.Time { return timeOf(r.to) }

// Words is an immutable list of words or tokens (banned site-name words,
// TLDs, document kinds). The zero Words is empty.
type Words struct{ s string } // "|"-separated

// NewWords returns Words holding ws. Words may not contain "|".
func NewWords(ws ...string) Words { return Words{strings.Join(ws, "|")} }

// Len returns the number of words.
func (w Words) Len() int {
	if w.s == "" {
		return 0
	}
	return strings.Count(w.s, "|") + 1
}

// Contains reports whether word is one of the words. It does not allocate.
func (w Words) Contains(word string) bool {
	for x := range w.All() {
		if x == word {
			return true
		}
	}
	return false
}

// All iterates over the words in order.
func (w Words) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		if w.s == "" {
			return
		}
		for x := range strings.SplitSeq(w.s, "|") {
			if !yield(x) {
				return
			}
		}
	}
}

// Slice returns the words as a new slice.
func (w Words) Slice() []string {
	if w.s == "" {
		return nil
	}
	return strings.Split(w.s, "|")
}

// String returns the words separated by "|", as in the data file.
func (w Words) String() string { return w.s }

// NonLocalPolicy says whether an individual whose ID card was issued in
// another province may file in this one.
type NonLocalPolicy uint8

const (
	// NonLocalUnstated is the zero value, used with Status Unknown.
	NonLocalUnstated NonLocalPolicy = iota
	// NonLocalAllowed: non-local individuals file like locals.
	NonLocalAllowed
	// NonLocalWithProof: allowed with a residence proof (see
	// [Rules.ResidenceProofs]).
	NonLocalWithProof
	// NonLocalRefused: only ID cards of this province are accepted.
	NonLocalRefused
)

var nonLocalNames = []string{"unstated", "allowed", "proof", "refused"}

// String returns the data-file token: "allowed", "proof" or "refused".
func (v NonLocalPolicy) String() string { return enumName(nonLocalNames, uint8(v)) }

// Transition says whether a change of subject is accepted.
type Transition uint8

const (
	// TransitionUnstated is the zero value, used with Status Unknown.
	TransitionUnstated Transition = iota
	// TransitionAllowed: the change is accepted.
	TransitionAllowed
	// TransitionLegalRepOnly: accepted only when the same person is the
	// legal representative on both sides.
	TransitionLegalRepOnly
	// TransitionRefused: cancel and file anew.
	TransitionRefused
)

var transitionNames = []string{"unstated", "allowed", "legal_rep_only", "refused"}

// String returns the data-file token.
func (v Transition) String() string { return enumName(transitionNames, uint8(v)) }

func enumName(names []string, v uint8) string {
	if int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%d", v)
}

// Rules are the filing rules of one province in force over one period. Each
// field is a [Fact]: check [Fact.Known] before relying on a value. Field
// names in the data file are given in brackets.
type Rules struct {
	Province Province
	from, to day // period of this set, inclusive; minDay and maxDay are open

	// Individuals from other provinces [non_local_individuals].
	NonLocalIndividuals Fact[NonLocalPolicy]
	// Residence proofs accepted from non-local individuals [residence_proofs].
	ResidenceProofs Fact[Words]
	// Minimum age of an individual subject and its site manager; also of a
	// unit's managers where [Rules.MinAgeUnit] is unknown [min_age]. Use
	// [Rules.MinAgeFor].
	MinAge Fact[int]
	// Minimum age of a unit's 主体负责人 and 网站负责人, where the province
	// states one apart from individuals' [min_age_unit].
	MinAgeUnit Fact[int]
	// Lowest age accepted below the minimum age, with the documents of
	// [Rules.MinorDocumentsFor]; unknown means no lower bound is stated
	// [min_age_with_proof].
	MinAgeWithProof Fact[int]
	// Documents with which a person below [Rules.MinAge] may still file for
	// an individual subject: a document requirement, not a refusal. "none"
	// means a person below the minimum age is refused [minor_documents].
	// Tokens: guardian_id, guardian_statement, household_register,
	// income_proof, employment_proof. One listed document suffices unless
	// the note says otherwise.
	MinorDocuments Fact[Words]
	// The same for a unit's managers below [Rules.MinAgeUnit]
	// [minor_documents_unit]. Use [Rules.MinorDocumentsFor].
	MinorDocumentsUnit Fact[Words]
	// Maximum age of a site manager [max_manager_age].
	MaxManagerAge Fact[int]
	// A 网站负责人 (site manager) past retirement age (men 60, women 55) is
	// refused; the 主体负责人 is not concerned [retirement_age_limit].
	RetirementAgeLimit Fact[bool]

	// A unit's 主体负责人 must be its legal representative [owner_must_be_legal_rep].
	OwnerMustBeLegalRep Fact[bool]
	// A 网站负责人 who is not the legal representative needs an authorisation letter [manager_authorization].
	ManagerAuthorization Fact[bool]
	// The 网站负责人 of a unit may not be the same person as its 主体负责人 [manager_not_owner].
	ManagerNotOwner Fact[bool]
	// A person may be 网站负责人 for one unit only [manager_one_subject].
	ManagerOneSubject Fact[bool]
	// Identity numbers or mobiles of the managers that may not already
	// appear in another subject's filing [person_one_subject]. Tokens: id,
	// mobile. Only the filing system knows other subjects' filings: within
	// one application a checker can compare its own people, and a panel can
	// supply its records of earlier filings.
	PersonOneSubject Fact[Words]
	// Government bodies (党政机关) and 事业单位 need the approval of the
	// staffing office (机构编制办公室, 编办) before filing a site [bianban_approval].
	BianbanApproval Fact[bool]

	// Roles whose phone must be a local number [local_phone_roles]: tokens
	// individual, non_local_individual, contact1, owner, manager, unit_landline, all.
	// Superseded by [Rules.LocalMobileIndividual] and [Rules.LocalMobileUnit],
	// which say the same per subject kind; kept in step with them.
	LocalPhoneRoles Fact[Words]
	// Whose mobile must be a number of this province when an individual
	// files [local_mobile_individual]. Tokens: owner (the 主体负责人's
	// 联系方式1), manager (each 网站负责人's 联系方式1), emergency (the
	// 应急联系方式 numbers), all (the three), if_non_local (only when the
	// person's ID card is from another province). "none": no rule. Use
	// [Rules.NeedsLocalMobile].
	LocalMobileIndividual Fact[Words]
	// The same when a unit files [local_mobile_unit].
	LocalMobileUnit Fact[Words]
	// Subject kinds for which a remark explaining a non-local mobile is
	// accepted instead of a local number [local_mobile_remark]. Tokens:
	// unit, individual; "none" for neither.
	LocalMobileRemark Fact[Words]
	// Units must give a real landline [unit_landline].
	UnitLandline Fact[bool]
	// Distinct numbers required when one person holds both manager roles
	// (mobile and emergency phone) [distinct_phones_one_person].
	DistinctPhonesOnePerson Fact[int]
	// Distinct numbers among the four contact slots of two different managers [distinct_phones_two_persons].
	DistinctPhonesTwoPersons Fact[int]

	// The domain holder must be the unit's name, not its legal representative [domain_holder_unit_only].
	DomainHolderUnitOnly Fact[bool]
	// Minimum remaining domain registration in days [min_domain_validity_days].
	MinDomainValidityDays Fact[int]
	// Province-specific list of fileable TLDs; unknown means the national list applies [fileable_tlds].
	FileableTLDs Fact[Words]
	// One domain per site [one_domain_per_site].
	OneDomainPerSite Fact[bool]
	// When a domain certificate is required [domain_certificate]: tokens
	// always, individual, individual_to_unit, foreign_parent, five_or_more_domains.
	DomainCertificate Fact[Words]
	// Number of domains from which a domain certificate is required for
	// each of them [domain_certificate_min_domains]. The note says what is
	// counted (the domains of this filing, or all of the subject's).
	DomainCertificateMinDomains Fact[int]
	// Maximum age of a domain certificate in days [domain_certificate_max_days].
	DomainCertificateMaxDays Fact[int]
	// Domains registered with a registrar outside China (not approved by
	// MIIT) cannot be filed [foreign_registrar_refused].
	ForeignRegistrarRefused Fact[bool]

	// Internet-information services an individual may hold [max_individual_services].
	MaxIndividualServices Fact[int]
	// Sites a unit may hold [max_unit_sites].
	MaxUnitSites Fact[int]
	// Sites per order [max_sites_per_order].
	MaxSitesPerOrder Fact[int]
	// Domains per order for units [max_domains_per_order_unit].
	MaxDomainsPerOrderUnit Fact[int]
	// Domains per order for individuals [max_domains_per_order_individual].
	MaxDomainsPerOrderIndividual Fact[int]

	// Minimum site-name length in characters [site_name_min_chars].
	SiteNameMinChars Fact[int]
	// Minimum Chinese characters in a site name [site_name_min_han].
	SiteNameMinHan Fact[int]
	// Generic words refused in site names [site_name_banned_words].
	SiteNameBannedWords Fact[Words]
	// Words refused in individuals' site names [site_name_individual_banned_words].
	SiteNameIndividualBannedWords Fact[Words]
	// Site-name words that need pre-approval [site_name_preapproval_words].
	SiteNamePreApprovalWords Fact[Words]
	// No English in site names [site_name_no_english].
	SiteNameNoEnglish Fact[bool]
	// Individuals' site names may not be (pure) English [site_name_individual_no_english].
	SiteNameIndividualNoEnglish Fact[bool]
	// Forms a unit's site name may not take [site_name_unit_banned_forms]:
	// tokens domain (a domain name), url (a home-page address), english
	// (English words), personal_name (a person's name).
	SiteNameUnitBannedForms Fact[Words]

	// Extra documents for every subject [extra_documents]: tokens
	// truthfulness_notice, truthfulness_commitment, commitment_video,
	// filing_commitment, party_building_letter.
	ExtraDocuments Fact[Words]
	// Extra documents that units give besides [Rules.ExtraDocuments]
	// [extra_documents_unit]: the same tokens, and finance_commitment (a
	// 《承诺书》 not to offer financial services before approval, only for
	// units whose name, business scope or site touches internet finance).
	ExtraDocumentsUnit Fact[Words]
	// Unit site count from which a 网站建设方案书 is required [plan_threshold_unit_sites].
	PlanThresholdUnitSites Fact[int]
	// Individual site count from which a 网站建设方案书 is required [plan_threshold_individual_sites].
	PlanThresholdIndividualSites Fact[int]
	// Maximum age of an authorisation letter in days [authorization_max_days].
	AuthorizationMaxDays Fact[int]
	// Minimum remaining validity of identity documents in days [document_min_validity_days].
	DocumentMinValidityDays Fact[int]
	// Minimum remaining validity of a unit's licence in days [licence_min_validity_days].
	LicenceMinValidityDays Fact[int]
	// The 网站负责人 must supply a face-to-face verification photo (当面核验
	// 照片), valid for this many days after it is taken; unknown means the
	// province states no such photo [verification_photo_max_days].
	VerificationPhotoMaxDays Fact[int]

	// Addresses may not contain 市辖区 [address_no_shixiaqu].
	AddressNoShixiaqu Fact[bool]
	// Individuals' addresses must reach the room number [address_room_number_individuals].
	AddressRoomNumberIndividuals Fact[bool]
	// The address must be in the same city as the certificate's [address_same_city].
	AddressSameCity Fact[bool]

	// An empty-shell subject may add services directly [empty_shell_add_services].
	EmptyShellAddServices Fact[bool]
	// Whether an individual subject may become a company [individual_to_company].
	IndividualToCompany Fact[Transition]
	// Whether a subject may be swapped for another legal entity by a change filing [subject_change].
	SubjectChange Fact[Transition]
	// 个人空间/博客 accepted as service content [personal_space_accepted].
	PersonalSpaceAccepted Fact[bool]
	// 个人空间/博客 as service content needs a pre-approval (news or
	// publicity office); with it the content is accepted [personal_space_needs_approval].
	PersonalSpaceNeedsApproval Fact[bool]
	// Service-content choices (网站服务内容) the province refuses, as shown in
	// the filing system, e.g. 其他 [service_content_refused].
	ServiceContentRefused Fact[Words]
	// The IP a site's domain resolves to must be the IP filed for the site [resolved_ip_must_match].
	ResolvedIPMustMatch Fact[bool]
	// An IP change at the same provider requires a change filing [ip_change_needs_filing].
	IPChangeNeedsFiling Fact[bool]
	// Sites already filed under the subject must open normally and show
	// their filing number, linked to MIIT, before a new filing or change is
	// accepted [filed_sites_reachable].
	FiledSitesReachable Fact[bool]
	// A new 主体负责人 must be filed as a full change (变更备案) with a new
	// authorisation letter [owner_change_needs_all].
	OwnerChangeNeedsAll Fact[bool]
	// "Access first, change within 10 working days" is accepted [access_first_change_later].
	AccessFirstChangeLater Fact[bool]

	// The authority's review limit in working days [review_workdays].
	ReviewWorkdays Fact[int]
	// Expedited review exists [expedited_review].
	ExpeditedReview Fact[bool]
	// The footer shows the subject number rather than the site number [footer_subject_number].
	FooterSubjectNumber Fact[bool]
}

// MinAgeFor returns the minimum age of the managers of a unit (unit true)
// or of an individual subject: [Rules.MinAgeUnit] for a unit where it is
// known, else [Rules.MinAge].
func (r Rules) MinAgeFor(unit bool) Fact[int] {
	if unit && r.MinAgeUnit.Known() {
		return r.MinAgeUnit
	}
	return r.MinAge
}

// MinorDocumentsFor returns the documents with which a person below
// [Rules.MinAgeFor] may still file: [Rules.MinorDocumentsUnit] for a unit
// whose minimum age is stated apart, else [Rules.MinorDocuments]. A person
// below the minimum age is accepted with one of the documents when the fact
// is known and not empty and, where [Rules.MinAgeWithProof] is known, the
// person is at least that old; otherwise the person is refused.
func (r Rules) MinorDocumentsFor(unit bool) Fact[Words] {
	if unit && r.MinAgeUnit.Known() {
		return r.MinorDocumentsUnit
	}
	return r.MinorDocuments
}

// LocalMobileFor returns [Rules.LocalMobileUnit] for a unit and
// [Rules.LocalMobileIndividual] for an individual.
func (r Rules) LocalMobileFor(unit bool) Fact[Words] {
	if unit {
		return r.LocalMobileUnit
	}
	return r.LocalMobileIndividual
}

// A PhoneRole is a number slot of a filing for the local-mobile rules.
type PhoneRole uint8

const (
	// OwnerMobile is the 主体负责人's mobile (联系方式1).
	OwnerMobile PhoneRole = iota + 1
	// ManagerMobile is a 网站负责人's mobile (联系方式1).
	ManagerMobile
	// EmergencyPhone is an 应急联系方式 number.
	EmergencyPhone
)

// NeedsLocalMobile reports whether the number in role must be a number of
// this province, for a unit (unit true) or an individual, where nonLocalID
// says whether the person's ID card is from another province. It returns
// the fact it read, for its source and status; need is false when the fact
// is unknown. [Rules.LocalMobileRemarkAccepted] says whether a remark may
// replace the local number.
func (r Rules) NeedsLocalMobile(unit bool, role PhoneRole, nonLocalID bool) (need bool, f Fact[Words]) {
	f = r.LocalMobileFor(unit)
	w, ok := f.Get()
	if !ok || w.Len() == 0 {
		return false, f
	}
	if w.Contains("if_non_local") && !nonLocalID {
		return false, f
	}
	if w.Contains("all") {
		return true, f
	}
	switch role {
	case OwnerMobile:
		return w.Contains("owner"), f
	case ManagerMobile:
		return w.Contains("manager"), f
	case EmergencyPhone:
		return w.Contains("emergency"), f
	}
	return false, f
}

// LocalMobileRemarkAccepted reports whether, for a unit (unit true) or an
// individual, a remark explaining a non-local mobile is accepted in place of
// a local number. It is false when the fact is unknown.
func (r Rules) LocalMobileRemarkAccepted(unit bool) bool {
	w, ok := r.LocalMobileRemark.Get()
	if !ok {
		return false
	}
	if unit {
		return w.Contains("unit")
	}
	return w.Contains("individual")
}
