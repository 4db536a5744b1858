package refile

import (
	"cmp"
	"fmt"
	"io"
	"net/netip"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/domain"
	"github.com/icpkit/icpkit/internal/jsonx"
	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/internal/opt"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// DeploymentSubject is the subject side of a [Deployment].
type DeploymentSubject struct {
	Kind        subject.Kind      `json:"kind"`
	Name        string            `json:"name"`
	Number      icp.Number        `json:"number,omitzero"`
	Certificate subject.Document  `json:"certificate"`
	Province    province.Province `json:"province"`
	Address     string            `json:"address,omitempty"`
	Owner       subject.Person    `json:"owner"`
}

// DeployedSite is one filed (or to be filed) service of a [Deployment].
type DeployedSite struct {
	Number  icp.Number     `json:"number,omitzero"`
	Name    string         `json:"name"`
	Domains []string       `json:"domains"`
	Manager subject.Person `json:"manager"`
	// Access lists the access providers, each with its IPs; a site may be
	// hosted at several providers, each with its own access filing.
	Access     []icp.Access `json:"access"`
	Commercial bool         `json:"commercial,omitempty"`
	// DomainHolder is the domains' registrant, when known.
	DomainHolder string `json:"domain_holder,omitempty"`
}

// Deployment is what a subject has filed and where it is hosted, before or
// after a change. Its JSON form (snake_case, names fixed) is what
// [DecodeDeployment] reads.
type Deployment struct {
	Subject DeploymentSubject `json:"subject"`
	Sites   []DeployedSite    `json:"sites"`
}

// deploymentSchema is the shape DecodeDeployment checks, with the input
// bounds of package icp: [icp.MaxSites] sites, [icp.MaxDomainsPerSite]
// domains and [icp.MaxProviders] providers per site, [icp.MaxIPsPerAccess]
// IPs per provider.
var deploymentSchema = jsonx.NewSchema[Deployment](jsonx.Bounds{
	{Type: reflect.TypeFor[Deployment](), Name: "sites"}:     jsonx.Items(icp.MaxSites),
	{Type: reflect.TypeFor[DeployedSite](), Name: "domains"}: jsonx.Items(icp.MaxDomainsPerSite),
	{Type: reflect.TypeFor[DeployedSite](), Name: "access"}:  jsonx.Items(icp.MaxProviders),
	{Type: reflect.TypeFor[icp.Access](), Name: "ips"}:       jsonx.Items(icp.MaxIPsPerAccess),
})

// DecodeDeployment reads a deployment in JSON, strictly and within bounds,
// like [icp.DecodeApplication]: exact keys, no duplicates, nothing after
// the document, valid UTF-8, no masked personal data, and the array bounds
// above counted while reading. Every error is an [*icp.DecodeError] naming
// the JSON path.
func DecodeDeployment(r io.Reader) (Deployment, error) {
	var d Deployment
	if e := deploymentSchema.Decode(r, &d); e != nil {
		// Mask what the error echoes of the input, as icp.DecodeApplication
		// does.
		return d, &icp.DecodeError{Path: norm.MaskPersonalNumbers(e.Path), Reason: norm.MaskPersonalNumbers(e.Reason)}
	}
	return d, nil
}

// verifiersForChange returns who verifies a 变更备案 that changes the
// subject, the sites, or both; an access-only change needs no SMS.
func verifiersForChange(subjectChanged, siteChanged bool) []icp.Verifier {
	var out []icp.Verifier
	if subjectChanged {
		out = append(out, icp.VerifierOwner)
	}
	if siteChanged {
		out = append(out, icp.VerifierManager)
	}
	return out
}

// Reason says why an action is needed: a stable code, the source keys, and
// the message in both languages.
type Reason struct {
	Code   string            `json:"code"`
	Source string            `json:"source"`
	Params map[string]string `json:"params,omitempty"`
	// Message is the reason in the plan's language ([icp.WithLanguage]),
	// rendered from the same catalog as the findings.
	Message string `json:"message"`
}

// Action is one filing a change needs.
type Action struct {
	Type icp.FilingType `json:"type"`
	// Required is false for recommended actions.
	Required bool `json:"required"`
	// Site names the site (its number, or its first domain); empty for
	// subject-level actions. SiteIndex is its index in the after
	// deployment, or -1.
	Site      string         `json:"site,omitempty"`
	SiteIndex int            `json:"site_index"`
	Provider  string         `json:"provider,omitempty"`
	Reason    Reason         `json:"reason"`
	Verifiers []icp.Verifier `json:"verifiers"`
	// Documents lists materials this action needs beyond the usual ones.
	Documents []material.Kind `json:"documents,omitempty"`
	// Step is the action's place in the sequence (1 first); actions with
	// the same step may be filed in either order but not at the same time:
	// only one order may be in flight per subject.
	Step int `json:"step"`
	// WaitsFor is the step whose required actions must be approved before
	// this one is filed: the latest earlier step with a required action, or
	// 0 when it waits for nothing. Waiting is transitive (a step's actions
	// wait for the steps before it), so one number says it all and a plan's
	// size stays linear in its actions.
	WaitsFor int `json:"waits_for,omitempty"`
}

// Result is the answer of [Plan]: the actions in order, notes on
// conflicts and ordering, and findings when a deployment is invalid.
type Result struct {
	Actions  []Action   `json:"actions"`
	Notes    []Reason   `json:"notes,omitempty"`
	Findings icp.Report `json:"findings"`
}

// Required reports whether any action is required.
func (p Result) Required() bool {
	for _, a := range p.Actions {
		if a.Required {
			return true
		}
	}
	return false
}

// Plan tells which filings a change from before to after needs, why, who
// must verify by SMS, which documents are needed and in which order. It
// covers the changes the providers document (TC-change, HW-change, QC-change); where sources
// disagree the plan follows a stated default and adds a note. Plan(x, x)
// requires nothing, and the plan is deterministic. Without [icp.At] it
// uses the newest rules of the table.
//
// Its work and its size are linear in the sites and providers of the two
// deployments: each action names the step it waits for ([Action.WaitsFor])
// rather than every earlier action, and a plan repeats its few distinct
// messages without formatting them again. 1000 sites moving between 100
// providers each (200,000 actions) take well under a second and 100 MB.
//
// Options: [icp.At] for the rules in force on a date, [icp.WithRules] for
// another table, [icp.WithLanguage] for the messages; others are ignored.
func Plan(before, after Deployment, opts ...icp.Option) Result {
	cfg := opt.Apply(opts)
	p := &planner{before: before, after: after, cfg: cfg, fd: finder{lang: cfg.Lang}}
	for i, d := range [2]Deployment{before, after} {
		if len(d.Sites) > icp.MaxSites {
			p.fd.add("plan.invalid", icp.SeverityError, [2]string{"before", "after"}[i]+".sites", "icpkit input bound", "part", fmt.Sprintf("more than %d sites", icp.MaxSites))
		}
	}
	if y := cfg.At.Year(); cfg.AtSet && (y < 1 || y > 9999) {
		// A year no calendar has (workday.MinYear to MaxYear): refused
		// rather than wrapped.
		p.fd.add("plan.invalid", icp.SeverityError, "", "icpkit input bound", "part", fmt.Sprintf("the year %d of icp.At", y))
	}
	if !p.fd.report().OK() {
		return Result{Actions: []Action{}, Findings: p.fd.report()}
	}
	p.validate("before", before)
	p.validate("after", after)
	if !p.fd.report().OK() {
		return Result{Actions: []Action{}, Findings: p.fd.report()}
	}
	prov := after.Subject.Province
	if !prov.IsValid() {
		prov = before.Subject.Province
	}
	if cfg.AtSet {
		p.rules = cfg.Rules.RulesAt(prov, cfg.At)
		p.oldRules = cfg.Rules.RulesAt(before.Subject.Province, cfg.At)
	} else {
		p.rules = cfg.Rules.Rules(prov)
		p.oldRules = cfg.Rules.Rules(before.Subject.Province)
	}
	p.plan()
	return p.result()
}

type planner struct {
	before, after   Deployment
	cfg             opt.Config
	fd              finder
	rules, oldRules province.Rules
	// actions are kept in chunks of actionChunk, so that a large plan
	// is not copied as it grows; result copies them once, in order.
	actions [][]Action
	count   int
	notes   []Reason
	// reasons caches the reasons built, by code, source and parameters: a
	// plan repeats few distinct messages many times.
	reasons map[reasonKey]Reason
}

const actionChunk = 256

type reasonKey struct {
	code, source string
	kv           [4]string
}

// each calls f with a pointer to every action, in the order added.
func (p *planner) each(f func(*Action)) {
	for _, c := range p.actions {
		for i := range c {
			f(&c[i])
		}
	}
}

func (p *planner) reason(code, source string, kv ...string) Reason {
	if len(kv) <= 4 {
		k := reasonKey{code: code, source: source}
		copy(k.kv[:], kv)
		if r, ok := p.reasons[k]; ok {
			return r
		}
		r := p.buildReason(code, source, kv...)
		if p.reasons == nil {
			p.reasons = map[reasonKey]Reason{}
		}
		p.reasons[k] = r
		return r
	}
	return p.buildReason(code, source, kv...)
}

func (p *planner) buildReason(code, source string, kv ...string) Reason {
	var params map[string]string
	if len(kv) > 0 {
		params = make(map[string]string, len(kv)/2)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		params[kv[i]] = kv[i+1]
	}
	return Reason{Code: code, Source: source, Params: params, Message: icp.Message(p.cfg.Lang, code, params)}
}

func (p *planner) add(a Action) {
	if a.Verifiers == nil {
		a.Verifiers = icp.Verifiers(a.Type)
	}
	if n := len(p.actions); n == 0 || len(p.actions[n-1]) == cap(p.actions[n-1]) {
		p.actions = append(p.actions, make([]Action, 0, min(actionChunk, 8<<min(len(p.actions), 5))))
	}
	last := &p.actions[len(p.actions)-1]
	*last = append(*last, a)
	p.count++
}

func (p *planner) note(code, source string, kv ...string) {
	r := p.reason(code, source, kv...)
	for _, n := range p.notes {
		if n.Code == r.Code && n.Message == r.Message {
			return
		}
	}
	p.notes = append(p.notes, r)
}

// validate reports invalid deployments as findings naming the JSON path.
func (p *planner) validate(root string, d Deployment) {
	s := d.Subject
	if !s.Province.IsValid() {
		p.fd.add("plan.invalid", icp.SeverityError, root+".subject.province", "icpkit input", "part", "province")
	}
	if !s.Kind.IsValid() {
		p.fd.add("plan.invalid", icp.SeverityError, root+".subject.kind", "icpkit input", "part", "kind")
	}
	if s.Number.IsValid() && s.Number.Kind() != icp.SubjectFiling {
		p.fd.add("plan.invalid", icp.SeverityError, root+".subject.number", "icpkit input", "part", "not a subject number")
	}
	for i, st := range d.Sites {
		if st.Number.IsValid() && s.Number.IsValid() {
			if sub, _ := st.Number.Subject(); sub != s.Number {
				p.fd.add("plan.invalid", icp.SeverityError, fmt.Sprintf("%s.sites[%d].number", root, i), "icpkit input", "part", "site number of another subject")
			}
		}
		for j, a := range st.Access {
			for k, ip := range a.IPs {
				if !ip.IsValid() {
					p.fd.add("plan.invalid", icp.SeverityError, fmt.Sprintf("%s.sites[%d].access[%d].ips[%d]", root, i, j, k), "icpkit input", "part", "IP")
				}
			}
		}
	}
}

// siteK matches sites across before and after: by number, else by the
// registrable form of the first domain, else by name.
type siteK struct {
	n    icp.Number
	text string
}

func siteKey(s DeployedSite) siteK {
	if s.Number.IsValid() {
		return siteK{n: s.Number}
	}
	for _, d := range s.Domains {
		if r, err := domain.RegistrableDomain(d); err == nil {
			return siteK{text: "d:" + r}
		}
	}
	return siteK{text: "s:" + s.Name}
}

// accessEqual reports whether two access lists are the same.
func accessEqual(a, b []icp.Access) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Provider != b[i].Provider || !slices.Equal(a[i].IPs, b[i].IPs) {
			return false
		}
	}
	return true
}

func siteLabel(s DeployedSite) string {
	if s.Number.IsValid() {
		return s.Number.String()
	}
	if len(s.Domains) > 0 {
		return s.Domains[0]
	}
	return s.Name
}

// samePerson tells people apart by document, or by name and document type
// when a deployment lacks the document number.
func samePerson(a, b subject.Person) bool {
	if a.Document.Number == "" || b.Document.Number == "" {
		return a.Document.Number == b.Document.Number && a.Document.Type == b.Document.Type && a.Name == b.Name
	}
	return a.SamePerson(b)
}

func sameContacts(a, b subject.Person) bool {
	if a.Mobile == b.Mobile && a.EmergencyPhone == b.EmergencyPhone && a.Email == b.Email {
		return true
	}
	return a.Mobile.PhoneKey() == b.Mobile.PhoneKey() && a.EmergencyPhone.PhoneKey() == b.EmergencyPhone.PhoneKey() &&
		strings.EqualFold(strings.TrimSpace(a.Email.Reveal()), strings.TrimSpace(b.Email.Reveal()))
}

func certKey(d subject.Document) string {
	if id, err := d.Parse(); err == nil {
		return id.Number()
	}
	return strings.ToUpper(strings.TrimSpace(d.Number.Reveal()))
}

// providers returns the site's providers, trimmed, sorted and without
// repeats.
func providers(s DeployedSite) []string {
	out := make([]string, 0, len(s.Access))
	for _, a := range s.Access {
		if p := strings.TrimSpace(a.Provider); p != "" {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// has reports whether the sorted list ps holds p.
func has(ps []string, p string) bool {
	_, ok := slices.BinarySearch(ps, p)
	return ok
}

// ipsByProvider returns each provider's IPs, unmapped, sorted and without
// repeats: 1.2.3.4 and ::ffff:1.2.3.4 are one address.
func ipsByProvider(s DeployedSite) map[string][]netip.Addr {
	out := make(map[string][]netip.Addr, len(s.Access))
	for _, a := range s.Access {
		for _, ip := range a.IPs {
			out[a.Provider] = append(out[a.Provider], ip.Unmap())
		}
	}
	for k, ips := range out {
		slices.SortFunc(ips, netip.Addr.Compare)
		out[k] = slices.Compact(ips)
	}
	return out
}

const (
	stepChangeBefore = 1 // changes at the current provider, before an access filing
	stepAccess       = 2
	stepNewSite      = 3
	stepChange       = 4
	stepCancel       = 5
)

func (p *planner) plan() {
	b, a := p.before, p.after
	bs, as := b.Subject, a.Subject
	individualBefore, individualAfter := bs.Kind == subject.Individual, as.Kind == subject.Individual

	// Subject level.
	entityChanged := bs.Certificate != as.Certificate && certKey(bs.Certificate) != certKey(as.Certificate)
	switch {
	case bs.Province != as.Province:
		p.add(Action{Type: icp.CancelSubject, Required: true, SiteIndex: -1, Step: stepCancel,
			Reason: p.reason("plan.province_moved", "TC-change; HW-rules; QC-change", "from", bs.Province.String(), "to", as.Province.String())})
		p.add(Action{Type: icp.FirstFiling, Required: true, SiteIndex: -1, Step: stepNewSite,
			Reason: p.reason("plan.province_moved", "TC-change; HW-rules; QC-change", "from", bs.Province.String(), "to", as.Province.String())})
		return
	case individualBefore && !individualAfter:
		p.individualToCompany()
		return
	case !individualBefore && individualAfter:
		p.add(Action{Type: icp.CancelSubject, Required: true, SiteIndex: -1, Step: stepCancel, Reason: p.reason("plan.company_to_individual", "TC-change; TC-P-上海")})
		p.add(Action{Type: icp.FirstFiling, Required: true, SiteIndex: -1, Step: stepNewSite, Reason: p.reason("plan.company_to_individual", "TC-change; TC-P-上海")})
		return
	case entityChanged:
		p.differentEntity()
		return
	}
	var subjectWhat []string
	renamed := bs.Name != as.Name
	if bs.Address != as.Address {
		subjectWhat = append(subjectWhat, "address")
	}
	ownerChanged := !samePerson(bs.Owner, as.Owner)
	if ownerChanged {
		subjectWhat = append(subjectWhat, "owner")
	}
	contactsChanged := !ownerChanged && !sameContacts(bs.Owner, as.Owner)
	allChange := false
	if contactsChanged {
		onePerson := true // both managers are one person for every site
		for _, s := range a.Sites {
			if !samePerson(as.Owner, s.Manager) {
				onePerson = false
			}
		}
		if individualAfter || onePerson {
			allChange = true
			p.add(Action{Type: icp.ChangeAll, Required: true, SiteIndex: -1, Step: stepChange,
				Reason: p.reason("plan.contacts_all", "QC-change"), Verifiers: verifiersForChange(true, true)})
		} else {
			subjectWhat = append(subjectWhat, "contacts")
		}
	}
	if v, ok := p.rules.OwnerChangeNeedsAll.Get(); ok && v && ownerChanged {
		allChange = true
		p.add(Action{Type: icp.ChangeAll, Required: true, SiteIndex: -1, Step: stepChange,
			Reason: p.reason("plan.owner_changed_all", p.rules.OwnerChangeNeedsAll.Source()), Verifiers: verifiersForChange(true, true),
			Documents: []material.Kind{material.AuthorizationLetter}})
		subjectWhat = slices.DeleteFunc(subjectWhat, func(s string) bool { return s == "owner" })
	}
	if renamed {
		p.add(Action{Type: icp.ChangeSubject, Required: true, SiteIndex: -1, Step: stepChange,
			Reason: p.reason("plan.subject_renamed", "TC-P-*; HW-change"), Documents: []material.Kind{material.RenameLetter}})
	}
	if len(subjectWhat) > 0 && !allChange {
		p.add(Action{Type: icp.ChangeSubject, Required: true, SiteIndex: -1, Step: stepChange,
			Reason: p.reason("plan.subject_changed", "QC-change; HW-change", "what", strings.Join(subjectWhat, ","))})
	}

	// Site level.
	// Match sites by key: a linear scan for the usual few sites, a map for many.
	keys := make([]siteK, len(b.Sites))
	for i, s := range b.Sites {
		keys[i] = siteKey(s)
	}
	var beforeBy map[siteK]int
	if len(keys) > 32 {
		beforeBy = make(map[siteK]int, len(keys))
		for i, k := range keys {
			beforeBy[k] = i
		}
	}
	find := func(k siteK, hint int) (int, bool) {
		if hint < len(keys) && keys[hint] == k {
			return hint, true // sites usually keep their order
		}
		if beforeBy != nil {
			i, ok := beforeBy[k]
			return i, ok
		}
		for i, x := range keys {
			if x == k {
				return i, true
			}
		}
		return 0, false
	}
	matched := make([]bool, len(b.Sites))
	for ai, s := range a.Sites {
		bi, ok := find(siteKey(s), ai)
		if !ok {
			p.add(Action{Type: icp.NewSite, Required: true, Site: siteLabel(s), SiteIndex: ai, Step: stepNewSite,
				Reason: p.reason("plan.new_site", "QC-type; TC-newsite"), Documents: nil})
			continue
		}
		matched[bi] = true
		p.siteChanges(b.Sites[bi], s, ai, individualAfter, allChange)
	}
	for bi, s := range b.Sites {
		if !matched[bi] {
			p.add(Action{Type: icp.CancelSite, Required: true, Site: siteLabel(s), SiteIndex: -1, Step: stepCancel,
				Reason: p.reason("plan.site_removed", "HW-cancel; TC-dereg")})
		}
	}
	if len(a.Sites) == 0 && len(b.Sites) > 0 {
		// An empty-shell subject: some provinces let it add services later.
		f := p.rules.EmptyShellAddServices
		if v, ok := f.Get(); ok && v {
			p.note("plan.empty_subject_kept", f.Source())
		} else {
			p.note("plan.empty_subject_cancelled", f.Source()+"; TC-dereg")
		}
	}
}

func (p *planner) individualToCompany() {
	f := p.rules.IndividualToCompany
	v, ok := f.Get()
	b, a := p.before.Subject, p.after.Subject
	legalRep := samePerson(b.Owner, a.Owner) && a.Owner.LegalRepresentative
	switch {
	case ok && (v == province.TransitionAllowed || v == province.TransitionLegalRepOnly && legalRep):
		p.add(Action{Type: icp.ChangeSubject, Required: true, SiteIndex: -1, Step: stepChange,
			Reason: p.reason("plan.individual_to_company", f.Source(), "how", icp.ChangeSubject.String())})
	default:
		how := icp.CancelSubject.String() + "," + icp.FirstFiling.String()
		p.add(Action{Type: icp.CancelSubject, Required: true, SiteIndex: -1, Step: stepCancel,
			Reason: p.reason("plan.individual_to_company", f.Source()+"; HW-rules", "how", how)})
		p.add(Action{Type: icp.FirstFiling, Required: true, SiteIndex: -1, Step: stepNewSite,
			Reason: p.reason("plan.individual_to_company", f.Source()+"; HW-rules", "how", how)})
	}
}

func (p *planner) differentEntity() {
	f := p.rules.SubjectChange
	v, ok := f.Get()
	sameRep := samePerson(p.before.Subject.Owner, p.after.Subject.Owner) && p.after.Subject.Owner.LegalRepresentative
	if ok && (v == province.TransitionAllowed || v == province.TransitionLegalRepOnly && sameRep) {
		p.add(Action{Type: icp.ChangeSubject, Required: true, SiteIndex: -1, Step: stepChange, Reason: p.reason("plan.entity_change", f.Source())})
		return
	}
	// Otherwise the site moves by 网站迁移 (Huawei offers it in 26
	// provinces); where it is not offered, the old subject cancels and the
	// new one files anew, which the note says.
	for i, s := range p.after.Sites {
		p.add(Action{Type: icp.SiteMigration, Required: true, Site: siteLabel(s), SiteIndex: i, Step: stepChange,
			Reason: p.reason("plan.entity_migration", "HW-migr doc_0200; HW-rules")})
	}
	p.note("plan.entity_cancel", f.Source()+"; HW-migr doc_0200")
	p.note("plan.conflict_migration_sms", "HW-migr; QC-sms")
}

// siteChanges compares one site before and after. individual tells whether
// the subject is a person, for whom contact changes are full changes.
func (p *planner) siteChanges(b, a DeployedSite, ai int, individual, allChange bool) {
	if b.Name == a.Name && slices.Equal(b.Domains, a.Domains) && b.DomainHolder == a.DomainHolder &&
		b.Manager == a.Manager && b.Commercial == a.Commercial && accessEqual(b.Access, a.Access) {
		return // unchanged
	}
	label := siteLabel(a)
	var what []string
	if !slices.Equal(b.Domains, a.Domains) {
		p.domainChanges(b, a, ai, label)
	}
	if b.DomainHolder != "" && a.DomainHolder != "" && b.DomainHolder != a.DomainHolder {
		p.add(Action{Type: icp.SiteMigration, Required: true, Site: label, SiteIndex: ai, Step: stepChange,
			Reason: p.reason("plan.domain_transferred", "HW-rules; HW-err §2.3", "domain", label)})
	}
	if b.Name != a.Name {
		what = append(what, "name")
	}
	if !samePerson(b.Manager, a.Manager) {
		what = append(what, "manager")
	} else if !sameContacts(b.Manager, a.Manager) {
		if individual || samePerson(p.after.Subject.Owner, a.Manager) {
			if !allChange {
				p.add(Action{Type: icp.ChangeAll, Required: true, Site: label, SiteIndex: ai, Step: stepChange,
					Reason: p.reason("plan.contacts_all", "QC-change"), Verifiers: verifiersForChange(true, true)})
			}
		} else {
			what = append(what, "manager_contacts")
		}
	}
	if len(what) > 0 && !allChange {
		p.add(Action{Type: icp.ChangeSite, Required: true, Site: label, SiteIndex: ai, Step: stepChange,
			Reason: p.reason("plan.site_changed", "QC-change", "what", strings.Join(what, ","))})
	}
	// Access.
	if accessEqual(b.Access, a.Access) {
		return
	}
	bp, ap := providers(b), providers(a)
	for _, prov := range ap {
		if !has(bp, prov) {
			p.add(Action{Type: icp.NewAccess, Required: true, Site: label, SiteIndex: ai, Provider: prov, Step: stepAccess,
				Reason: p.reason("plan.new_access", "TC-access; HW-kb §3", "provider", prov)})
		}
	}
	for _, prov := range bp {
		if !has(ap, prov) && len(ap) > 0 {
			p.add(Action{Type: icp.CancelAccess, Required: false, Site: label, SiteIndex: ai, Provider: prov, Step: stepCancel,
				Reason: p.reason("plan.cancel_access", "TC-cancelaccess; HW-kb §3", "provider", prov)})
		}
	}
	if len(ap) == 0 && len(bp) > 0 {
		p.note("plan.empty_shell", "TC-cancelaccess; HW-after")
		p.fd.add("plan.empty_shell", icp.SeverityError, fmt.Sprintf("after.sites[%d].access", ai), "TC-cancelaccess")
	}
	var bIPs, aIPs map[string][]netip.Addr
	for _, prov := range ap {
		if !has(bp, prov) {
			continue
		}
		if bIPs == nil {
			bIPs, aIPs = ipsByProvider(b), ipsByProvider(a)
		}
		if slices.Equal(bIPs[prov], aIPs[prov]) {
			continue
		}
		code, src, req := "plan.ip_change", "TC-change; HW-rules", false
		var kv []string
		switch {
		case a.Commercial:
			// A commercial site keeps its record current (TC-change).
			code, req = "plan.ip_change_commercial", true
		default:
			if v, ok := p.rules.IPChangeNeedsFiling.Get(); ok && v {
				code, src, req = "plan.ip_change_required", p.rules.IPChangeNeedsFiling.Source(), true
				kv = []string{"province", p.after.Subject.Province.String()}
			}
		}
		p.add(Action{Type: icp.ChangeAccess, Required: req, Site: label, SiteIndex: ai, Provider: prov, Step: stepChange,
			Reason: p.reason(code, src, kv...)})
	}
}

// domainChanges adds a new site for each added registrable domain and a
// change of site for each removed one.
func (p *planner) domainChanges(b, a DeployedSite, ai int, label string) {
	bReg := map[string]bool{}
	for _, d := range b.Domains {
		if r, err := domain.RegistrableDomain(d); err == nil {
			bReg[r] = true
		}
	}
	aReg := map[string]bool{}
	for _, d := range a.Domains {
		r, err := domain.RegistrableDomain(d)
		if err != nil {
			continue
		}
		aReg[r] = true
		if !bReg[r] {
			p.add(Action{Type: icp.NewSite, Required: true, Site: r, SiteIndex: ai, Step: stepNewSite,
				Reason: p.reason("plan.domain_added", "TC-change; HW-change", "domain", r)})
			p.note("plan.conflict_add_domain", "TC-change; TC-review; HW-change")
		}
	}
	var removed []string
	for r := range bReg {
		if !aReg[r] {
			removed = append(removed, r)
		}
	}
	sort.Strings(removed)
	for _, r := range removed {
		p.add(Action{Type: icp.ChangeSite, Required: true, Site: label, SiteIndex: ai, Step: stepChange,
			Reason: p.reason("plan.domain_removed", "HW-cancel; TC-site", "domain", r)})
	}
}

// result orders the actions: access filings before new sites, changes and
// cancellations last, or changes first where the province does not allow
// "access first, change later"; one order at a time per subject.
func (p *planner) result() Result {
	hasAccess, hasChange := false, false
	p.each(func(a *Action) {
		switch a.Type {
		case icp.NewAccess:
			hasAccess = true
		case icp.ChangeSubject, icp.ChangeSite, icp.ChangeAll, icp.ChangeAccess:
			hasChange = true
		}
	})
	if hasAccess && hasChange {
		if v, ok := p.rules.AccessFirstChangeLater.Get(); ok && v {
			p.note("plan.access_first", p.rules.AccessFirstChangeLater.Source())
		} else {
			p.each(func(a *Action) {
				switch a.Type {
				case icp.ChangeSubject, icp.ChangeSite, icp.ChangeAll:
					a.Step = stepChangeBefore
				}
			})
			p.note("plan.change_first", "TC-access; TC-change; HW-change")
		}
	}
	// Sort pointers, not the actions themselves, and copy each action once
	// into a slice of the exact size.
	order := make([]*Action, 0, p.count)
	p.each(func(a *Action) { order = append(order, a) })
	slices.SortStableFunc(order, func(x, y *Action) int {
		if c := cmp.Compare(x.Step, y.Step); c != 0 {
			return c
		}
		if c := cmp.Compare(x.SiteIndex, y.SiteIndex); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Type, y.Type); c != 0 {
			return c
		}
		return strings.Compare(x.Site, y.Site)
	})
	actions := make([]Action, len(order))
	for i, a := range order {
		actions[i] = *a
	}
	p.actions = nil
	// Each action waits for the latest earlier step with a required
	// action; the actions are sorted by step, so one pass does it.
	waits, required := 0, 0 // for the current step; the latest required step so far
	for i := range actions {
		if i == 0 || actions[i].Step != actions[i-1].Step {
			waits = required
		}
		actions[i].WaitsFor = waits
		if actions[i].Required {
			required = actions[i].Step
		}
	}
	if len(actions) > 1 {
		p.note("plan.order_sequential", "TC-review; HW-flow; TC-change")
	}
	if len(actions) > 0 {
		p.note("plan.changes_in_advance", "HW-change; QC-change")
	}
	return Result{Actions: actions, Notes: p.notes, Findings: p.fd.report()}
}

// finder collects the findings of one plan in one language.
type finder struct {
	lang language.Tag
	out  []icp.Finding
}

func (fd *finder) add(code string, sev icp.Severity, field, source string, kv ...string) {
	fd.out = append(fd.out, icp.NewFinding(fd.lang, code, sev, field, source, kv...))
}

func (fd *finder) report() icp.Report { return icp.NewReport(fd.out) }
