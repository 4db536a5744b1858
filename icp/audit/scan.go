package audit

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// junkKind says why number-like text is not a valid number.
type junkKind uint8

const (
	junkNone        junkKind = iota
	junkPlaceholder          // 京ICP备XXXXXXXX号, 待备案
	junkUnofficial           // 萌ICP备20257012号: not a province
	junkOutdated             // 京公网安备110105001242号: the old 12–13 digit format
	junkUnreadable           // any other spelling that does not parse
)

// errNoAbbr is the reason given for a number without its province.
var errNoAbbr = errors.New("no province abbreviation")

// fromMatch turns what [icp.FindNumbers] found into what the audit
// reports: a number with the fixes its spelling needed, or the reason it
// is not one.
func fromMatch(text string, m icp.Match) seen {
	raw := text[m.Start:m.End]
	s := seen{text: norm.Clip(raw, 60), n: m.Number, fixes: m.Fixes}
	for _, f := range m.Fixes {
		if f == icp.FixDoubleHao {
			s.double = true
		}
	}
	if m.Err == nil {
		return s
	}
	s.n, s.why = icp.Number{}, m.Err
	r, _ := utf8.DecodeRuneInString(raw)
	han := r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF
	switch {
	case errors.Is(m.Err, icp.ErrPlaceholder):
		s.junk = junkPlaceholder
	case errors.Is(m.Err, icp.ErrOutdatedPolice):
		s.junk = junkOutdated
	case !han && (r == 'A' || r == 'B' || r == 'a' || r == 'b' || r == 'Ａ' || r == 'Ｂ'):
		s.junk = junkNone // 型号B2-3: a model name, not a licence without its province
	case errors.Is(m.Err, icp.ErrAbbreviation) && !han:
		s.junk, s.why = junkUnreadable, errNoAbbr
	case errors.Is(m.Err, icp.ErrAbbreviation) && vanity(r, raw):
		s.junk = junkUnofficial
	default:
		s.junk = junkUnreadable
	}
	return s
}

// vanity reports whether a 备 number starts with a character that is no
// province's name at all (萌, 茶): the self-styled registries. A city (深),
// or a province written another way, is a misspelling instead.
func vanity(r rune, raw string) bool {
	if strings.Contains(raw, "网安备") || strings.Contains(raw, "網安備") {
		return false
	}
	for _, p := range province.All() {
		if strings.ContainsRune(p.Name(), r) {
			return false
		}
	}
	return !strings.ContainsRune("深广杭苏蓉汉厦甬青连", r)
}

func (s seen) valid() bool { return s.n.IsValid() || s.junk != junkNone }
