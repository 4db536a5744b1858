package province

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/icpkit/icpkit/internal/tsv"
)

//go:embed data/rules.tsv
var defaultData string

// DefaultFile is the name given to the embedded default table in errors and
// [Provenance.File].
const DefaultFile = "rules.tsv"

// maxDataSize bounds how much a loader reads.
const maxDataSize = 4 << 20

// Errors wrapped by a [DataError], matched with [errors.Is].
var (
	ErrDataSyntax      = errors.New("malformed row")
	ErrUnknownProvince = errors.New("unknown province")
	ErrUnknownField    = errors.New("unknown field")
	ErrBadValue        = errors.New("value does not fit the field's type")
	ErrBadStatus       = errors.New("status must be CONFIRMED, UNCERTAIN or UNKNOWN")
	ErrMissingSource   = errors.New("missing source")
	ErrBadPeriod       = errors.New("bad effective period")
	ErrOverlap         = errors.New("rows overlap in time")
	ErrMissingField    = errors.New("field not covered")
	ErrTooLarge        = errors.New("data too large")
)

// A DataError reports a problem in rule data, naming the file position, the
// province and the field.
type DataError struct {
	File     string
	Line     int // 0 when the problem is not one row's
	Province string
	Field    string
	Err      error
	Detail   string
}

// Error implements the error interface, naming the file position,
// province and field.
func (e *DataError) Error() string {
	var b strings.Builder
	b.WriteString("province: ")
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Province != "" {
		fmt.Fprintf(&b, "province %s: ", e.Province)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "field %s: ", e.Field)
	}
	b.WriteString(e.Err.Error())
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *DataError) Unwrap() error { return e.Err }

type day = int32

const (
	minDay day = math.MinInt32
	maxDay day = math.MaxInt32
)

// dayOf returns the number of days from 1970-01-01 to the calendar date of t
// in China (UTC+8, no daylight saving since 1991), whatever t's location:
// rules change on China's dates, and a server in UTC must get the same
// answer as one in Shanghai. It does not allocate.
func dayOf(t time.Time) day {
	const chinaOffset = 8 * 3600
	s := t.Unix() + chinaOffset
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return day(d)
}

func timeOf(d day) time.Time {
	if d == minDay || d == maxDay {
		return time.Time{}
	}
	return time.Unix(int64(d)*86400, 0).UTC()
}

// field describes one column of Rules as it appears in the data file.
type field struct {
	name  string
	kind  string   // "int", "bool", "words", "enum"
	vocab []string // allowed tokens for enum and restricted words
	// make parses a row's value into its fact (a Fact[T], boxed).
	make func(v string, st Status, p *Provenance) (any, error)
	// assign stores a fact made by make into r.
	assign func(r *Rules, fact any)
	has    func(r *Rules) bool
	// view returns the field of r as data-file text ("-" when unknown),
	// with its status and provenance (nil when absent).
	view func(r *Rules) (value string, st Status, p *Provenance)
}

// typed builds the functions of a field of type T.
func typed[T any](name, kind string, vocab []string, parse func(v string) (T, error), show func(T) string, get func(*Rules) *Fact[T]) field {
	return field{name: name, kind: kind, vocab: vocab,
		make: func(v string, st Status, p *Provenance) (any, error) {
			var x T
			if st != Unknown {
				var err error
				if x, err = parse(v); err != nil {
					return nil, err
				}
			}
			return Fact[T]{&factData[T]{x, st, p}}, nil
		},
		assign: func(r *Rules, fact any) { *get(r) = fact.(Fact[T]) },
		has:    func(r *Rules) bool { return get(r).d != nil },
		view: func(r *Rules) (string, Status, *Provenance) {
			f := get(r)
			if f.d == nil {
				return "-", Unknown, nil
			}
			if f.d.status == Unknown {
				return "-", Unknown, f.d.prov
			}
			return show(f.d.value), f.d.status, f.d.prov
		}}
}

func intField(name string, get func(*Rules) *Fact[int]) field {
	return typed(name, "int", nil, func(v string) (int, error) {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || strings.HasPrefix(v, "+") {
			return 0, fmt.Errorf("%q is not a non-negative integer", v)
		}
		return n, nil
	}, strconv.Itoa, get)
}

func boolField(name string, get func(*Rules) *Fact[bool]) field {
	return typed(name, "bool", nil, func(v string) (bool, error) {
		switch v {
		case "yes":
			return true, nil
		case "no":
			return false, nil
		}
		return false, fmt.Errorf("%q is not yes or no", v)
	}, func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}, get)
}

func wordsField(name string, vocab []string, get func(*Rules) *Fact[Words]) field {
	return typed(name, "words", vocab, func(v string) (Words, error) {
		if v == "" || v == "none" {
			return Words{}, nil
		}
		for x := range strings.SplitSeq(v, "|") {
			if x == "" {
				return Words{}, fmt.Errorf("empty word in %q", v)
			}
			if vocab != nil && !slices.Contains(vocab, x) {
				return Words{}, fmt.Errorf("%q is not one of %s", x, strings.Join(vocab, ", "))
			}
		}
		return Words{v}, nil
	}, func(w Words) string {
		if w.s == "" {
			return "none"
		}
		return w.s
	}, get)
}

func enumField[T ~uint8](name string, names []string, get func(*Rules) *Fact[T]) field {
	return typed(name, "enum", names[1:], func(v string) (T, error) {
		i := slices.Index(names, v)
		if i < 1 {
			return 0, fmt.Errorf("%q is not one of %s", v, strings.Join(names[1:], ", "))
		}
		return T(i), nil
	}, func(v T) string { return names[v] }, get)
}

var proofVocab = []string{"residence_permit", "residence_certificate", "temporary_residence_permit",
	"status_proof", "social_insurance", "house_purchase_contract", "student_card",
	"employment_contract", "lease_1y", "property_certificate", "police_residence_certificate"}

// fields lists every Rules field in data-file order.
var fields = []field{
	enumField("non_local_individuals", nonLocalNames, func(r *Rules) *Fact[NonLocalPolicy] { return &r.NonLocalIndividuals }),
	wordsField("residence_proofs", proofVocab, func(r *Rules) *Fact[Words] { return &r.ResidenceProofs }),
	intField("min_age", func(r *Rules) *Fact[int] { return &r.MinAge }),
	intField("min_age_unit", func(r *Rules) *Fact[int] { return &r.MinAgeUnit }),
	intField("min_age_with_proof", func(r *Rules) *Fact[int] { return &r.MinAgeWithProof }),
	wordsField("minor_documents", minorVocab, func(r *Rules) *Fact[Words] { return &r.MinorDocuments }),
	wordsField("minor_documents_unit", minorVocab, func(r *Rules) *Fact[Words] { return &r.MinorDocumentsUnit }),
	intField("max_manager_age", func(r *Rules) *Fact[int] { return &r.MaxManagerAge }),
	boolField("retirement_age_limit", func(r *Rules) *Fact[bool] { return &r.RetirementAgeLimit }),
	boolField("owner_must_be_legal_rep", func(r *Rules) *Fact[bool] { return &r.OwnerMustBeLegalRep }),
	boolField("manager_authorization", func(r *Rules) *Fact[bool] { return &r.ManagerAuthorization }),
	boolField("manager_not_owner", func(r *Rules) *Fact[bool] { return &r.ManagerNotOwner }),
	boolField("manager_one_subject", func(r *Rules) *Fact[bool] { return &r.ManagerOneSubject }),
	wordsField("person_one_subject", []string{"id", "mobile"}, func(r *Rules) *Fact[Words] { return &r.PersonOneSubject }),
	boolField("bianban_approval", func(r *Rules) *Fact[bool] { return &r.BianbanApproval }),
	wordsField("local_phone_roles", []string{"individual", "non_local_individual", "contact1", "owner", "manager", "unit_landline", "all"}, func(r *Rules) *Fact[Words] { return &r.LocalPhoneRoles }),
	wordsField("local_mobile_individual", localMobileVocab, func(r *Rules) *Fact[Words] { return &r.LocalMobileIndividual }),
	wordsField("local_mobile_unit", localMobileVocab, func(r *Rules) *Fact[Words] { return &r.LocalMobileUnit }),
	wordsField("local_mobile_remark", []string{"unit", "individual"}, func(r *Rules) *Fact[Words] { return &r.LocalMobileRemark }),
	boolField("unit_landline", func(r *Rules) *Fact[bool] { return &r.UnitLandline }),
	intField("distinct_phones_one_person", func(r *Rules) *Fact[int] { return &r.DistinctPhonesOnePerson }),
	intField("distinct_phones_two_persons", func(r *Rules) *Fact[int] { return &r.DistinctPhonesTwoPersons }),
	boolField("domain_holder_unit_only", func(r *Rules) *Fact[bool] { return &r.DomainHolderUnitOnly }),
	intField("min_domain_validity_days", func(r *Rules) *Fact[int] { return &r.MinDomainValidityDays }),
	wordsField("fileable_tlds", nil, func(r *Rules) *Fact[Words] { return &r.FileableTLDs }),
	boolField("one_domain_per_site", func(r *Rules) *Fact[bool] { return &r.OneDomainPerSite }),
	wordsField("domain_certificate", []string{"always", "individual", "individual_to_unit", "foreign_parent", "five_or_more_domains"}, func(r *Rules) *Fact[Words] { return &r.DomainCertificate }),
	intField("domain_certificate_min_domains", func(r *Rules) *Fact[int] { return &r.DomainCertificateMinDomains }),
	intField("domain_certificate_max_days", func(r *Rules) *Fact[int] { return &r.DomainCertificateMaxDays }),
	boolField("foreign_registrar_refused", func(r *Rules) *Fact[bool] { return &r.ForeignRegistrarRefused }),
	intField("max_individual_services", func(r *Rules) *Fact[int] { return &r.MaxIndividualServices }),
	intField("max_unit_sites", func(r *Rules) *Fact[int] { return &r.MaxUnitSites }),
	intField("max_sites_per_order", func(r *Rules) *Fact[int] { return &r.MaxSitesPerOrder }),
	intField("max_domains_per_order_unit", func(r *Rules) *Fact[int] { return &r.MaxDomainsPerOrderUnit }),
	intField("max_domains_per_order_individual", func(r *Rules) *Fact[int] { return &r.MaxDomainsPerOrderIndividual }),
	intField("site_name_min_chars", func(r *Rules) *Fact[int] { return &r.SiteNameMinChars }),
	intField("site_name_min_han", func(r *Rules) *Fact[int] { return &r.SiteNameMinHan }),
	wordsField("site_name_banned_words", nil, func(r *Rules) *Fact[Words] { return &r.SiteNameBannedWords }),
	wordsField("site_name_individual_banned_words", nil, func(r *Rules) *Fact[Words] { return &r.SiteNameIndividualBannedWords }),
	wordsField("site_name_preapproval_words", nil, func(r *Rules) *Fact[Words] { return &r.SiteNamePreApprovalWords }),
	boolField("site_name_no_english", func(r *Rules) *Fact[bool] { return &r.SiteNameNoEnglish }),
	boolField("site_name_individual_no_english", func(r *Rules) *Fact[bool] { return &r.SiteNameIndividualNoEnglish }),
	wordsField("site_name_unit_banned_forms", []string{"domain", "url", "english", "personal_name"}, func(r *Rules) *Fact[Words] { return &r.SiteNameUnitBannedForms }),
	wordsField("extra_documents", []string{"truthfulness_notice", "truthfulness_commitment", "commitment_video", "filing_commitment", "party_building_letter"}, func(r *Rules) *Fact[Words] { return &r.ExtraDocuments }),
	wordsField("extra_documents_unit", []string{"truthfulness_notice", "truthfulness_commitment", "commitment_video", "filing_commitment", "party_building_letter", "finance_commitment"}, func(r *Rules) *Fact[Words] { return &r.ExtraDocumentsUnit }),
	intField("plan_threshold_unit_sites", func(r *Rules) *Fact[int] { return &r.PlanThresholdUnitSites }),
	intField("plan_threshold_individual_sites", func(r *Rules) *Fact[int] { return &r.PlanThresholdIndividualSites }),
	intField("authorization_max_days", func(r *Rules) *Fact[int] { return &r.AuthorizationMaxDays }),
	intField("document_min_validity_days", func(r *Rules) *Fact[int] { return &r.DocumentMinValidityDays }),
	intField("licence_min_validity_days", func(r *Rules) *Fact[int] { return &r.LicenceMinValidityDays }),
	intField("verification_photo_max_days", func(r *Rules) *Fact[int] { return &r.VerificationPhotoMaxDays }),
	boolField("address_no_shixiaqu", func(r *Rules) *Fact[bool] { return &r.AddressNoShixiaqu }),
	boolField("address_room_number_individuals", func(r *Rules) *Fact[bool] { return &r.AddressRoomNumberIndividuals }),
	boolField("address_same_city", func(r *Rules) *Fact[bool] { return &r.AddressSameCity }),
	boolField("empty_shell_add_services", func(r *Rules) *Fact[bool] { return &r.EmptyShellAddServices }),
	enumField("individual_to_company", transitionNames, func(r *Rules) *Fact[Transition] { return &r.IndividualToCompany }),
	enumField("subject_change", transitionNames, func(r *Rules) *Fact[Transition] { return &r.SubjectChange }),
	boolField("personal_space_accepted", func(r *Rules) *Fact[bool] { return &r.PersonalSpaceAccepted }),
	boolField("personal_space_needs_approval", func(r *Rules) *Fact[bool] { return &r.PersonalSpaceNeedsApproval }),
	wordsField("service_content_refused", nil, func(r *Rules) *Fact[Words] { return &r.ServiceContentRefused }),
	boolField("resolved_ip_must_match", func(r *Rules) *Fact[bool] { return &r.ResolvedIPMustMatch }),
	boolField("ip_change_needs_filing", func(r *Rules) *Fact[bool] { return &r.IPChangeNeedsFiling }),
	boolField("filed_sites_reachable", func(r *Rules) *Fact[bool] { return &r.FiledSitesReachable }),
	boolField("owner_change_needs_all", func(r *Rules) *Fact[bool] { return &r.OwnerChangeNeedsAll }),
	boolField("access_first_change_later", func(r *Rules) *Fact[bool] { return &r.AccessFirstChangeLater }),
	intField("review_workdays", func(r *Rules) *Fact[int] { return &r.ReviewWorkdays }),
	boolField("expedited_review", func(r *Rules) *Fact[bool] { return &r.ExpeditedReview }),
	boolField("footer_subject_number", func(r *Rules) *Fact[bool] { return &r.FooterSubjectNumber }),
}

var minorVocab = []string{"guardian_id", "guardian_statement", "household_register", "income_proof", "employment_proof"}

var localMobileVocab = []string{"owner", "manager", "emergency", "all", "if_non_local"}

var fieldIndex = func() map[string]int {
	m := make(map[string]int, len(fields))
	for i, f := range fields {
		m[f.name] = i
	}
	return m
}()

// Fields returns the data-file names of all rule fields, in order.
func Fields() []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.name
	}
	return out
}

// row is one parsed data row.
type row struct {
	prov     Province // 0 means every province ("*")
	field    int
	value    string
	status   Status
	from, to day // inclusive
	meta     *Provenance
	fact     any // the row's Fact[T], made once so that segments share it
}

type segment struct {
	from, to day // inclusive
	rules    Rules
}

// A Table is an immutable set of province rules with their effective
// periods. Build one with [Load], [LoadFile] or [Table.Patch]; [Default]
// returns the embedded table. A Table is safe for concurrent use.
type Table struct {
	version  string
	verified time.Time
	rows     []row
	segs     [count + 1][]segment
}

// Version returns the data version declared in the file ("#@ version ...").
func (t *Table) Version() string { return t.version }

// Verified returns the date the data was last checked against its sources
// ("#@ verified YYYY-MM-DD").
func (t *Table) Verified() time.Time { return t.verified }

// RulesAt returns the rules of p in force on the calendar date of at in
// China (UTC+8), whatever at's location. An invalid p gives zero Rules.
// RulesAt does not allocate.
func (t *Table) RulesAt(p Province, at time.Time) Rules {
	if !p.IsValid() {
		return Rules{}
	}
	d := dayOf(at) // allocation-free days-from-civil
	segs := t.segs[p]
	for i := range segs {
		if segs[i].from <= d && d <= segs[i].to {
			return segs[i].rules
		}
	}
	return Rules{}
}

// Rules returns the newest rules of p: those of the last period in the
// table, which is open-ended. It does not read the clock.
func (t *Table) Rules(p Province) Rules {
	if !p.IsValid() || len(t.segs[p]) == 0 {
		return Rules{}
	}
	s := t.segs[p]
	return s[len(s)-1].rules
}

var defaultTable = sync.OnceValues(func() (*Table, error) {
	return load(DefaultFile, strings.NewReader(defaultData), nil)
})

// Default returns the table embedded in the package (province/data/rules.tsv).
// It is decoded once, on first use.
func Default() *Table {
	t, err := defaultTable()
	if err != nil {
		// The embedded data is checked by the package tests; this cannot
		// happen in a released build.
		panic(err)
	}
	return t
}

// RulesAt returns the rules of p in force at the date of at, from the
// [Default] table.
func RulesAt(p Province, at time.Time) Rules { return Default().RulesAt(p, at) }

// Rules returns the newest rules of p from the [Default] table.
func (p Province) Rules() Rules { return Default().Rules(p) }

// Load reads a whole rule table in the tab-separated format of
// province/data/rules.tsv (see the package documentation). It reads at most
// 4 MiB.
func Load(r io.Reader) (*Table, error) { return load("<input>", r, nil) }

// LoadFile reads a whole rule table from a file.
func LoadFile(path string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return load(path, f, nil)
}

// Patch returns a new table in which the rows read from r replace, for each
// (province, field) pair they name, all rows of t for that pair. Rows for
// "*" replace the national rows. t itself is unchanged.
func (t *Table) Patch(r io.Reader) (*Table, error) { return load("<patch>", r, t) }

// PatchFile is [Table.Patch] reading from a file.
func (t *Table) PatchFile(path string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return load(path, f, t)
}

func load(name string, r io.Reader, base *Table) (*Table, error) {
	t := &Table{}
	if base != nil {
		t.version, t.verified = base.version, base.verified
	}
	var rows []row
	line, err := tsv.Read(r, maxDataSize,
		func(line int, k, v string) error { return t.directive(name, line, k, v) },
		func(line int, cols []string) error {
			rw, err := parseRow(name, line, cols)
			if err != nil {
				return err
			}
			rows = append(rows, rw)
			return nil
		})
	var de *DataError
	switch {
	case err == nil:
	case errors.As(err, &de): // from parseRow or directive, already placed
		return nil, err
	case errors.Is(err, tsv.ErrTooLarge):
		return nil, &DataError{File: name, Line: line, Err: ErrTooLarge, Detail: "limit 4 MiB"}
	default: // a line over tsv.MaxLine
		return nil, &DataError{File: name, Line: line, Err: ErrDataSyntax, Detail: err.Error()}
	}
	if base != nil {
		type key struct {
			p Province
			f int
		}
		replaced := map[key]bool{}
		for _, rw := range rows {
			replaced[key{rw.prov, rw.field}] = true
		}
		merged := make([]row, 0, len(base.rows)+len(rows))
		for _, rw := range base.rows {
			if !replaced[key{rw.prov, rw.field}] {
				merged = append(merged, rw)
			}
		}
		rows = append(merged, rows...)
	}
	t.rows = rows
	if err := t.build(name); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *Table) directive(name string, line int, k, v string) error {
	switch k {
	case "version":
		t.version = v
	case "verified":
		d, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return &DataError{File: name, Line: line, Err: ErrDataSyntax, Detail: "verified date: " + err.Error()}
		}
		t.verified = d
	default:
		return &DataError{File: name, Line: line, Err: ErrDataSyntax, Detail: "unknown directive " + strconv.Quote(k)}
	}
	return nil
}

// parseRow reads "province field value status source from to [note]".
func parseRow(name string, line int, cols []string) (row, error) {
	fail := func(prov, fld string, err error, detail string) (row, error) {
		return row{}, &DataError{File: name, Line: line, Province: prov, Field: fld, Err: err, Detail: detail}
	}
	if len(cols) < 7 || len(cols) > 8 {
		return fail("", "", ErrDataSyntax, fmt.Sprintf("want 7 or 8 tab-separated columns, got %d", len(cols)))
	}
	for i := range cols {
		cols[i] = strings.TrimSpace(cols[i])
	}
	var rw row
	provName, fieldName := cols[0], cols[1]
	if provName != "*" {
		p, err := Parse(provName)
		if err != nil {
			return fail(provName, fieldName, ErrUnknownProvince, strconv.Quote(provName))
		}
		rw.prov = p
	}
	fi, ok := fieldIndex[fieldName]
	if !ok {
		return fail(provName, fieldName, ErrUnknownField, strconv.Quote(fieldName))
	}
	rw.field = fi
	switch cols[3] {
	case "CONFIRMED":
		rw.status = Confirmed
	case "UNCERTAIN":
		rw.status = Uncertain
	case "UNKNOWN":
		rw.status = Unknown
		if cols[2] != "-" {
			return fail(provName, fieldName, ErrBadValue, "an UNKNOWN row has value -")
		}
	default:
		return fail(provName, fieldName, ErrBadStatus, strconv.Quote(cols[3]))
	}
	rw.value = cols[2]
	if cols[4] == "" || cols[4] == "-" {
		return fail(provName, fieldName, ErrMissingSource, "every row names its source keys")
	}
	var err error
	if rw.from, err = parseDay(cols[5], minDay); err != nil {
		return fail(provName, fieldName, ErrBadPeriod, "from: "+err.Error())
	}
	if rw.to, err = parseDay(cols[6], maxDay); err != nil {
		return fail(provName, fieldName, ErrBadPeriod, "to: "+err.Error())
	}
	if rw.from > rw.to {
		return fail(provName, fieldName, ErrBadPeriod, cols[5]+" is after "+cols[6])
	}
	rw.meta = &Provenance{Source: cols[4], From: timeOf(rw.from), To: timeOf(rw.to), File: name, Line: line, Scope: provName}
	if provName != "*" {
		rw.meta.Scope = rw.prov.ShortName()
	}
	if len(cols) == 8 {
		rw.meta.Note = cols[7]
	}
	fact, err := fields[fi].make(rw.value, rw.status, rw.meta)
	if err != nil {
		return fail(provName, fieldName, ErrBadValue, err.Error())
	}
	rw.fact = fact
	return rw, nil
}

func parseDay(s string, open day) (day, error) {
	if s == "-" || s == "" {
		return open, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, err
	}
	return dayOf(t), nil
}

// build resolves rows into per-province segments: national rows apply where
// a province has no row of its own for the same field and date.
func (t *Table) build(name string) error {
	for p := Beijing; p <= count; p++ {
		cuts := []day{minDay}
		for _, rw := range t.rows {
			if rw.prov == 0 || rw.prov == p {
				cuts = append(cuts, rw.from)
				if rw.to != maxDay {
					cuts = append(cuts, rw.to+1)
				}
			}
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		var segs []segment
		for i, from := range cuts {
			to := maxDay
			if i+1 < len(cuts) {
				to = cuts[i+1] - 1
			}
			s := segment{from: from, to: to}
			s.rules.Province, s.rules.from, s.rules.to = p, from, to
			for fi := range fields {
				var own, nat *row
				for j := range t.rows {
					rw := &t.rows[j]
					if rw.field != fi || rw.from > from || rw.to < from {
						continue
					}
					switch rw.prov {
					case p:
						if own != nil {
							return overlap(name, rw, own)
						}
						own = rw
					case 0:
						if nat != nil {
							return overlap(name, rw, nat)
						}
						nat = rw
					}
				}
				use := own
				if use == nil {
					use = nat
				}
				if use == nil {
					return &DataError{File: name, Province: p.ShortName(), Field: fields[fi].name, Err: ErrMissingField,
						Detail: "no row covers " + describeDay(from)}
				}
				fields[fi].assign(&s.rules, use.fact)
			}
			segs = append(segs, s)
		}
		// Merge neighbouring segments whose rules are identical.
		t.segs[p] = mergeSegments(segs)
	}
	return nil
}

func overlap(name string, a, b *row) error {
	return &DataError{File: name, Line: a.meta.Line, Province: a.meta.Scope, Field: fields[a.field].name, Err: ErrOverlap,
		Detail: fmt.Sprintf("overlaps the row on line %d", b.meta.Line)}
}

func describeDay(d day) string {
	if d == minDay {
		return "the start of the table"
	}
	return timeOf(d).Format(time.DateOnly)
}

func mergeSegments(segs []segment) []segment {
	out := segs[:0]
	for _, s := range segs {
		if n := len(out); n > 0 && sameFacts(&out[n-1].rules, &s.rules) {
			out[n-1].to = s.to
			out[n-1].rules.to = s.rules.to
			continue
		}
		out = append(out, s)
	}
	return slices.Clip(out)
}

func sameFacts(a, b *Rules) bool {
	x, y := *a, *b
	x.from, x.to, y.from, y.to = 0, 0, 0, 0
	return x == y
}
