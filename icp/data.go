package icp

import (
	"embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/idna"

	"github.com/icpkit/icpkit/internal/tsv"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

//go:embed data/*.tsv
var dataFS embed.FS

// readTSV reads a tab-separated data file in the shared format (see
// internal/tsv): "#@ version" sets the version and each row has between min
// and max columns. Errors name the file and line.
func readTSV(name string, r io.Reader, minCols, maxCols int, row func(cols []string) error) (version string, err error) {
	line, err := tsv.Read(r, maxDataSize, func(_ int, k, v string) error {
		if k != "version" {
			return fmt.Errorf("unknown directive %q", k)
		}
		version = v
		return nil
	}, func(_ int, cols []string) error {
		if len(cols) < minCols || len(cols) > maxCols {
			return fmt.Errorf("want %d to %d tab-separated columns, got %d", minCols, maxCols, len(cols))
		}
		return row(cols)
	})
	if err != nil {
		return "", fmt.Errorf("icp: %s:%d: %w", name, line, err)
	}
	return version, nil
}

// maxDataSize bounds what a data loader reads.
const maxDataSize = 4 << 20

func mustData[T any](name string, load func(string, io.Reader) (T, error)) func() T {
	return sync.OnceValue(func() T {
		f, err := dataFS.Open("data/" + name)
		if err != nil {
			panic(err)
		}
		defer f.Close()
		v, err := load(name, f)
		if err != nil {
			panic(err) // the embedded data is checked by the package tests
		}
		return v
	})
}

func checkStatus(s string) error {
	if s != "CONFIRMED" && s != "UNCERTAIN" {
		return fmt.Errorf("status %q is not CONFIRMED or UNCERTAIN", s)
	}
	return nil
}

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

// DefaultTLDs returns the embedded national list (icp/data/tlds.tsv) plus
// the provincial .xx.cn suffixes.
var DefaultTLDs = mustData("tlds.tsv", loadTLDs)

// LoadTLDs reads a fileable-suffix list in the format of icp/data/tlds.tsv,
// for a panel that follows the live MIIT list.
func LoadTLDs(r io.Reader) (*TLDTable, error) { return loadTLDs("<input>", r) }

func loadTLDs(name string, r io.Reader) (*TLDTable, error) {
	t := &TLDTable{suffixes: map[string]tldRow{}}
	v, err := readTSV(name, r, 5, 6, func(c []string) error {
		a, err := idna.Lookup.ToASCII(c[0])
		if err != nil || a == "" {
			return fmt.Errorf("suffix %q: not a domain suffix", c[0])
		}
		if err := checkStatus(c[1]); err != nil {
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
// date), and the source of the answer. Where the
// province keeps its own list ([province.Rules.FileableTLDs]: Beijing), that
// list decides: its "cn" is read as the whole .cn family and its 中文域名 as
// any Chinese-script suffix (our reading, UNCERTAIN). Otherwise the national
// list does.
func (t *TLDTable) Fileable(suffix string, rules province.Rules) (bool, string) {
	return t.FileableAt(suffix, rules, time.Time{})
}

// FileableAt is [TLDTable.Fileable] on a date: a national row whose period
// does not include at does not count. The zero Time ignores the periods.
func (t *TLDTable) FileableAt(suffix string, rules province.Rules, at time.Time) (bool, string) {
	a, err := toASCII(strings.TrimPrefix(suffix, "."))
	if err != nil {
		return false, "TC-domain"
	}
	if list, ok := rules.FileableTLDs.Get(); ok {
		src := rules.FileableTLDs.Source()
		for w := range list.All() {
			wa, _ := toASCII(w)
			switch {
			case wa == a:
				return true, src
			case w == "cn" && strings.HasSuffix(a, ".cn"):
				return true, src
			case w == "中文域名" && strings.HasPrefix(a[strings.LastIndexByte(a, '.')+1:], "xn--"):
				return true, src
			}
		}
		return false, src
	}
	row, ok := t.suffixes[a]
	if !ok {
		return false, "TC-domain"
	}
	if !at.IsZero() {
		d := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)
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

// kindSuffixes are the suffix families that some subject kinds must use
// (互联网政务应用安全管理规定): government bodies .gov.cn or .政务, public
// institutions .cn or .公益 (HW-prov doc_0218, HW-policy, HW-kb).
var kindSuffixes = map[subject.Kind][]string{
	subject.Government:  {"gov.cn", "xn--zfr164b", "xn--zfr164b.cn"},
	subject.Institution: {"cn", "xn--55qw42g", "xn--55qw42g.cn"},
}

// KindSuffixOK reports whether a domain with the given public suffix fits
// the suffix family of the subject kind; kinds without a family always fit.
// The second result names the family for messages.
func KindSuffixOK(k subject.Kind, suffix string) (bool, string) {
	fam, ok := kindSuffixes[k]
	if !ok {
		return true, ""
	}
	a, _ := toASCII(suffix)
	for _, f := range fam {
		if a == f || strings.HasSuffix(a, f) && a[len(a)-len(f)-1] == '.' {
			return true, ""
		}
	}
	names := make([]string, len(fam))
	for i, f := range fam {
		names[i] = "." + DisplayDomain(f)
	}
	return false, strings.Join(names, " ")
}
