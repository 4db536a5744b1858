package icp

import (
	"encoding/json"
	"fmt"
	"sort"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/internal/catalog"
	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// Severity says how much a finding matters.
type Severity uint8

const (
	// SeverityInfo: something to know or to check by hand (face
	// verification, seals on scans), not a problem found.
	SeverityInfo Severity = iota + 1
	// SeverityWarning: likely to cause a rejection in some provinces or by
	// some providers, or a rule the sources disagree on.
	SeverityWarning
	// SeverityError: the authority or provider will refuse the application.
	SeverityError
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// MarshalText implements [encoding.TextMarshaler].
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "info":
		*s = SeverityInfo
	case "warning":
		*s = SeverityWarning
	case "error":
		*s = SeverityError
	default:
		return fmt.Errorf("icp: unknown severity %q", norm.Clip(string(b), 20))
	}
	return nil
}

// A Finding is one problem or note: a stable code, a severity, the JSON path
// of the field at fault (or the line of an audited page), its parameters, and
// a message in the report's language. Personal data in Params and Message is
// masked.
type Finding struct {
	Code     string            `json:"code"`
	Severity Severity          `json:"severity"`
	Field    string            `json:"field,omitempty"`
	Line     int               `json:"line,omitempty"`
	Params   map[string]string `json:"params,omitempty"`
	Message  string            `json:"message"`
	// Source names the source keys of the rule (keys of province/data/sources.tsv
	// such as "TC-domain", joined by "; "). A finding about the input itself
	// rather than a filing rule says "icpkit input" (malformed or
	// unreadable input) or "icpkit input bound" (a size limit of this
	// library).
	Source string `json:"source,omitempty"`
}

// Sources resolves the keys of f.Source in the default sources table
// (province/data/sources.tsv): publisher, title, a public address and the
// date the project read it. Keys that name this library's own bounds
// ("icpkit input") resolve to nothing.
func (f Finding) Sources() []province.Source {
	var out []province.Source
	for _, k := range province.SourceKeys(f.Source) {
		if s, ok := province.LookupSource(k); ok {
			out = append(out, s)
		}
	}
	return out
}

// String returns "severity code field: message".
func (f Finding) String() string {
	loc := f.Field
	if f.Line > 0 {
		loc = fmt.Sprintf("line %d", f.Line)
	}
	if loc != "" {
		loc = " " + loc
	}
	return fmt.Sprintf("%s %s%s: %s", f.Severity, f.Code, loc, f.Message)
}

// Report is every finding of a check or audit, errors first.
type Report struct {
	Findings []Finding `json:"findings"`
}

// OK reports whether the report has no errors (warnings and infos may
// remain).
func (r Report) OK() bool { return len(r.Errors()) == 0 }

// Errors returns the findings of severity error.
func (r Report) Errors() []Finding { return r.bySeverity(SeverityError) }

// Warnings returns the findings of severity warning.
func (r Report) Warnings() []Finding { return r.bySeverity(SeverityWarning) }

// Infos returns the findings of severity info.
func (r Report) Infos() []Finding { return r.bySeverity(SeverityInfo) }

// Has reports whether a finding with the code is present.
func (r Report) Has(code string) bool {
	for _, f := range r.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

func (r Report) bySeverity(s Severity) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// MarshalJSON writes {"ok": …, "findings": […]}; findings is [] rather than
// null when empty.
func (r Report) MarshalJSON() ([]byte, error) {
	fs := r.Findings
	if fs == nil {
		fs = []Finding{}
	}
	return json.Marshal(struct {
		OK       bool      `json:"ok"`
		Findings []Finding `json:"findings"`
	}{r.OK(), fs})
}

// sortFindings orders errors first, then warnings, then infos, keeping the
// order of discovery within a severity.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
}

// Codes returns every finding code with a message, sorted: those of
// Check and of the icp sub-packages (icp/audit, icp/refile, icp/number's
// fixes), whose messages are one catalog.
func Codes() []string { return catalog.Codes() }

// Message renders the message of code with params in English when tag is an
// English tag (en, en-GB, …) and in Simplified Chinese otherwise, the
// catalog's two languages. Unknown codes render as the code itself.
func Message(tag language.Tag, code string, params map[string]string) string {
	return catalog.Message(tag, code, params)
}

// NewFinding returns a finding whose message is the catalog's text for
// code in lang ([Message]), with its parameters given as name, value pairs.
// It is how the icp sub-packages, and a panel adding rules of its own to a
// [Report], build findings that read like those of [Check]. Personal data
// must be masked in kv before it gets here.
func NewFinding(lang language.Tag, code string, sev Severity, field, source string, kv ...string) Finding {
	var params map[string]string
	if len(kv) > 0 {
		params = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			params[kv[i]] = kv[i+1]
		}
	}
	return Finding{Code: code, Severity: sev, Field: field, Params: params,
		Message: catalog.Message(lang, code, params), Source: source}
}

// NewReport returns fs as a [Report]: errors first, then warnings, then
// infos, in the order of discovery within a severity. It sorts fs in place.
func NewReport(fs []Finding) Report {
	sortFindings(fs)
	return Report{Findings: fs}
}

// finder collects findings in one language.
type finder struct {
	lang language.Tag
	out  []Finding
}

func (f *finder) add(code string, sev Severity, field, source string, kv ...string) {
	f.out = append(f.out, NewFinding(f.lang, code, sev, field, source, kv...))
}

func (f *finder) report() Report { return NewReport(f.out) }
