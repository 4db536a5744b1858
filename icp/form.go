package icp

import (
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp/workday"
	"github.com/icpkit/icpkit/internal/catalog"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// FormSpec is what a filing form needs beside [ApplicationSchema] for one
// filing type, province and subject kind: the fields to show, which of them
// are required, the materials to upload and the province's rules that apply,
// each with its display name in the language of [WithLanguage].
//
// It is derived from what [Check] runs: the struct tags its structure rule
// validates, the same filing-type groups, the rule table at the date of [At]
// and the material list Check compares the uploads with. A field the form
// calls optional never draws a "missing" finding from Check when left
// empty, and a required one always does.
type FormSpec struct {
	FilingType   string `json:"filing_type"`
	Province     string `json:"province"`
	ProvinceName string `json:"province_name"`
	Kind         string `json:"kind"`
	KindName     string `json:"kind_name"`
	Language     string `json:"language"`
	// Certificates are the certificate types the kind accepts, in order of
	// preference.
	Certificates []FormValue    `json:"certificates"`
	Fields       []FormField    `json:"fields"`
	Materials    []FormMaterial `json:"materials"`
	Rules        []FormRule     `json:"rules"`
}

// FormValue is one allowed value of a field, with its display name.
type FormValue struct {
	Value string `json:"value"`
	Name  string `json:"name"`
}

// FormField is one field of the form. Path is the JSON path with "[]" for
// each item of an array ("sites[].manager.mobile").
type FormField struct {
	Path    string `json:"path"`
	Section string `json:"section"` // filing, subject, people, sites, resource
	Label   string `json:"label"`
	// Required fields draw an error from Check when empty. When names the
	// condition under which that holds ("service_type=website" …); empty
	// means always.
	Required bool   `json:"required"`
	When     string `json:"when,omitempty"`
	WhenText string `json:"when_text,omitempty"`
	// Recommended fields are optional, but Check warns when they are empty.
	Recommended bool `json:"recommended,omitempty"`
	// MaxLength is the longest value Check accepts, in characters.
	MaxLength int `json:"max_length,omitempty"`
	// Enum names the schema's $defs entry listing the allowed values.
	Enum   string `json:"enum,omitempty"`
	Source string `json:"source,omitempty"`
}

// FormMaterial is one material to upload. For is the JSON path of the
// person or site it belongs to ("sites[].manager"), empty for the
// application as a whole. When is empty for a material every application of
// this kind needs, else the situation that calls for it, with WhenText
// saying it in words.
type FormMaterial struct {
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	For      string `json:"for,omitempty"`
	When     string `json:"when,omitempty"`
	WhenText string `json:"when_text,omitempty"`
	Source   string `json:"source"`
}

// FormRule is one rule of the province table that applies to the form: its
// data-file key, display name, value (a number, true or a list of tokens),
// the value in words, status (CONFIRMED or UNCERTAIN) and sources.
type FormRule struct {
	Key       string `json:"key"`
	Name      string `json:"name"`
	Value     any    `json:"value"`
	ValueText string `json:"value_text"`
	Status    string `json:"status"`
	Source    string `json:"source"`
}

const (
	namesFormField = "form_field"
	namesFormRule  = "form_rule"
	namesFormWhen  = "form_when"
)

// FieldLabel returns the display name of a form field by its JSON path,
// with or without indexes ("sites[0].manager.mobile" and
// "sites[].manager.mobile" give the same label), or "" if there is none.
func FieldLabel(tag language.Tag, path string) string {
	n, _ := catalog.DisplayName(tag, namesFormField, stripIndexes(path))
	return n
}

// stripIndexes turns sites[3].domains[1] into sites[].domains.
func stripIndexes(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if path[i] != '[' {
			b.WriteByte(path[i])
			continue
		}
		j := strings.IndexByte(path[i:], ']')
		if j < 0 {
			b.WriteString(path[i:])
			break
		}
		if i+j+1 == len(path) {
			break // a trailing index names an item of the field itself
		}
		b.WriteString("[]")
		i += j
	}
	return b.String()
}

// Form returns the form of a first filing for province p and subject kind
// k. See [FormOf] for other filing types.
func Form(p province.Province, k subject.Kind, opts ...Option) FormSpec {
	return FormOf(FirstFiling, p, k, opts...)
}

// FormOf returns the form of a filing of type t for province p and subject
// kind k, with the rules in force at the date of [At] (today without it),
// the profile of [WithProfile] and display names in the language of
// [WithLanguage].
func FormOf(t FilingType, p province.Province, k subject.Kind, opts ...Option) FormSpec {
	cfg := newConfig(opts)
	if !cfg.AtSet {
		cfg.At = time.Now().In(workday.China) // today in China
	}
	lang := cfg.Lang
	if lang == (language.Tag{}) {
		lang = language.SimplifiedChinese
	}
	r := cfg.Rules.RulesAt(p, cfg.At)
	fs := FormSpec{FilingType: t.String(), Province: p.String(), ProvinceName: DisplayName(lang, p),
		Kind: k.String(), KindName: DisplayName(lang, k), Language: "zh-Hans"}
	if catalog.IsEnglish(lang) {
		fs.Language = "en"
	}
	for _, d := range k.Certificates() {
		fs.Certificates = append(fs.Certificates, FormValue{d.String(), DisplayName(lang, d)})
	}
	fs.Fields = formFieldsOf(t, k, r, lang)
	fs.Materials = formMaterials(t, p, k, cfg, lang)
	fs.Rules = formRules(k, r, lang)
	return fs
}

// formFieldsOf walks the application's types the way ruleStructure
// validates them and adds what the other rules of Check require.
func formFieldsOf(t FilingType, k subject.Kind, r province.Rules, lang language.Tag) []FormField {
	var out []FormField
	add := func(path, section string, validated bool, f reflect.StructField) {
		ff := FormField{Path: path, Section: section, Label: FieldLabel(lang, path)}
		tag := f.Tag.Get("validate")
		for _, part := range strings.Split(tag, ",") {
			switch {
			case part == "required" && validated:
				ff.Required, ff.Source = true, "validator/v10"
			case strings.HasPrefix(part, "max="):
				ff.MaxLength, _ = strconv.Atoi(part[4:])
			}
		}
		ff.Enum = schemaEnumName(f.Type)
		out = append(out, ff)
	}
	var walk func(rt reflect.Type, prefix, section string, validated bool)
	walk = func(rt reflect.Type, prefix, section string, validated bool) {
		for i := range rt.NumField() {
			f := rt.Field(i)
			name := jsonName(f)
			if !f.IsExported() || name == "-" {
				continue
			}
			if f.Anonymous && name == "" {
				walk(f.Type, prefix, section, validated)
				continue
			}
			path := prefix + name
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
				add(path, section, false, f)
				walk(ft, path+".", section, false) // a pointer is not dived into when nil
				continue
			}
			if ft.Kind() == reflect.Struct && schemaEnumName(ft) == "" {
				sec := section
				if name == "owner" || name == "manager" {
					sec = "people"
				}
				walk(ft, path+".", sec, validated)
				continue
			}
			add(path, section, validated, f)
		}
	}
	subjectT, siteT, accessT := slices.Contains(subjectTypes, t), slices.Contains(siteTypes, t), slices.Contains(accessTypes, t)
	at := reflect.TypeFor[Application]()
	for i := range at.NumField() {
		f := at.Field(i)
		name := jsonName(f)
		switch name {
		case "filing_type", "province", "remark":
			ff := FormField{Path: name, Section: "filing", Label: FieldLabel(lang, name), Required: name != "remark", Enum: schemaEnumName(f.Type)}
			if ff.Required {
				ff.Source = "QC-type; TC-subj"
			}
			out = append(out, ff)
		case "subject":
			walk(f.Type, "subject.", "subject", subjectT)
		case "sites":
			walk(f.Type.Elem(), "sites[].", "sites", siteT)
		case "resource":
			walk(f.Type, "resource.", "resource", accessT)
		}
	}
	// What other rules of Check require or forbid.
	needSiteNumber := slices.Contains([]FilingType{NewAccess, NewAccessNoSubject, ChangeSite, ChangeAccess, ChangeAll, CancelSite, CancelAccess}, t)
	newSite := slices.Contains([]FilingType{FirstFiling, NewSite, NewSiteNoSubject}, t)
	out = slices.DeleteFunc(out, func(f FormField) bool {
		switch f.Path {
		case "subject.number":
			return t == FirstFiling // filing.subject_number_forbidden
		case "sites[].number":
			return newSite // filing.site_number_forbidden
		}
		return false
	})
	for i := range out {
		f := &out[i]
		set := func(when, source string) {
			f.Required, f.When, f.Source = true, when, source
			if when != "" {
				f.WhenText, _ = catalog.DisplayName(lang, namesFormWhen, when)
			}
		}
		switch f.Path {
		case "subject.number":
			if t != CancelSite && t != CancelAccess {
				set("", "QC-type; HW-flow")
			}
		case "sites[].number":
			if needSiteNumber {
				set("", "QC-type; HW-flow")
			}
		case "sites[].domains":
			if siteT {
				set("service_type=website", "TC-domain")
			}
		case "sites[].domain_expires":
			f.Recommended = siteT
		case "sites[].access.provider":
			if accessT {
				set("service_type!=mini_program", "TC-access")
			}
		case "sites[].access.ips":
			if accessT {
				set("service_type=website", "TC-cloud; HW-prep")
			}
		case "sites[].app":
			if siteT {
				set("service_type=app", "HW-app")
			}
		case "subject.landline":
			// Check's contact rule, which holds the landline rule, runs
			// for the filing types that file sites.
			if v, ok := r.UnitLandline.Get(); ok && v && k.IsUnit() && subjectT && siteT {
				set("", r.UnitLandline.Source())
			}
		}
	}
	if k == subject.Individual {
		// An individual has no unit landline, investor or licence.
		out = slices.DeleteFunc(out, func(f FormField) bool {
			switch f.Path {
			case "subject.landline", "subject.investor", "subject.licence_name", "subject.business_scope":
				return !f.Required
			}
			return false
		})
	}
	return out
}

// schemaEnumName returns the $defs name of the enumerations in
// [ApplicationSchema], or "" for other types.
func schemaEnumName(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[FilingType]():
		return "FilingType"
	case reflect.TypeFor[ServiceType]():
		return "ServiceType"
	case reflect.TypeFor[province.Province]():
		return "Province"
	case reflect.TypeFor[subject.Kind]():
		return "SubjectKind"
	case reflect.TypeFor[subject.DocType]():
		return "DocType"
	case reflect.TypeFor[material.Kind]():
		return "MaterialKind"
	case reflect.TypeFor[Number]():
		return "Number"
	case reflect.TypeFor[subject.Date]():
		return "Date"
	case reflect.TypeFor[netip.Addr]():
		return "IPAddr"
	}
	return ""
}

// formScenario is one situation whose materials a form lists.
type formScenario struct {
	when string
	edit func(a *Application, r province.Rules)
}

// formSynthID returns a resident ID number of province p that passes its
// checksum, for a birth date (YYYYMMDD) and sequence: synthetic, nobody's.
func formSynthID(p province.Province, birth, seq string) string {
	first := fmt.Sprintf("%02d0102", p.Code()) + birth + seq
	return first + string(subject.ResidentIDCheck(first))
}

// formMaterials lists the materials Check requires, by asking its own
// material rule about a typical application and a few variations.
func formMaterials(t FilingType, p province.Province, k subject.Kind, cfg config, lang language.Tag) []FormMaterial {
	other := province.Zhejiang
	if p == province.Zhejiang {
		other = province.Beijing
	}
	person := func(name, id string, legal bool) subject.Person {
		return subject.Person{Name: subject.Secret(name), Document: subject.Document{Type: subject.ResidentIDCard, Number: subject.Secret(id)},
			LegalRepresentative: legal}
	}
	base := func() Application {
		owner := person("张三", formSynthID(p, "19850307", "123"), k.IsUnit())
		a := Application{FilingType: t, Province: p}
		a.Subject.Kind = k
		if certs := k.Certificates(); len(certs) > 0 {
			a.Subject.Certificate.Type = certs[0]
		}
		a.Subject.Owner = owner
		a.Sites = []Site{{Name: "示例", ServiceType: ServiceWebsite, Domains: []string{"example.com"}, Manager: owner}}
		return a
	}
	scenarios := []formScenario{
		{"", func(*Application, province.Rules) {}},
		{"manager_other_person", func(a *Application, _ province.Rules) {
			a.Sites[0].Manager = person("李四", formSynthID(p, "19900512", "234"), false)
		}},
		{"owner_not_legal_rep", func(a *Application, _ province.Rules) {
			if k.IsUnit() {
				a.Subject.Owner.LegalRepresentative = false
				a.Sites[0].Manager.LegalRepresentative = false
			}
		}},
		{"non_local_owner", func(a *Application, _ province.Rules) {
			if k == subject.Individual {
				a.Subject.Owner.Document.Number = subject.Secret(formSynthID(other, "19850307", "123"))
				a.Sites[0].Manager = a.Subject.Owner
			}
		}},
		{"many_domains", func(a *Application, _ province.Rules) {
			a.Sites[0].Domains = []string{"example.com", "example.cn", "example.net", "example.org", "example.com.cn"}
		}},
		{"many_sites", func(a *Application, r province.Rules) {
			if ok, th := sitePlanRequired(r, k == subject.Individual, 1<<20); ok {
				a.Subject.ExistingServices = th - len(a.Sites)
			}
		}},
		{"preapproval_not_involved", func(a *Application, _ province.Rules) {
			a.Sites[0].Name = "示例新闻"
			a.Sites[0].Description = "新闻 医疗 教育 金融"
			a.Sites[0].NotInvolved = true
		}},
	}
	var out []FormMaterial
	seen := map[[2]string]bool{}
	for _, sc := range scenarios {
		a := base()
		c := &checker{app: &a, cfg: cfg, at: cfg.At, today: subject.DateOf(cfg.At), fd: finder{lang: lang}}
		c.r = cfg.Rules.RulesAt(p, cfg.At)
		sc.edit(&a, c.r)
		c.owner = parsePerson("subject.owner", a.Subject.Owner)
		for i, s := range a.Sites {
			c.mgrs = append(c.mgrs, parsePerson(index("sites", i)+".manager", s.Manager))
		}
		for _, n := range c.requiredMaterials() {
			for_ := stripIndexes(strings.Replace(n.for_, "sites[0]", "sites[0].x", 1))
			for_ = strings.TrimSuffix(strings.Replace(for_, "sites[].x", "sites[]", 1), ".x")
			key := [2]string{n.kind.String(), for_}
			if seen[key] {
				continue
			}
			seen[key] = true
			m := FormMaterial{Kind: n.kind.String(), Name: DisplayName(lang, n.kind), For: for_, When: sc.when, Source: n.source}
			if sc.when != "" {
				m.WhenText, _ = catalog.DisplayName(lang, namesFormWhen, sc.when)
			}
			out = append(out, m)
		}
	}
	return out
}

// formRules lists the province's known rules that bear on a form for kind
// k.
func formRules(k subject.Kind, r province.Rules, lang language.Tag) []FormRule {
	var out []FormRule
	individual := k == subject.Individual
	name := func(key string) string { n, _ := catalog.DisplayName(lang, namesFormRule, key); return n }
	words := func(domain string, w province.Words) ([]string, string) {
		toks := w.Slice()
		names := make([]string, len(toks))
		for i, t := range toks {
			names[i] = t
			if domain != "" {
				if n, ok := catalog.DisplayName(lang, domain, t); ok {
					names[i] = n
				}
			}
		}
		sep := "、"
		if catalog.IsEnglish(lang) {
			sep = ", "
		}
		return toks, strings.Join(names, sep)
	}
	yes := "是"
	if catalog.IsEnglish(lang) {
		yes = "yes"
	}
	addInt := func(key string, f province.Fact[int], applies bool) {
		if v, ok := f.Get(); ok && applies {
			out = append(out, FormRule{key, name(key), v, strconv.Itoa(v), f.Status().String(), f.Source()})
		}
	}
	addBool := func(key string, f province.Fact[bool], applies bool) {
		if v, ok := f.Get(); ok && v && applies {
			out = append(out, FormRule{key, name(key), true, yes, f.Status().String(), f.Source()})
		}
	}
	addWords := func(key, domain string, f province.Fact[province.Words], applies bool) {
		if v, ok := f.Get(); ok && v.Len() > 0 && applies {
			toks, text := words(domain, v)
			out = append(out, FormRule{key, name(key), toks, text, f.Status().String(), f.Source()})
		}
	}
	addInt("min_age", r.MinAge, true)
	addInt("min_age_with_proof", r.MinAgeWithProof, true)
	addInt("max_manager_age", r.MaxManagerAge, true)
	addBool("retirement_age_limit", r.RetirementAgeLimit, true)
	if v, ok := r.NonLocalIndividuals.Get(); ok && individual {
		f := r.NonLocalIndividuals
		out = append(out, FormRule{"non_local_individuals", name("non_local_individuals"), v.String(), nonLocalText(lang, v), f.Status().String(), f.Source()})
		if v == province.NonLocalWithProof {
			addWords("residence_proofs", "proof", r.ResidenceProofs, true)
		}
	}
	addBool("owner_must_be_legal_rep", r.OwnerMustBeLegalRep, !individual)
	addBool("manager_authorization", r.ManagerAuthorization, !individual)
	addWords("local_phone_roles", "phone_role", r.LocalPhoneRoles, true)
	addBool("unit_landline", r.UnitLandline, !individual)
	addInt("distinct_phones_one_person", r.DistinctPhonesOnePerson, true)
	addInt("distinct_phones_two_persons", r.DistinctPhonesTwoPersons, true)
	addBool("domain_holder_unit_only", r.DomainHolderUnitOnly, !individual)
	addInt("min_domain_validity_days", r.MinDomainValidityDays, true)
	addBool("one_domain_per_site", r.OneDomainPerSite, true)
	addWords("domain_certificate", "", r.DomainCertificate, true)
	addInt("max_individual_services", r.MaxIndividualServices, individual)
	addInt("max_unit_sites", r.MaxUnitSites, !individual)
	addInt("max_sites_per_order", r.MaxSitesPerOrder, true)
	addInt("max_domains_per_order_unit", r.MaxDomainsPerOrderUnit, !individual)
	addInt("max_domains_per_order_individual", r.MaxDomainsPerOrderIndividual, individual)
	addInt("site_name_min_chars", r.SiteNameMinChars, true)
	addInt("site_name_min_han", r.SiteNameMinHan, true)
	addBool("site_name_no_english", r.SiteNameNoEnglish, true)
	addBool("site_name_individual_no_english", r.SiteNameIndividualNoEnglish, individual)
	addWords("extra_documents", namesMaterial, r.ExtraDocuments, true)
	addInt("plan_threshold_unit_sites", r.PlanThresholdUnitSites, !individual)
	addInt("plan_threshold_individual_sites", r.PlanThresholdIndividualSites, individual)
	addInt("authorization_max_days", r.AuthorizationMaxDays, !individual)
	addInt("document_min_validity_days", r.DocumentMinValidityDays, true)
	addInt("licence_min_validity_days", r.LicenceMinValidityDays, !individual)
	addBool("address_no_shixiaqu", r.AddressNoShixiaqu, true)
	addBool("address_room_number_individuals", r.AddressRoomNumberIndividuals, individual)
	if v, ok := r.PersonalSpaceAccepted.Get(); ok && !v && individual {
		f := r.PersonalSpaceAccepted
		no := "否"
		if catalog.IsEnglish(lang) {
			no = "no"
		}
		out = append(out, FormRule{"personal_space_accepted", name("personal_space_accepted"), false, no, f.Status().String(), f.Source()})
	}
	return out
}

func nonLocalText(lang language.Tag, v province.NonLocalPolicy) string {
	zh := map[province.NonLocalPolicy][2]string{
		province.NonLocalAllowed:   {"接受", "accepted"},
		province.NonLocalWithProof: {"需本省居住证明", "with a residence proof of this province"},
		province.NonLocalRefused:   {"不接受", "refused"},
	}[v]
	if catalog.IsEnglish(lang) {
		return zh[1]
	}
	return zh[0]
}
