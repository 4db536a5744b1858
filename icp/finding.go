package icp

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/icpkit/icpkit/internal/norm"
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
	// Source names the source keys of the rule (reference/domain.md keys
	// such as "TC-domain", joined by "; "). A finding about the input itself
	// rather than a filing rule says "icpkit input" (malformed or
	// unreadable input) or "icpkit input bound" (a size limit of this
	// library).
	Source string `json:"source,omitempty"`
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

// msg is one catalog entry: the parameter names in the order the format
// strings use them (%[1]s …), and the zh-Hans and en texts.
type msg struct {
	code   string
	params []string
	zh, en string
}

var (
	catMu    sync.Mutex
	catIndex = map[string]msg{}
	catDone  bool
)

// register adds messages; each file of the package registers its own from
// init, before any message is rendered.
func register(ms ...msg) {
	catMu.Lock()
	defer catMu.Unlock()
	if catDone {
		panic("icp: register after the message index was frozen")
	}
	for _, m := range ms {
		if _, dup := catIndex[m.code]; dup {
			panic("icp: duplicate message code " + m.code)
		}
		catIndex[m.code] = m
	}
}

// messages is the frozen index: built once, on first use, then read
// without locks.
type messages struct {
	zh, en *message.Printer
	index  map[string]msg
	plainZ map[string]string // parameterless messages, zh-Hans
	plainE map[string]string // parameterless messages, en
}

var frozen = sync.OnceValue(func() *messages {
	catMu.Lock()
	defer catMu.Unlock()
	catDone = true
	b := catalog.NewBuilder(catalog.Fallback(language.SimplifiedChinese))
	for _, m := range catIndex {
		_ = b.SetString(language.SimplifiedChinese, m.code, m.zh)
		_ = b.SetString(language.English, m.code, m.en)
	}
	ms := &messages{
		zh:    message.NewPrinter(language.SimplifiedChinese, message.Catalog(b)),
		en:    message.NewPrinter(language.English, message.Catalog(b)),
		index: catIndex, plainZ: map[string]string{}, plainE: map[string]string{},
	}
	for code, m := range catIndex {
		if len(m.params) == 0 {
			ms.plainZ[code] = ms.zh.Sprintf(code)
			ms.plainE[code] = ms.en.Sprintf(code)
		}
	}
	return ms
})

// Codes returns every finding code with a message, sorted.
func Codes() []string {
	ms := frozen()
	out := make([]string, 0, len(ms.index))
	for c := range ms.index {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Message renders the message of code with params in English when tag is an
// English tag (en, en-GB, …) and in Simplified Chinese otherwise, the
// catalog's two languages. Unknown codes render as the code itself.
func Message(tag language.Tag, code string, params map[string]string) string {
	ms := frozen()
	m, ok := ms.index[code]
	if !ok {
		return code
	}
	en := isEnglish(tag)
	if len(m.params) == 0 {
		if en {
			return ms.plainE[code]
		}
		return ms.plainZ[code]
	}
	args := make([]any, len(m.params))
	for i, p := range m.params {
		args[i] = params[p]
	}
	if en {
		return ms.en.Sprintf(code, args...)
	}
	return ms.zh.Sprintf(code, args...)
}

// isEnglish reports whether messages in tag render in English, as the
// catalog's language matching decides (en-GB does, ja falls back to
// Chinese), so that words put into a message match its language. The base
// must be stated: for Und, Base guesses English.
func isEnglish(tag language.Tag) bool {
	switch tag {
	case language.English:
		return true
	case language.SimplifiedChinese, language.Und:
		return false
	}
	b, conf := tag.Base()
	return conf == language.Exact && b == englishBase
}

var englishBase, _ = language.English.Base()

// finder collects findings in one language.
type finder struct {
	lang language.Tag
	out  []Finding
}

func (f *finder) add(code string, sev Severity, field, source string, kv ...string) {
	var params map[string]string
	if len(kv) > 0 {
		params = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			params[kv[i]] = kv[i+1]
		}
	}
	f.out = append(f.out, Finding{Code: code, Severity: sev, Field: field, Params: params,
		Message: Message(f.lang, code, params), Source: source})
}

func (f *finder) report() Report {
	sortFindings(f.out)
	return Report{Findings: f.out}
}
