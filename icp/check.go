package icp

import (
	"errors"
	"fmt"
	"io"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp/content"
	"github.com/icpkit/icpkit/icp/domain"
	"github.com/icpkit/icpkit/icp/workday"
	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/internal/opt"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// An Option changes how [Check] works. The same options serve the icp
// sub-packages: [At], [WithRules] and [WithLanguage] set the date, the rule
// table and the language of refile.Plan and audit.AuditFooter as well.
type Option func(*opt.Config)

// config is a resolved option list with the defaults of Check.
type config struct {
	opt.Config
	profile Profile
	names   *content.NameRules
	preapp  *content.PreApprovalTable
}

func newConfig(opts []Option) config {
	c := config{Config: opt.Apply(opts), profile: Default}
	if p, ok := c.Profile.(Profile); ok {
		c.profile = p
	}
	c.names, c.preapp = c.Names, c.PreApp
	if c.names == nil {
		c.names = content.DefaultNameRules()
	}
	if c.preapp == nil {
		c.preapp = content.DefaultPreApproval()
	}
	if c.TLDs == nil {
		c.TLDs = domain.DefaultTLDs()
	}
	return c
}

// At sets the date every date rule uses: rules in force, ages, validity
// windows, the fileable suffixes. The date is China's: t is taken at its
// civil date in China Standard Time ([workday.China], UTC+8), whatever its
// zone, so 2026-11-30 20:00 UTC and 2026-12-01 04:00 in Shanghai are both
// 1 December. Without it Check uses today's date in China, the only place
// it reads the clock.
func At(t time.Time) Option {
	return func(c *opt.Config) { c.At, c.AtSet = t.In(workday.China), true }
}

// WithProfile sets the provider profile ([Default] by default).
func WithProfile(p Profile) Option { return func(c *opt.Config) { c.Profile = p } }

// WithRules sets the province rule table ([province.Default] by default).
func WithRules(t *province.Table) Option { return func(c *opt.Config) { c.Rules = t } }

// WithTLDs sets the fileable-suffix list ([domain.DefaultTLDs] by default).
func WithTLDs(t *domain.TLDTable) Option { return func(c *opt.Config) { c.TLDs = t } }

// WithNameRules sets the site- and App-name word rules
// ([content.DefaultNameRules] by default; see [content.LoadNameRules]).
func WithNameRules(n *content.NameRules) Option { return func(c *opt.Config) { c.Names = n } }

// WithPreApproval sets the pre-approval categories and keywords
// ([content.DefaultPreApproval] by default; see [content.LoadPreApproval]).
func WithPreApproval(t *content.PreApprovalTable) Option { return func(c *opt.Config) { c.PreApp = t } }

// WithLanguage sets the language of messages and display names: zh-Hans by
// default; an English tag (en, en-GB …) selects English, and any other tag
// falls back to zh-Hans.
func WithLanguage(tag language.Tag) Option { return func(c *opt.Config) { c.Lang = tag } }

// WithPhoneLocator supplies a lookup from a mobile number to the province
// it is registered in, for the provinces that want local numbers. No
// offline table can answer this; without a locator Check reports an info
// finding instead.
func WithPhoneLocator(f func(subject.Mobile) (province.Province, bool)) Option {
	return func(c *opt.Config) { c.Locator = f }
}

// WithMaterialOpener supplies a way to open the files named in
// Application.Materials; each is inspected with [material.Inspect] and
// checked against the profile's spec. Without it materials are checked for
// presence only.
func WithMaterialOpener(f func(path string) (io.ReadCloser, error)) Option {
	return func(c *opt.Config) { c.Opener = f }
}

// WithReuseLookup supplies the panel's own records of earlier filings, for
// the provinces that let a person's ID number or mobile serve one subject
// only, or a site manager one company only. f is asked with kind "id" (an
// identity-document number), "mobile" or "manager_id" (the ID of a site
// manager) and the full number, and answers whether it already appears in
// the filing of another subject. Without it Check reports an info finding
// where the province has such a rule.
func WithReuseLookup(f func(kind, number string) bool) Option {
	return func(c *opt.Config) { c.Reuse = f }
}

// MaxSites bounds the sites of an application or a deployment: no province
// takes more than a few dozen sites per subject, and the bound keeps a
// hostile input's cost in check. [DecodeApplication] and
// refile.DecodeDeployment refuse the 1001st site as they read it; Check and
// refile.Plan report more sites as a finding, for values built in Go.
const MaxSites = 1000

// checker carries one Check run.
type checker struct {
	app   *Application
	cfg   config
	at    time.Time
	today subject.Date
	r     province.Rules
	fd    finder
	owner personInfo
	mgrs  []personInfo
}

// personInfo is what is parsed once about a person.
type personInfo struct {
	path   string
	p      subject.Person
	doc    subject.DocumentID
	docErr error
	mobile subject.Mobile
	mobErr error
	// comparable forms of the phones, computed once
	mobileKey, emergencyKey string
}

// A Rule is one named check of [Check], with the codes it reports and its
// sources. [CheckRules] lists them.
type Rule struct {
	Name    string
	Codes   []string
	Source  string
	applies func(FilingType) bool
	run     func(*checker)
}

var (
	subjectTypes = []FilingType{FirstFiling, NewSiteNoSubject, NewAccessNoSubject, ChangeSubject, ChangeAll}
	siteTypes    = []FilingType{FirstFiling, NewSite, NewSiteNoSubject, NewAccess, NewAccessNoSubject, ChangeSite, ChangeAll}
	accessTypes  = []FilingType{FirstFiling, NewSite, NewSiteNoSubject, NewAccess, NewAccessNoSubject, ChangeAccess, ChangeSite, ChangeAll}
)

func in(ts []FilingType) func(FilingType) bool {
	return func(t FilingType) bool { return slices.Contains(ts, t) }
}

func always(FilingType) bool { return true }

// checkRules is the rule list, in report order within a severity.
var checkRules = []Rule{
	{"filing_type", []string{"filing.type_not_application", "filing.subject_number_required", "filing.subject_number_forbidden",
		"filing.site_number_required", "filing.site_number_forbidden", "filing.site_number_other_subject", "filing.number_province",
		"filing.number_kind", "filing.no_sites"}, "QC-type; HW-flow; TC-site", always, ruleFilingType},
	{"structure", []string{"structure.required", "structure.too_long", "structure.invalid"}, "validator/v10 struct tags", always, ruleStructure},
	{"certificate", []string{"subject.certificate_type", "subject.certificate_number", "subject.uscc_kind", "subject.certificate_province", "subject.certificate_pilot"},
		"TC-materials; WX-certtypes; TC-subj; HW-flow", in(subjectTypes), ruleCertificate},
	{"people", []string{"person.document", "person.document_type", "person.name", "person.age_below", "person.age_documents", "person.age_proof", "person.age_above",
		"person.retirement", "person.birth_future", "document.validity", "subject.owner_legal_rep"}, "TC-P-*; TC-upload; TC-subj",
		in(siteTypes), rulePeople},
	{"address", []string{"address.no_house_number", "address.shixiaqu", "address.province_mismatch", "address.obsolete_district", "address.empty",
		"address.too_long", "address.no_room_number"}, "TC-subj; TC-P-北京; TC-P-上海", in(subjectTypes), ruleAddress},
	{"unit_name", []string{"subject.name_licence"}, "TC-P-北京", in(subjectTypes), ruleUnitName},
	{"individual", []string{"individual.non_local_refused", "individual.non_local_proof", "individual.non_local_unknown", "site.personal_space"},
		"TC-P-*; TC-materials; HW-prep", in(siteTypes), ruleIndividual},
	{"contacts", []string{"contact.mobile", "contact.mobile_sms", "contact.emergency", "contact.emergency_virtual", "contact.emergency_same",
		"contact.shared_phone", "contact.shared_email", "contact.distinct_numbers", "contact.local", "contact.local_remark", "contact.local_unchecked", "contact.email",
		"contact.company_email", "contact.landline_required", "contact.landline"}, "QC-general; HW-mat; TC-sms; TC-P-*", in(siteTypes), ruleContacts},
	{"domains", []string{"domain.none", "domain.invalid", "domain.subdomain", "domain.tld", "domain.kind_suffix", "domain.confusable", "domain.gov_subdomain", "domain.holder",
		"domain.holder_folded", "domain.holder_legal_rep", "domain.expires", "domain.expires_missing", "domain.duplicate"},
		"TC-domain; QC-domain; HW-prep; HW-policy", in(siteTypes), ruleDomains},
	{"sites", []string{"site.name_*", "site.preapproval_*", "app.*", "site.app_missing"}, "QC-sitename; TC-preapp; HW-app", in(siteTypes), ruleSites},
	{"limits", []string{"limit.*", "structure.invalid"}, "HW-rules; TC-P-*", in(siteTypes), ruleLimits},
	{"resource", []string{"resource.product", "resource.billing", "resource.months", "resource.time_left", "resource.region"}, "profile server rule; TC-cloud; HW-cond",
		in(accessTypes), ruleResource},
	{"access", []string{"access.provider", "access.ip_missing", "access.ip_private", "access.ip_reserved", "access.ip_documentation", "access.sites_per_instance"},
		"TC-cloud; HW-prep", in(accessTypes), ruleAccess},
	{"materials", []string{"material.missing", "material.unreadable", "material.not_inspected", "material.letter_old", "material.unknown_for", "material.*"},
		"TC-materials; TC-upload; HW-mat; TC-P-江苏; HW-mat doc_0046; TC-P-新疆", in(siteTypes), ruleMaterials},
	{"reuse", []string{"person.manager_is_owner", "person.reused", "person.reuse_unchecked"}, "TC-P-*; QC-tianjin", in(siteTypes), ruleReuse},
	{"province_duties", []string{"subject.bianban_approval", "site.content_refused", "site.personal_space_approval", "site.commercial_licence",
		"site.licence_kind", "access.resolved_ip", "site.filed_sites_open", "domain.foreign_registrar"}, "TC-P-*; QC-general; HW-after; TC-domain",
		in(siteTypes), ruleProvinceDuties},
	{"offline", []string{"offline.mobile_real_name", "offline.face_verification", "offline.seals", "offline.sms_verification", "offline.domain_real_name"},
		"TC-sms; HW-mat doc_0064; QC-sms; TC-domain", always, ruleOffline},
}

// CheckRules returns the rules Check runs, with their codes and sources.
func CheckRules() []Rule { return slices.Clone(checkRules) }

// Check pre-checks an application the way the provider and the authority
// will, and returns every finding at once: each with a stable code, a
// severity, the JSON path of the field at fault, parameters, a message and
// the rule's sources. Checks that cannot be done offline (the operator's
// real-name record of a mobile, face verification, seals on scans) appear as
// info findings, so that a panel can show a complete checklist.
//
// Check does not modify app and is safe for concurrent use.
func Check(app Application, opts ...Option) Report {
	cfg := newConfig(opts)
	if !cfg.AtSet {
		cfg.At = time.Now().In(workday.China) // today in China
	}
	c := &checker{app: &app, cfg: cfg, at: cfg.At, today: subject.DateOf(cfg.At), fd: finder{lang: cfg.Lang}}
	if y := cfg.At.Year(); y < workday.MinYear || y > workday.MaxYear {
		// A year no calendar has: refused rather than wrapped.
		c.add("date.out_of_range", SeverityError, "", "icpkit input bound", "date", strconv.Itoa(y)+"-"+strconv.Itoa(int(cfg.At.Month()))+"-"+strconv.Itoa(cfg.At.Day()))
		return c.fd.report()
	}
	if len(app.Sites) > MaxSites {
		c.add("structure.too_many_sites", SeverityError, "sites", "icpkit input bound", "max", strconv.Itoa(MaxSites), "count", strconv.Itoa(len(app.Sites)))
		return c.fd.report()
	}
	c.r = cfg.Rules.RulesAt(app.Province, cfg.At)
	c.owner = parsePerson("subject.owner", app.Subject.Owner)
	for i, s := range app.Sites {
		c.mgrs = append(c.mgrs, parsePerson(index("sites", i)+".manager", s.Manager))
	}
	if !app.FilingType.IsValid() || !app.Province.IsValid() {
		ruleStructure(c)
		return c.fd.report()
	}
	for _, rl := range checkRules {
		if rl.applies(app.FilingType) {
			rl.run(c)
		}
	}
	return c.fd.report()
}

func parsePerson(path string, p subject.Person) personInfo {
	pi := personInfo{path: path, p: p}
	if p.Document.Number != "" && p.Document.Type != 0 {
		pi.doc, pi.docErr = p.Document.Parse()
	}
	if p.Mobile != "" {
		pi.mobile, pi.mobErr = subject.ParseMobile(p.Mobile.Reveal())
		pi.mobileKey = p.Mobile.PhoneKey()
	}
	if p.EmergencyPhone != "" {
		pi.emergencyKey = p.EmergencyPhone.PhoneKey()
	}
	return pi
}

// index returns the JSON path name[i].
func index(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

func (c *checker) add(code string, sev Severity, field, source string, kv ...string) {
	c.fd.add(code, sev, field, source, kv...)
}

func (c *checker) unit() bool { return c.app.Subject.Kind.IsUnit() }

func partOf(err error) string {
	if pe, ok := err.(*subject.ParseError); ok {
		return pe.Part
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func statusSeverity(st province.Status) Severity {
	if st == province.Confirmed {
		return SeverityError
	}
	return SeverityWarning
}

// --- filing type -----------------------------------------------------------

func ruleFilingType(c *checker) {
	a := c.app
	ft := a.FilingType
	tname := ft.String()
	src := "QC-type; HW-flow"
	if ft == SiteMigration || ft == AccountTransfer {
		c.add("filing.type_not_application", SeverityError, "filing_type", src, "type", tname)
		return
	}
	sn := a.Subject.Number
	switch ft {
	case FirstFiling:
		if sn.IsValid() {
			c.add("filing.subject_number_forbidden", SeverityError, "subject.number", src, "type", tname)
		}
	default:
		if !sn.IsValid() && ft != CancelSite && ft != CancelAccess {
			c.add("filing.subject_number_required", SeverityError, "subject.number", src, "type", tname)
		}
	}
	if sn.IsValid() {
		if sn.Kind() != SubjectFiling {
			c.add("filing.number_kind", SeverityError, "subject.number", src, "number", sn.String(), "want", SubjectFiling.String())
		}
		if sn.Province() != a.Province {
			c.add("filing.number_province", SeverityError, "subject.number", "TC-subj", "number", sn.String(), "province", a.Province.String())
		}
	}
	if len(a.Sites) == 0 && ft != ChangeSubject && ft != CancelSubject {
		c.add("filing.no_sites", SeverityError, "sites", src, "type", tname)
	}
	needSiteNumber := slices.Contains([]FilingType{NewAccess, NewAccessNoSubject, ChangeSite, ChangeAccess, ChangeAll, CancelSite, CancelAccess}, ft)
	newSite := slices.Contains([]FilingType{FirstFiling, NewSite, NewSiteNoSubject}, ft)
	for i, s := range a.Sites {
		f := index("sites", i) + ".number"
		switch {
		case needSiteNumber && !s.Number.IsValid():
			c.add("filing.site_number_required", SeverityError, f, src, "type", tname)
			continue
		case newSite && s.Number.IsValid():
			c.add("filing.site_number_forbidden", SeverityError, f, src, "type", tname)
			continue
		case !s.Number.IsValid():
			continue
		}
		n := s.Number
		if k := n.Kind(); k < SiteFiling || k > QuickAppFiling {
			c.add("filing.number_kind", SeverityError, f, src, "number", n.String(), "want", SiteFiling.String())
			continue
		}
		if sn.IsValid() {
			if sub, _ := n.Subject(); sub != sn {
				c.add("filing.site_number_other_subject", SeverityError, f, src, "number", n.String(), "subject", sn.String())
			}
		}
		if n.Province() != a.Province {
			c.add("filing.number_province", SeverityError, f, "TC-subj", "number", n.String(), "province", a.Province.String())
		}
	}
}

// --- certificate ---------------------------------------------------------------

func ruleCertificate(c *checker) {
	s := c.app.Subject
	cert := s.Certificate
	if s.Kind == 0 || cert.Type == 0 {
		return // structure reports the missing fields
	}
	if !s.Kind.Accepts(cert.Type) {
		c.add("subject.certificate_type", SeverityError, "subject.certificate.type", "TC-materials; WX-certtypes",
			"kind", s.Kind.String(), "type", cert.Type.String())
		return
	}
	if cert.Number == "" {
		return
	}
	d, err := cert.Parse()
	if err != nil {
		c.add("subject.certificate_number", SeverityError, "subject.certificate.number", "GB 32100; GB 11643",
			"type", cert.Type.String(), "part", partOf(err))
		return
	}
	cc, ok := d.CreditCode()
	if !ok {
		return
	}
	if cc.Pilot() {
		c.add("subject.certificate_pilot", SeverityInfo, "subject.certificate.number", "TP-idrule; TP-idcheck")
	}
	if k, ok := cc.Kind(); ok && k != s.Kind {
		sev := SeverityError
		if s.Kind == subject.Enterprise && k == subject.IndividualBusiness {
			sev = SeverityWarning // 个体工商户 files as 企业 in most provinces (TC-P-*)
		}
		c.add("subject.uscc_kind", sev, "subject.kind", "GB 32100; TC-P-*", "declared", s.Kind.String(), "coded", k.String())
	}
	if p, ok := cc.Province(); ok && p != c.app.Province {
		c.add("subject.certificate_province", SeverityError, "subject.certificate.number", "TC-subj; HW-flow doc_0070",
			"certificate", p.String(), "filing", c.app.Province.String())
	}
}

// --- people ----------------------------------------------------------------------

func rulePeople(c *checker) {
	people := make([]personInfo, 0, 1+len(c.mgrs))
	if slices.Contains(subjectTypes, c.app.FilingType) {
		people = append(people, c.owner)
	}
	for i, m := range c.mgrs {
		if i < len(c.app.Sites) {
			people = append(people, m)
		}
	}
	for _, pi := range people {
		c.checkPerson(pi, pi.path != "subject.owner")
	}
	s := c.app.Subject
	if c.unit() && slices.Contains(subjectTypes, c.app.FilingType) && !s.Owner.LegalRepresentative {
		if v, ok := c.r.OwnerMustBeLegalRep.Get(); ok && v {
			c.add("subject.owner_legal_rep", statusSeverity(c.r.OwnerMustBeLegalRep.Status()), "subject.owner.legal_representative",
				c.r.OwnerMustBeLegalRep.Source())
		}
	}
	if slices.Contains(subjectTypes, c.app.FilingType) {
		c.checkValidity("subject.certificate.valid_until", s.Certificate.ValidUntil, c.r.LicenceMinValidityDays)
	}
}

func (c *checker) checkPerson(pi personInfo, siteManager bool) {
	p := pi.p
	if p.Name != "" {
		if err := subject.CheckPersonName(p.Name.Reveal()); err != nil {
			c.add("person.name", SeverityError, pi.path+".name", "TC-materials", "part", partOf(err))
		}
	}
	if p.Document.Type != 0 && !p.Document.Type.IsPersonal() {
		c.add("person.document_type", SeverityError, pi.path+".document.type", "TC-materials", "type", p.Document.Type.String())
		return
	}
	if pi.docErr != nil {
		c.add("person.document", SeverityError, pi.path+".document.number", "GB 11643; TC-materials",
			"type", p.Document.Type.String(), "part", partOf(pi.docErr))
		return
	}
	c.checkValidity(pi.path+".document.valid_until", p.Document.ValidUntil, c.r.DocumentMinValidityDays)
	id, ok := pi.doc.ResidentID()
	if !ok {
		return
	}
	if id.ValidAt(c.at) != nil {
		c.add("person.birth_future", SeverityError, pi.path+".document.number", "GB 11643")
		return
	}
	age := id.AgeAt(c.at)
	c.checkMinAge(pi, age)
	if maxAge, ok := c.r.MaxManagerAge.Get(); ok && siteManager && age > maxAge {
		c.add("person.age_above", SeverityError, pi.path+".document.number", c.r.MaxManagerAge.Source(),
			"age", strconv.Itoa(age), "max", strconv.Itoa(maxAge))
	}
	// The retirement limit concerns the site manager only (TC-P-天津).
	if v, ok := c.r.RetirementAgeLimit.Get(); ok && v && siteManager {
		limit := 60
		if id.Female() {
			limit = 55
		}
		if age >= limit {
			c.add("person.retirement", SeverityError, pi.path+".document.number", c.r.RetirementAgeLimit.Source(), "age", strconv.Itoa(age))
		}
	}
}

// checkMinAge applies the minimum age of the subject's kind. A person below
// it files with one of the province's minor documents where the province
// names them (a guardian's ID, income proof …): a document requirement,
// reported as a warning naming them; where it names none, or the person is
// below the age from which documents help, the person is refused.
func (c *checker) checkMinAge(pi personInfo, age int) {
	minF := c.r.MinAgeFor(c.unit())
	minAge, ok := minF.Get()
	if !ok || age >= minAge {
		return
	}
	docsF := c.r.MinorDocumentsFor(c.unit())
	docs, known := docsF.Get()
	lower, hasLower := c.r.MinAgeWithProof.Get()
	switch {
	case known && docs.Len() > 0 && !docs.Contains("none") && (!hasLower || age >= lower):
		c.add("person.age_documents", SeverityWarning, pi.path+".document.number", docsF.Source(),
			"age", strconv.Itoa(age), "min", strconv.Itoa(minAge), "documents", strings.ReplaceAll(docs.String(), "|", ","))
	case !known && hasLower && age >= lower:
		c.add("person.age_proof", SeverityWarning, pi.path+".document.number", c.r.MinAgeWithProof.Source(),
			"age", strconv.Itoa(age), "min", strconv.Itoa(minAge))
	default:
		c.add("person.age_below", statusSeverity(minF.Status()), pi.path+".document.number", minF.Source(),
			"age", strconv.Itoa(age), "min", strconv.Itoa(minAge))
	}
}

func (c *checker) checkValidity(field string, until subject.Date, min province.Fact[int]) {
	if until.IsZero() {
		return
	}
	m, ok := min.Get()
	if !ok {
		return
	}
	if days := c.today.DaysUntil(until); days < m {
		c.add("document.validity", SeverityError, field, min.Source(), "days", strconv.Itoa(days), "min", strconv.Itoa(m))
	}
}

// --- address ---------------------------------------------------------------------

func ruleAddress(c *checker) {
	s := c.app.Subject
	if strings.TrimSpace(s.Address) == "" {
		return // structure reports it
	}
	opts := subject.AddressOptions{Province: c.app.Province, Remark: s.Remark + " " + c.app.Remark}
	opts.NoShixiaqu, _ = c.r.AddressNoShixiaqu.Get()
	if s.Kind == subject.Individual {
		opts.RequireRoom, _ = c.r.AddressRoomNumberIndividuals.Get()
	}
	for _, p := range subject.CheckAddress(s.Address, opts) {
		sev := SeverityError
		if p.Code == subject.AddressObsoleteDistrict {
			sev = SeverityWarning
		}
		c.add(p.Code, sev, "subject.address", p.Source, "detail", p.Detail)
	}
}

// --- unit name ---------------------------------------------------------------------

func ruleUnitName(c *checker) {
	s := c.app.Subject
	if !c.unit() || s.LicenceName == "" || s.Name == "" {
		return
	}
	switch m, at := subject.CompareNames(s.LicenceName, s.Name); m {
	case subject.NamesEqualFolded:
		c.add("subject.name_licence", SeverityWarning, "subject.name", "TC-P-北京", "at", "-", "match", m.String())
	case subject.NamesDifferent:
		c.add("subject.name_licence", SeverityError, "subject.name", "TC-materials", "at", strconv.Itoa(at+1), "match", m.String())
	}
}

// --- individuals -------------------------------------------------------------------

func (c *checker) ownerIDProvince() (province.Province, bool) {
	id, ok := c.owner.doc.ResidentID()
	if !ok || id.Kind() != subject.MainlandID {
		return 0, false
	}
	return id.Province(), true
}

func ruleIndividual(c *checker) {
	if c.app.Subject.Kind != subject.Individual {
		return
	}
	if p, ok := c.ownerIDProvince(); ok && p != c.app.Province {
		f := c.r.NonLocalIndividuals
		switch v, known := f.Get(); {
		case !known:
			c.add("individual.non_local_unknown", SeverityWarning, "subject.owner.document.number", f.Source(), "id_province", p.String())
		case v == province.NonLocalRefused:
			c.add("individual.non_local_refused", statusSeverity(f.Status()), "subject.owner.document.number", f.Source(),
				"id_province", p.String(), "province", c.app.Province.String())
		case v == province.NonLocalWithProof:
			proofs := c.r.ResidenceProofs.Value().String()
			c.add("individual.non_local_proof", SeverityInfo, "subject.owner.document.number", f.Source(), "id_province", p.String(), "proofs", proofs)
		}
	}
	if v, ok := c.r.PersonalSpaceAccepted.Get(); ok && !v {
		for i, s := range c.app.Sites {
			if slices.Contains(s.Content, "personal_space") {
				c.add("site.personal_space", SeverityError, fmt.Sprintf("sites[%d].content", i), c.r.PersonalSpaceAccepted.Source())
			}
		}
	}
}

// --- contacts ---------------------------------------------------------------------

func ruleContacts(c *checker) {
	people := []personInfo{}
	if slices.Contains(subjectTypes, c.app.FilingType) || c.app.Subject.Kind == subject.Individual {
		people = append(people, c.owner)
	}
	people = append(people, c.mgrs...)
	for _, pi := range people {
		c.checkContact(pi)
	}
	// Pairwise rules, per site: the subject's manager and the site's.
	o := c.owner
	for i, m := range c.mgrs {
		same := o.p.SamePerson(m.p)
		var keyBuf [4]string
		keys := keyBuf[:0]
		for _, k := range [...]string{o.mobileKey, o.emergencyKey, m.mobileKey, m.emergencyKey} {
			if k != "" && !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
		distinct := len(keys)
		for _, e := range [...]*personInfo{&o, &m} {
			if e.emergencyKey == "" {
				continue
			}
			if e.emergencyKey == o.mobileKey || e.emergencyKey == m.mobileKey {
				c.add("contact.emergency_same", SeverityError, e.path+".emergency_phone", "QC-general; HW-mat")
			}
		}
		if !same && o.mobileKey != "" && o.mobileKey == m.mobileKey {
			c.add("contact.shared_phone", SeverityError, m.path+".mobile", "HW-mat doc_0080; HW-reject doc_0023")
		}
		if !same && o.p.Email != "" && strings.EqualFold(strings.TrimSpace(o.p.Email.Reveal()), strings.TrimSpace(m.p.Email.Reveal())) {
			c.add("contact.shared_email", SeverityError, m.path+".email", "HW-mat doc_0080")
		}
		want := c.r.DistinctPhonesTwoPersons
		if same {
			want = c.r.DistinctPhonesOnePerson
		}
		if v, ok := want.Get(); ok && distinct < v {
			c.add("contact.distinct_numbers", SeverityError, index("sites", i)+".manager", want.Source(),
				"min", strconv.Itoa(v), "count", strconv.Itoa(distinct))
		}
	}
	c.localNumbers(people)
	s := c.app.Subject
	if c.unit() && slices.Contains(subjectTypes, c.app.FilingType) {
		if v, ok := c.r.UnitLandline.Get(); ok && v && s.Landline == "" {
			c.add("contact.landline_required", SeverityError, "subject.landline", c.r.UnitLandline.Source())
		}
		if s.Landline != "" {
			if _, err := subject.ParseLandline(s.Landline.Reveal()); err != nil {
				if _, err2 := subject.ParseMobile(s.Landline.Reveal()); err2 != nil {
					c.add("contact.landline", SeverityError, "subject.landline", "TC-subj", "part", partOf(err))
				}
			}
		}
		if c.cfg.profile.CompanyEmail != 0 && s.Owner.Email != "" {
			var doms []string
			for _, st := range c.app.Sites {
				doms = append(doms, st.Domains...)
			}
			if len(doms) > 0 && !subject.EmailInDomains(s.Owner.Email.Reveal(), doms...) {
				c.add("contact.company_email", c.cfg.profile.CompanyEmail, "subject.owner.email", c.cfg.profile.Source,
					"domains", strings.Join(doms, ", "))
			}
		}
	}
}

func (c *checker) checkContact(pi personInfo) {
	p := pi.p
	if p.Mobile != "" {
		switch {
		case pi.mobErr != nil:
			c.add("contact.mobile", SeverityError, pi.path+".mobile", "TP-vsit", "part", partOf(pi.mobErr))
		case !pi.mobile.IsContact():
			// IoT, satellite and emergency-communication ranges take no SMS at all.
			c.add("contact.mobile_sms", SeverityError, pi.path+".mobile", "TC-sms; TP-vsit", "class", pi.mobile.Class().String())
		case !pi.mobile.CanReceiveVerificationSMS():
			// Tencent: only some virtual and new ranges cannot receive it.
			c.add("contact.mobile_sms", SeverityWarning, pi.path+".mobile", "TC-sms; TP-vsit", "class", pi.mobile.Class().String())
		}
	}
	if p.EmergencyPhone != "" {
		v := p.EmergencyPhone.Reveal()
		if m, err := subject.ParseMobile(v); err == nil {
			switch {
			case !m.IsContact():
				// No source states a rule; an IoT or satellite number cannot be called as a phone.
				c.add("contact.emergency_virtual", SeverityWarning, pi.path+".emergency_phone", "TP-vsit", "class", m.Class().String())
			case m.Virtual() && c.cfg.profile.EmergencyNotVirtual != 0:
				c.add("contact.emergency_virtual", c.cfg.profile.EmergencyNotVirtual, pi.path+".emergency_phone", c.cfg.profile.Source, "class", m.Class().String())
			}
		} else if _, lerr := subject.ParseLandline(v); lerr != nil {
			c.add("contact.emergency", SeverityError, pi.path+".emergency_phone", "QC-general", "part", partOf(err))
		}
	}
	if p.Email != "" {
		if err := subject.CheckEmail(p.Email.Reveal()); err != nil {
			c.add("contact.email", SeverityError, pi.path+".email", "HW-mat", "part", partOf(err))
		}
	}
}

func (c *checker) localNumbers(people []personInfo) {
	unit := c.unit()
	idProv, hasID := c.ownerIDProvince()
	nonLocal := hasID && idProv != c.app.Province
	remark := c.r.LocalMobileRemarkAccepted(unit) && strings.TrimSpace(c.app.Remark) != ""
	var unchecked []string
	var source string
	check := func(path string, m subject.Mobile, role province.PhoneRole, token string) {
		need, f := c.r.NeedsLocalMobile(unit, role, nonLocal)
		if !need || !m.IsValid() {
			return
		}
		source = f.Source()
		if c.cfg.Locator == nil {
			if !slices.Contains(unchecked, token) {
				unchecked = append(unchecked, token)
			}
			return
		}
		p, ok := c.cfg.Locator(m)
		if !ok || p == c.app.Province {
			return
		}
		if remark {
			// The province takes a remark explaining a non-local number.
			c.add("contact.local_remark", SeverityInfo, path, f.Source()+"; "+c.r.LocalMobileRemark.Source(), "province", p.String())
			return
		}
		c.add("contact.local", statusSeverity(f.Status()), path, f.Source(), "province", p.String())
	}
	for _, pi := range people {
		role, token := province.ManagerMobile, "manager"
		if pi.path == "subject.owner" {
			role, token = province.OwnerMobile, "owner"
		}
		if pi.mobErr == nil {
			check(pi.path+".mobile", pi.mobile, role, token)
		}
		if m, err := subject.ParseMobile(pi.p.EmergencyPhone.Reveal()); err == nil {
			check(pi.path+".emergency_phone", m, province.EmergencyPhone, "emergency")
		}
	}
	if len(unchecked) > 0 {
		c.add("contact.local_unchecked", SeverityInfo, "", source, "roles", strings.Join(unchecked, ","))
	}
}

// --- domains ---------------------------------------------------------------------

func ruleDomains(c *checker) {
	s := c.app.Subject
	seen := map[string]bool{}
	for i, st := range c.app.Sites {
		sp := index("sites", i)
		if st.ServiceType == ServiceWebsite && len(st.Domains) == 0 {
			c.add("domain.none", SeverityError, sp+".domains", "TC-domain")
		}
		for j, d := range st.Domains {
			f := index(sp+".domains", j)
			name, err := domain.Parse(d)
			host, reg, suffix := name.Host, name.Registrable, name.Suffix
			if err != nil {
				part := "host"
				switch {
				case errors.Is(err, domain.ErrIPHost):
					part = "ip_host"
				case errors.Is(err, domain.ErrPublicSuffix):
					part = "public_suffix"
				}
				c.add("domain.invalid", SeverityError, f, "TC-domain", "domain", norm.Clip(d, 80), "part", part)
				continue
			}
			if domain.Confusable(host) {
				c.add("domain.confusable", SeverityWarning, f, "UTS39", "domain", domain.Display(host))
			}
			if name.GovSubdomain() {
				c.add("domain.gov_subdomain", SeverityError, f, "TC-domain; HW-domain", "domain", host)
			} else if host != reg && st.ServiceType == ServiceWebsite {
				c.add("domain.subdomain", SeverityError, f, "TC-domain; HW-domain doc_0005", "domain", host, "registrable", reg)
			}
			if seen[reg] {
				c.add("domain.duplicate", SeverityError, f, "TC-site", "domain", reg)
			}
			seen[reg] = true
			if ok, src := c.cfg.TLDs.FileableAt(suffix, c.r, c.at); !ok {
				c.add("domain.tld", SeverityError, f, src, "suffix", domain.Display(suffix))
			}
			if ok, fam := kindSuffixOK(s.Kind, suffix); !ok {
				c.add("domain.kind_suffix", SeverityError, f, "HW-prov doc_0218; HW-policy", "family", fam)
			}
		}
		c.checkHolder(sp, st)
		if len(st.Domains) > 0 {
			if st.DomainExpires.IsZero() {
				c.add("domain.expires_missing", SeverityWarning, sp+".domain_expires", "QC-domain")
			} else if m, ok := c.r.MinDomainValidityDays.Get(); ok {
				if days := c.today.DaysUntil(st.DomainExpires); days < m {
					c.add("domain.expires", SeverityError, sp+".domain_expires", c.r.MinDomainValidityDays.Source(),
						"days", strconv.Itoa(days), "min", strconv.Itoa(m))
				}
			}
		}
	}
}

func (c *checker) checkHolder(sp string, st Site) {
	h := strings.TrimSpace(st.DomainHolder)
	if h == "" || len(st.Domains) == 0 {
		return
	}
	s := c.app.Subject
	f := sp + ".domain_holder"
	if !c.unit() {
		if m, _ := subject.CompareNames(s.Owner.Name.Reveal(), h); m == subject.NamesDifferent {
			c.add("domain.holder", SeverityError, f, "TC-domain; QC-general", "holder", subject.Mask(h))
		}
		return
	}
	switch m, _ := subject.CompareNames(s.Name, h); m {
	case subject.NamesIdentical:
		return
	case subject.NamesEqualFolded:
		c.add("domain.holder_folded", SeverityWarning, f, "TC-P-北京", "holder", h)
		return
	}
	// Not the unit: the legal representative may hold it, except where the
	// province wants the unit name only.
	if s.Owner.LegalRepresentative {
		if om, _ := subject.CompareNames(s.Owner.Name.Reveal(), h); om != subject.NamesDifferent {
			if v, ok := c.r.DomainHolderUnitOnly.Get(); ok && v {
				c.add("domain.holder_legal_rep", SeverityError, f, c.r.DomainHolderUnitOnly.Source())
			}
			return
		}
	}
	// A holder that is neither the unit nor its representative may be a
	// person: mask it like any personal name.
	c.add("domain.holder", SeverityError, f, "TC-domain; QC-general; HW-prep doc_0209", "holder", subject.Mask(h))
}

// --- sites -----------------------------------------------------------------------

func ruleSites(c *checker) {
	s := c.app.Subject
	individual := s.Kind == subject.Individual
	for i, st := range c.app.Sites {
		sp := index("sites", i)
		if st.ServiceType == ServiceApp {
			checkAppName(&c.fd, st.Name, sp+".name", c.cfg.names)
			c.checkApp(sp, st)
		} else {
			checkSiteName(&c.fd, st.Name, NameOptions{Individual: individual, Rules: c.r, Field: sp + ".name", Words: c.cfg.names})
		}
		texts := map[string]string{sp + ".name": st.Name, sp + ".description": st.Description}
		if i == 0 && s.BusinessScope != "" {
			texts["subject.business_scope"] = s.BusinessScope
		}
		checkPreApproval(&c.fd, PreApprovalInput{Individual: individual, Texts: texts, Approvals: st.Approvals, NotInvolved: st.NotInvolved, Table: c.cfg.preapp})
	}
}

func (c *checker) checkApp(sp string, st Site) {
	a := st.App
	if a == nil {
		c.add("site.app_missing", SeverityError, sp+".app", "HW-app")
		return
	}
	if a.PackageName != "" && !validAndroidPackage(a.PackageName) {
		c.add("app.package", SeverityError, sp+".app.package_name", "HW-app", "value", norm.Clip(a.PackageName, 60))
	}
	if a.AndroidMD5 != "" {
		if _, ok := normalizeFingerprint(a.AndroidMD5, 16); !ok {
			c.add("app.fingerprint", SeverityError, sp+".app.android_md5", "HW-app", "platform", "Android", "want", "MD5 (32)")
		}
	}
	if a.IOSSHA1 != "" {
		if _, ok := normalizeFingerprint(a.IOSSHA1, 20); !ok {
			c.add("app.fingerprint", SeverityError, sp+".app.ios_sha1", "HW-app", "platform", "iOS", "want", "SHA-1 (40)")
		}
	}
}

func ruleLimits(c *checker) {
	if c.app.Subject.ExistingServices < 0 {
		c.add("structure.invalid", SeverityError, "subject.existing_services", "icpkit input", "field", "subject.existing_services", "tag", "min=0")
	}
	if c.app.FilingType != FirstFiling && c.app.FilingType != NewSite && c.app.FilingType != NewSiteNoSubject {
		return
	}
	checkLimits(&c.fd, limitInput{Individual: c.app.Subject.Kind == subject.Individual, Existing: c.existingServices(),
		Sites: c.app.Sites, Rules: c.r, ProfileCap: c.cfg.profile.MaxIndividualServices, ProfileCapSource: c.cfg.profile.Source})
}

// existingServices is Subject.ExistingServices as a count that sums
// cannot overflow: a negative value (reported by ruleLimits) counts as 0,
// and a value over [MaxCount] as MaxCount, so that adding the at most
// [MaxSites] sites of an order saturates instead of wrapping.
func (c *checker) existingServices() int {
	return min(max(c.app.Subject.ExistingServices, 0), MaxCount)
}

// --- resource and access -------------------------------------------------------

func ruleResource(c *checker) {
	rs := c.app.Resource
	sr := c.cfg.profile.Server
	if rs.Region != "" && rs.Region != "mainland" {
		c.add("resource.region", SeverityError, "resource.region", "TC-cloud; HW-cond", "region", norm.Clip(rs.Region, 40))
	}
	if rs.Product != "" && !sr.AcceptsProduct(rs.Product) {
		c.add("resource.product", SeverityError, "resource.product", sr.Source, "product", norm.Clip(rs.Product, 40), "allowed", strings.Join(sr.Products(), ","))
	}
	if rs.Billing != "" && !sr.AcceptsBilling(rs.Billing) {
		c.add("resource.billing", SeverityError, "resource.billing", sr.Source, "billing", norm.Clip(rs.Billing, 40))
	}
	if sr.MinMonths > 0 && rs.Months < sr.MinMonths && (rs.Product != "" || rs.Months != 0) {
		c.add("resource.months", SeverityError, "resource.months", sr.Source, "months", strconv.Itoa(rs.Months), "min", strconv.Itoa(sr.MinMonths))
	}
	if sr.MinMonthsLeft > 0 && !rs.Expires.IsZero() {
		// The term must not end within MinMonthsLeft months of the check date.
		least := c.at.AddDate(0, sr.MinMonthsLeft, 0)
		if rs.Expires.Time().Before(subject.DateOf(least).Time()) {
			c.add("resource.time_left", SeverityError, "resource.expires", sr.Source,
				"expires", rs.Expires.String(), "min", strconv.Itoa(sr.MinMonthsLeft))
		}
	}
}

var (
	reservedPrefixes = []netip.Prefix{
		netip.MustParsePrefix("0.0.0.0/8"), netip.MustParsePrefix("100.64.0.0/10"), netip.MustParsePrefix("192.0.0.0/24"),
		netip.MustParsePrefix("198.18.0.0/15"), netip.MustParsePrefix("240.0.0.0/4"), netip.MustParsePrefix("255.255.255.255/32"),
		netip.MustParsePrefix("2001:db8::/32"),
	}
	documentationPrefixes = []netip.Prefix{
		netip.MustParsePrefix("192.0.2.0/24"), netip.MustParsePrefix("198.51.100.0/24"), netip.MustParsePrefix("203.0.113.0/24"),
	}
)

// ipProblem classifies an address for filing: "" for a usable public
// address, else "private", "reserved" or "documentation".
func ipProblem(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid(), ip.IsPrivate(), ip.IsLoopback(), ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast(), ip.IsUnspecified(), ip.IsMulticast():
		return "private"
	}
	for _, p := range documentationPrefixes {
		if p.Contains(ip) {
			return "documentation"
		}
	}
	for _, p := range reservedPrefixes {
		if p.Contains(ip) {
			return "reserved"
		}
	}
	return ""
}

func ruleAccess(c *checker) {
	// Addresses are counted after Unmap: 1.2.3.4 and ::ffff:1.2.3.4 are
	// one server.
	perIP := map[netip.Addr]int{}
	var order []netip.Addr
	for i, st := range c.app.Sites {
		sp := index("sites", i) + ".access"
		if strings.TrimSpace(st.Access.Provider) == "" && st.ServiceType != ServiceMiniProgram {
			c.add("access.provider", SeverityError, sp+".provider", "TC-access")
		}
		if len(st.Access.IPs) == 0 && st.ServiceType == ServiceWebsite {
			c.add("access.ip_missing", SeverityError, sp+".ips", "TC-cloud; HW-prep")
		}
		for j, ip := range st.Access.IPs {
			f := index(sp+".ips", j)
			switch ipProblem(ip) {
			case "private":
				c.add("access.ip_private", SeverityError, f, "TC-cloud; HW-prep", "ip", ip.String())
			case "reserved":
				c.add("access.ip_reserved", SeverityError, f, "RFC 6890", "ip", ip.String())
			case "documentation":
				c.add("access.ip_documentation", SeverityWarning, f, "RFC 5737", "ip", ip.String())
			}
			u := ip.Unmap()
			if perIP[u] == 0 {
				order = append(order, u)
			}
			perIP[u]++
		}
	}
	if m := c.cfg.profile.Server.SitesPerInstance; m > 0 {
		for _, ip := range order {
			if perIP[ip] > m {
				c.add("access.sites_per_instance", SeverityWarning, "sites", c.cfg.profile.Server.Source,
					"ip", ip.String(), "count", strconv.Itoa(perIP[ip]), "max", strconv.Itoa(m))
			}
		}
	}
}

// --- offline --------------------------------------------------------------------

func ruleOffline(c *checker) {
	ft := c.app.FilingType
	if ft != CancelAccess && ft != ChangeAccess {
		c.add("offline.sms_verification", SeverityInfo, "", "HW-sms; QC-sms")
	}
	if slices.Contains(siteTypes, ft) {
		c.add("offline.mobile_real_name", SeverityInfo, "", "HW-mat; HW-err §4")
		c.add("offline.face_verification", SeverityInfo, "", "HW-mat doc_0064; HW-flow doc_0077")
		c.add("offline.seals", SeverityInfo, "", "TC-upload; QC-general")
		c.add("offline.domain_real_name", SeverityInfo, "", "TC-domain; HW-domain doc_0003")
	}
}
