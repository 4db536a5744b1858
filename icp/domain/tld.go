package domain

import (
	"embed"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/idna"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/internal/tsv"
	"github.com/icpkit/icpkit/province"
)

//go:embed data/tlds.tsv
var dataFS embed.FS

// TLDTable is the national list of fileable domain suffixes, in A-label
// form, with its source. It is immutable.
type TLDTable struct {
	version  string
	suffixes map[string]tldRow
}

type tldRow struct {
	source   string
	from, to time.Time
}

var defaultTLDs = tsv.Embedded(dataFS, "tlds.tsv", loadTLDs)

// DefaultTLDs returns the embedded national list (icp/domain/data/tlds.tsv)
// plus the provincial .xx.cn suffixes, loaded once on first use.
func DefaultTLDs() *TLDTable { return defaultTLDs() }

// LoadTLDs reads a fileable-suffix list in the format of icp/domain/data/tlds.tsv,
// for a panel that follows the live MIIT list.
func LoadTLDs(r io.Reader) (*TLDTable, error) { return loadTLDs("<input>", r) }

func loadTLDs(name string, r io.Reader) (*TLDTable, error) {
	t := &TLDTable{suffixes: map[string]tldRow{}}
	v, err := tsv.ReadVersioned("domain", name, r, 5, 6, func(c []string) error {
		a, err := idna.Lookup.ToASCII(c[0])
		if err != nil || a == "" {
			return fmt.Errorf("suffix %q: not a domain suffix", c[0])
		}
		if err := tsv.CheckStatus(c[1]); err != nil {
			return err
		}
		if c[2] == "" || c[2] == "-" {
			return fmt.Errorf("suffix %q: missing source", c[0])
		}
		var row tldRow
		row.source = c[2]
		if row.from, err = optDate(c[3]); err != nil {
			return err
		}
		if row.to, err = optDate(c[4]); err != nil {
			return err
		}
		t.suffixes[a] = row
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.version = v
	for _, p := range province.All() {
		if _, ok := t.suffixes[p.CNSuffix()]; !ok {
			t.suffixes[p.CNSuffix()] = tldRow{source: "TC-domain"}
		}
	}
	return t, nil
}

func optDate(s string) (time.Time, error) {
	if s == "-" || s == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: %v", s, err)
	}
	return d, nil
}

// Version returns the data version.
func (t *TLDTable) Version() string { return t.version }

// Fileable reports whether a domain under the public suffix may be filed
// under the given province rules (take them with province.RulesAt for a
// date), and the source of the answer. A suffix must be on the national
// list, which MIIT approves. Where the province keeps a list of its own
// ([province.Rules.FileableTLDs]: Beijing), the suffix must be on both:
// its "cn" is read as the whole .cn family and its 中文域名 as the
// Chinese-script suffixes of the national list (our reading, UNCERTAIN). A
// suffix the province lists but the national list lacks (Beijing's .tel)
// is not fileable, and the answer cites both lists.
func (t *TLDTable) Fileable(suffix string, rules province.Rules) (bool, string) {
	return t.FileableAt(suffix, rules, time.Time{})
}

// FileableAt is [TLDTable.Fileable] on a date: a national row whose period
// does not include at's calendar date in China (UTC+8) does not count. The
// zero Time ignores the periods.
func (t *TLDTable) FileableAt(suffix string, rules province.Rules, at time.Time) (bool, string) {
	a, err := toASCII(strings.TrimPrefix(suffix, "."))
	if err != nil {
		return false, "TC-domain"
	}
	national, src := t.national(a, at)
	list, ok := rules.FileableTLDs.Get()
	if !ok {
		return national, src
	}
	psrc := rules.FileableTLDs.Source()
	listed := false
	for w := range list.All() {
		wa, _ := toASCII(w)
		switch {
		case wa == a:
			listed = true
		case w == "cn" && strings.HasSuffix(a, ".cn"):
			listed = true
		case w == "中文域名" && strings.HasPrefix(a[strings.LastIndexByte(a, '.')+1:], "xn--"):
			listed = true
		}
	}
	switch {
	case !listed:
		return false, psrc
	case !national:
		return false, psrc + "; " + src
	}
	return true, psrc
}

// national looks a suffix up in the national list on a date.
func (t *TLDTable) national(a string, at time.Time) (bool, string) {
	row, ok := t.suffixes[a]
	if !ok {
		return false, "TC-domain"
	}
	if !at.IsZero() {
		// The rows' periods are China's calendar dates (UTC+8).
		c := at.In(norm.China)
		d := time.Date(c.Year(), c.Month(), c.Day(), 0, 0, 0, 0, time.UTC)
		if !row.from.IsZero() && d.Before(row.from) || !row.to.IsZero() && d.After(row.to) {
			return false, row.source
		}
	}
	return true, row.source
}

// toASCII is idna.Lookup.ToASCII with a fast path for names that are
// already lower-case LDH, which IDNA would return unchanged.
func toASCII(s string) (string, error) {
	if isLowerLDH(s) {
		return s, nil
	}
	return idna.Lookup.ToASCII(s)
}

// isLowerLDH reports whether s is already lower-case ASCII letters, digits,
// hyphens and dots, which IDNA would leave unchanged.
func isLowerLDH(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return s != ""
}
