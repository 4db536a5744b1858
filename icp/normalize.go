package icp

import (
	"strings"

	"github.com/icpkit/icpkit/internal/norm"
)

// Fix names one correction [NormalizeNumber] made.
type Fix string

// The corrections NormalizeNumber makes, in the order it makes them.
const (
	FixWidth         Fix = "width"            // full-width digits or letters folded
	FixDash          Fix = "dash"             // a Unicode dash made '-'
	FixSpace         Fix = "space"            // spaces removed
	FixCase          Fix = "case"             // lower-case icp or b2 upper-cased
	FixDoubleHao     Fix = "double_hao"       // 号号 made 号
	FixIndexPosition Fix = "index_before_hao" // 备12345678-9号 made 备12345678号-9
	FixMissingHao    Fix = "missing_hao"      // 号 added after the serial
)

// NormalizeNumber reads a number as people type and paste it — with spaces,
// full-width digits and letters, Unicode dashes, a lower-case icp, the index
// written before 号, a doubled 号 or a missing 号 — and reports each fix it
// made. Placeholders, vanity prefixes and prose are still refused.
func NormalizeNumber(s string) (Number, []Fix, error) {
	if len(s) > 256 {
		return Number{}, nil, numErr("NormalizeNumber", s, "length", ErrFormat)
	}
	var fixes []Fix
	add := func(f Fix) {
		for _, g := range fixes {
			if g == f {
				return
			}
		}
		fixes = append(fixes, f)
	}
	in := norm.TrimSpace(s)
	// Width and dashes, rune by rune, so that each fix is named.
	var b strings.Builder
	for _, r := range in {
		f := norm.Rune(r)
		switch {
		case f == r:
		case f == '-':
			add(FixDash)
		case f == ' ':
		default:
			add(FixWidth)
		}
		b.WriteRune(f)
	}
	t := b.String()
	if strings.ContainsAny(t, " ") {
		t = strings.ReplaceAll(t, " ", "")
		add(FixSpace)
	}
	if i := strings.Index(strings.ToUpper(t), "ICP"); i >= 0 && t[i:i+3] != "ICP" {
		t = t[:i] + "ICP" + t[i+3:]
		add(FixCase)
	}
	if len(t) > 4 && (t[3] == 'b' && (t[4] == '1' || t[4] == '2')) {
		t = t[:3] + "B" + t[4:]
		add(FixCase)
	}
	for strings.Contains(t, "号号") {
		t = strings.Replace(t, "号号", "号", 1)
		add(FixDoubleHao)
	}
	// 备12345678-9号 → 备12345678号-9 (also with an A/X/K suffix).
	for _, lit := range []string{litICPBei, litICPZh} {
		i := strings.Index(t, lit)
		if i < 0 {
			continue
		}
		head, rest := t[:i+len(lit)], t[i+len(lit):]
		d, tail := digitsPrefix(rest)
		if d == "" {
			continue
		}
		if strings.HasPrefix(tail, "-") {
			idx, after := digitsPrefix(tail[1:])
			suffix := ""
			if after != "" && strings.ContainsRune("AXK", rune(after[0])) {
				suffix, after = after[:1], after[1:]
			}
			if idx != "" && strings.HasPrefix(after, litHao) && after == litHao {
				t = head + d + litHao + "-" + idx + suffix
				add(FixIndexPosition)
				continue
			}
			if idx != "" && after == "" {
				t = head + d + litHao + "-" + idx + suffix
				add(FixMissingHao)
				continue
			}
		}
		if tail == "" {
			t = head + d + litHao
			add(FixMissingHao)
		}
	}
	if i := strings.Index(t, litPolice); i >= 0 {
		d, tail := digitsPrefix(t[i+len(litPolice):])
		if d != "" && tail == "" {
			t += litHao
			add(FixMissingHao)
		}
	}
	n, err := parseNumber("NormalizeNumber", t)
	if err != nil {
		if ne, ok := err.(*NumberError); ok {
			ne.Input = norm.Clip(s, 60)
		}
		return Number{}, fixes, err
	}
	return n, fixes, nil
}
