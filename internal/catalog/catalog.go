// Package catalog holds icpkit's message catalog: every finding code and
// display name, in zh-Hans and en, rendered through golang.org/x/text.
//
// Each package registers its own messages from init; the index is frozen on
// the first lookup, then read without locks. A tag whose base is English
// renders in English; every other tag falls back to Simplified Chinese.
package catalog

import (
	"sort"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Msg is one catalog entry: the parameter names in the order the format
// strings use them (%[1]s …), and the zh-Hans and en texts.
type Msg struct {
	Code   string
	Params []string
	Zh, En string
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
		_ = b.SetString(language.English, m.Code, m.En)
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
		args[i] = params[p]
	}
	if en {
		return ms.en.Sprintf(code, args...)
	}
	return ms.zh.Sprintf(code, args...)
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
