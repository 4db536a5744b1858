// Package catalog holds icpkit's message catalog: every finding code and
// display name, in zh-Hans and en, rendered through golang.org/x/text.
//
// The messages and names are data (data/messages.tsv, data/names.tsv),
// embedded and loaded first; a program may add its own with [Register] and
// [RegisterNames] from init (the examples' command lines do), and names
// derived from other packages' types are registered by package icp. The
// index is frozen on the first lookup, then read without locks. A tag whose
// base is English renders in English; every other tag falls back to
// Simplified Chinese.
package catalog

import (
	"embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/icpkit/icpkit/internal/tsv"
)

// Msg is one catalog entry: the parameter names in the order the format
// strings use them (%[1]s …), and the zh-Hans and en texts.
//
// A parameter written "name:domain" holds a token of that display-name
// domain (a subject kind, a material kind …): the finding keeps the token,
// and the message shows the token's display name in its own language. A
// parameter written "name#" holds a count: with EnOne set, English uses
// EnOne when the first such count is 1 (plural rules of golang.org/x/text).
type Msg struct {
	Code   string
	Params []string
	Zh, En string
	EnOne  string
}

// Name is the display name of one token of a domain.
type Name struct{ Token, Zh, En string }

var names = map[string]map[string]Name{}

// RegisterNames adds display names for the tokens of domain. It panics on
// a duplicate token.
func RegisterNames(domain string, ns ...Name) {
	mu.Lock()
	defer mu.Unlock()
	m := names[domain]
	if m == nil {
		m = map[string]Name{}
		names[domain] = m
	}
	for _, n := range ns {
		if _, dup := m[n.Token]; dup {
			panic("catalog: duplicate name " + domain + "." + n.Token)
		}
		m[n.Token] = n
	}
}

// DisplayName returns the display name of token in domain, in English for
// an English tag and in Simplified Chinese otherwise.
func DisplayName(tag language.Tag, domain, token string) (string, bool) {
	frozen()
	n, ok := names[domain][token]
	if !ok {
		return "", false
	}
	if IsEnglish(tag) {
		return n.En, true
	}
	return n.Zh, true
}

// Domains returns every display-name domain with its tokens, for tests
// that render them all.
func Domains() map[string][]Name {
	frozen()
	out := map[string][]Name{}
	for d, m := range names {
		for _, n := range m {
			out[d] = append(out[d], n)
		}
		sort.Slice(out[d], func(i, j int) bool { return out[d][i].Token < out[d][j].Token })
	}
	return out
}

//go:embed data/messages.tsv data/names.tsv
var dataFS embed.FS

// The embedded catalog is loaded before any package registers from code.
func init() {
	if err := load(); err != nil {
		panic("catalog: " + err.Error()) // the embedded files are checked by the tests
	}
}

// load reads the embedded messages and names.
func load() error {
	f, err := dataFS.Open("data/messages.tsv")
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = tsv.ReadVersioned("catalog", "messages.tsv", f, 4, 5, func(c []string) error {
		m := Msg{Code: c[0], Zh: c[2], En: c[3]}
		if c[1] != "-" {
			m.Params = strings.Split(c[1], ",")
		}
		if len(c) == 5 {
			m.EnOne = c[4]
		}
		if m.Code == "" || m.Zh == "" || m.En == "" {
			return errors.New("a message needs a code and both texts")
		}
		if _, dup := index[m.Code]; dup {
			return fmt.Errorf("duplicate code %s", m.Code)
		}
		index[m.Code] = m
		return nil
	})
	if err != nil {
		return err
	}
	g, err := dataFS.Open("data/names.tsv")
	if err != nil {
		return err
	}
	defer g.Close()
	_, err = tsv.ReadVersioned("catalog", "names.tsv", g, 4, 4, func(c []string) error {
		m := names[c[0]]
		if m == nil {
			m = map[string]Name{}
			names[c[0]] = m
		}
		if _, dup := m[c[1]]; dup {
			return fmt.Errorf("duplicate name %s.%s", c[0], c[1])
		}
		m[c[1]] = Name{Token: c[1], Zh: c[2], En: c[3]}
		return nil
	})
	return err
}

var (
	mu    sync.Mutex
	index = map[string]Msg{}
	done  bool
)

// Register adds messages. It panics on a duplicate code or after the index
// was frozen: both are programming errors caught by any test.
func Register(ms ...Msg) {
	mu.Lock()
	defer mu.Unlock()
	if done {
		panic("catalog: Register after the message index was frozen")
	}
	for _, m := range ms {
		if _, dup := index[m.Code]; dup {
			panic("catalog: duplicate message code " + m.Code)
		}
		index[m.Code] = m
	}
}

type messages struct {
	zh, en *message.Printer
	index  map[string]Msg
	plainZ map[string]string // parameterless messages, zh-Hans
	plainE map[string]string // parameterless messages, en
}

var frozen = sync.OnceValue(func() *messages {
	mu.Lock()
	defer mu.Unlock()
	done = true
	b := catalog.NewBuilder(catalog.Fallback(language.SimplifiedChinese))
	for _, m := range index {
		_ = b.SetString(language.SimplifiedChinese, m.Code, m.Zh)
		if m.EnOne != "" {
			_ = b.Set(language.English, m.Code, plural.Selectf(countArg(m)+1, "", "one", m.EnOne, "other", m.En))
		} else {
			_ = b.SetString(language.English, m.Code, m.En)
		}
	}
	ms := &messages{
		zh:    message.NewPrinter(language.SimplifiedChinese, message.Catalog(b)),
		en:    message.NewPrinter(language.English, message.Catalog(b)),
		index: index, plainZ: map[string]string{}, plainE: map[string]string{},
	}
	for code, m := range index {
		if len(m.Params) == 0 {
			ms.plainZ[code] = ms.zh.Sprintf(code)
			ms.plainE[code] = ms.en.Sprintf(code)
		}
	}
	return ms
})

// Codes returns every registered code, sorted.
func Codes() []string {
	ms := frozen()
	out := make([]string, 0, len(ms.index))
	for c := range ms.index {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the entry of code.
func Lookup(code string) (Msg, bool) {
	m, ok := frozen().index[code]
	return m, ok
}

// Message renders code with params in English when tag is an English tag
// and in Simplified Chinese otherwise. Unknown codes render as the code.
func Message(tag language.Tag, code string, params map[string]string) string {
	ms := frozen()
	m, ok := ms.index[code]
	if !ok {
		return code
	}
	en := IsEnglish(tag)
	if len(m.Params) == 0 {
		if en {
			return ms.plainE[code]
		}
		return ms.plainZ[code]
	}
	args := make([]any, len(m.Params))
	for i, p := range m.Params {
		name, domain, _ := strings.Cut(p, ":")
		name, count := strings.CutSuffix(name, "#")
		v := params[name]
		args[i] = v
		if domain != "" {
			args[i] = displayList(tag, domain, v)
		} else if count {
			if n, err := strconv.Atoi(v); err == nil {
				args[i] = n
			}
		}
	}
	if en {
		return ms.en.Sprintf(code, args...)
	}
	return ms.zh.Sprintf(code, args...)
}

// displayList shows a token, or a list of tokens separated by "," or "|",
// by their display names, joined as the language joins a list. Tokens
// without a name stay as they are.
func displayList(tag language.Tag, domain, v string) string {
	if d, ok := DisplayName(tag, domain, v); ok {
		return d
	}
	if !strings.ContainsAny(v, ",|") {
		return v
	}
	sep := "、"
	if IsEnglish(tag) {
		sep = ", "
	}
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '|' })
	for i, p := range parts {
		p = strings.TrimSpace(p)
		parts[i] = p
		if d, ok := DisplayName(tag, domain, p); ok {
			parts[i] = d
		}
	}
	return strings.Join(parts, sep)
}

// ParamName returns the name under which a finding carries parameter p
// (without its domain or count mark).
func ParamName(p string) string {
	name, _, _ := strings.Cut(p, ":")
	return strings.TrimSuffix(name, "#")
}

// countArg returns the index of the first count parameter of m.
func countArg(m Msg) int {
	for i, p := range m.Params {
		if name, _, _ := strings.Cut(p, ":"); strings.HasSuffix(name, "#") {
			return i
		}
	}
	return 0
}

// IsEnglish reports whether messages in tag render in English, as the
// catalog's language matching decides (en-GB does, ja falls back to
// Chinese). The base must be stated: for Und, Base guesses English.
func IsEnglish(tag language.Tag) bool {
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
