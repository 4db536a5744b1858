package content

import (
	"embed"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/icpkit/icpkit/internal/tsv"
)

//go:embed data/*.tsv
var dataFS embed.FS

// NameRule is one row of the name word rules (icp/content/data/names.tsv).
type NameRule struct {
	Scope  string // "all", "unit", "individual" or "app"
	Rule   string // "contains" (the word anywhere) or "leading" (the name starts with it)
	Word   string
	Status string // CONFIRMED or UNCERTAIN
	// Warning marks a word that may be refused (a warning); the others are
	// refused (an error).
	Warning bool
	Source  string // source keys
}

// NameRules are the word rules for site and App names
// (icp/content/data/names.tsv). They are immutable; [DefaultNameRules] returns the
// embedded ones and [LoadNameRules] reads a panel's own, for
// icp.NameOptions.Words and icp.WithNameRules.
type NameRules struct {
	rules   []NameRule
	version string
}

var defaultNameRules = tsv.Embedded(dataFS, "names.tsv", loadNameRules)

// DefaultNameRules returns the embedded name rules (icp/content/data/names.tsv),
// loaded once on first use.
func DefaultNameRules() *NameRules { return defaultNameRules() }

// LoadNameRules reads name rules in the format of icp/content/data/names.tsv.
func LoadNameRules(r io.Reader) (*NameRules, error) { return loadNameRules("<input>", r) }

// Version returns the data version.
func (n *NameRules) Version() string { return n.version }

// All returns the rules in data order.
func (n *NameRules) All() iter.Seq[NameRule] { return slices.Values(n.rules) }

func loadNameRules(name string, r io.Reader) (*NameRules, error) {
	var out []NameRule
	v, err := tsv.ReadVersioned("content", name, r, 6, 7, func(c []string) error {
		nr := NameRule{Scope: c[0], Rule: c[1], Word: c[2], Status: c[4], Source: c[5]}
		if !slices.Contains([]string{"all", "unit", "individual", "app"}, nr.Scope) {
			return fmt.Errorf("scope %q", nr.Scope)
		}
		if nr.Rule != "contains" && nr.Rule != "leading" {
			return fmt.Errorf("rule %q", nr.Rule)
		}
		switch c[3] {
		case "error":
		case "warning":
			nr.Warning = true
		default:
			return fmt.Errorf("severity %q", c[3])
		}
		if err := tsv.CheckStatus(c[4]); err != nil {
			return err
		}
		if nr.Word == "" || nr.Source == "" || nr.Source == "-" {
			return fmt.Errorf("empty word or source")
		}
		out = append(out, nr)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &NameRules{rules: out, version: v}, nil
}

// Category is a pre-approval (前置审批) category: content that needs an
// authority's approval before the filing (TC-preapp).
type Category struct {
	ID        string // "finance", "news" …
	Authority string // who approves
	Document  string // what they issue
	National  bool   // still required nationally; false: abolished, some provinces ask
	Source    string
	Note      string
}

type keyword struct {
	category, word string
	upper          string // word upper-cased once, for matching
	except         []string
	source         string
}

// PreApprovalTable holds the pre-approval categories and the keywords that
// point to them. It is immutable; [DefaultPreApproval] returns the embedded
// one (icp/content/data/preapproval_categories.tsv and preapproval_keywords.tsv),
// and [LoadPreApproval] reads a panel's own.
type PreApprovalTable struct {
	cats     map[string]Category
	order    []string
	keywords []keyword
	byFirst  map[rune][]int // first rune of a keyword (upper case) → keyword indexes
}

// DefaultPreApproval returns the embedded pre-approval table
// (icp/content/data/preapproval_categories.tsv and preapproval_keywords.tsv),
// loaded once on first use.
func DefaultPreApproval() *PreApprovalTable { return defaultPreApproval() }

var defaultPreApproval = sync.OnceValue(func() *PreApprovalTable {
	c, err := dataFS.Open("data/preapproval_categories.tsv")
	if err != nil {
		panic(err)
	}
	defer c.Close()
	k, err := dataFS.Open("data/preapproval_keywords.tsv")
	if err != nil {
		panic(err)
	}
	defer k.Close()
	t, err := loadPreApproval("preapproval_categories.tsv", c, "preapproval_keywords.tsv", k)
	if err != nil {
		panic(err) // the embedded data is checked by the package tests
	}
	return t
})

// LoadPreApproval reads a pre-approval table in the formats of
// icp/content/data/preapproval_categories.tsv and preapproval_keywords.tsv, for a
// panel that keeps its own keyword list; pass it to icp.Check with
// icp.WithPreApproval.
func LoadPreApproval(categories, keywords io.Reader) (*PreApprovalTable, error) {
	return loadPreApproval("<categories>", categories, "<keywords>", keywords)
}

func loadPreApproval(cname string, cr io.Reader, kname string, kr io.Reader) (*PreApprovalTable, error) {
	d := &PreApprovalTable{cats: map[string]Category{}}
	_, err := tsv.ReadVersioned("content", cname, cr, 6, 7, func(c []string) error {
		if err := tsv.CheckStatus(c[4]); err != nil {
			return err
		}
		cat := Category{ID: c[0], Authority: c[1], Document: c[2], National: c[3] == "yes", Source: c[5]}
		if len(c) == 7 {
			cat.Note = c[6]
		}
		if c[3] != "yes" && c[3] != "no" {
			return fmt.Errorf("national must be yes or no")
		}
		if cat.ID == "" || cat.Source == "" || cat.Source == "-" {
			return fmt.Errorf("empty category or source")
		}
		d.cats[cat.ID] = cat
		d.order = append(d.order, cat.ID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	_, err = tsv.ReadVersioned("content", kname, kr, 5, 5, func(c []string) error {
		if _, ok := d.cats[c[0]]; !ok {
			return fmt.Errorf("unknown category %q", c[0])
		}
		if err := tsv.CheckStatus(c[3]); err != nil {
			return err
		}
		if c[1] == "" || c[4] == "" || c[4] == "-" {
			return fmt.Errorf("empty keyword or source")
		}
		k := keyword{category: c[0], word: c[1], upper: strings.ToUpper(c[1]), source: c[4]}
		if c[2] != "-" {
			k.except = strings.Split(strings.ToUpper(c[2]), "|")
		}
		d.keywords = append(d.keywords, k)
		return nil
	})
	if err != nil {
		return nil, err
	}
	d.byFirst = map[rune][]int{}
	for i, k := range d.keywords {
		r, _ := utf8.DecodeRuneInString(k.upper)
		d.byFirst[r] = append(d.byFirst[r], i)
	}
	return d, nil
}

// Categories returns the pre-approval categories of the default table in
// data order.
func Categories() []Category { return DefaultPreApproval().Categories() }

// Category returns the category with the given id.
func (d *PreApprovalTable) Category(id string) (Category, bool) {
	c, ok := d.cats[id]
	return c, ok
}

// Categories returns the table's categories in data order.
func (d *PreApprovalTable) Categories() []Category {
	out := make([]Category, 0, len(d.order))
	for _, id := range d.order {
		out = append(out, d.cats[id])
	}
	return out
}

// A Hit is a pre-approval keyword found in a text.
type Hit struct {
	Category string
	Word     string
	Source   string
}

// Scan returns the pre-approval keywords in text, each category at most
// once, in data order. Keywords give false positives; where a false
// positive is known, its phrase is excluded in the data (整理财务 does not
// count as 理财), and a hit is meant to be shown with its word, not taken as
// a verdict.
func (d *PreApprovalTable) Scan(text string) []Hit {
	if text == "" {
		return nil
	}
	var out []Hit
	upper := text
	for i := 0; i < len(text); i++ {
		if c := text[i]; 'a' <= c && c <= 'z' {
			upper = strings.ToUpper(text) // only ASCII keywords need folding
			break
		}
	}
	// Only keywords whose first rune occurs in the text can match; collect
	// them in data order so that results do not depend on the text.
	var candBuf [64]bool
	var cand []bool
	if len(d.keywords) <= len(candBuf) {
		cand = candBuf[:len(d.keywords)]
	} else {
		cand = make([]bool, len(d.keywords))
	}
	found := false
	for _, r := range upper {
		for _, i := range d.byFirst[r] {
			cand[i], found = true, true
		}
	}
	if !found {
		return nil
	}
	for i, k := range d.keywords {
		if !cand[i] || HasCategory(out, k.category) {
			continue
		}
		if keywordIn(upper, k.upper, k.except) {
			out = append(out, Hit{Category: k.category, Word: k.word, Source: k.source})
		}
	}
	return out
}

// HasCategory reports whether hs hold a hit of category cat.
func HasCategory(hs []Hit, cat string) bool {
	for _, h := range hs {
		if h.Category == cat {
			return true
		}
	}
	return false
}

// keywordIn reports an occurrence of w in s that does not lie inside one of
// the except phrases.
func keywordIn(s, w string, except []string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		at := i + j
		if !covered(s, at, len(w), except) {
			return true
		}
		i = at + len(w)
	}
}

// covered reports whether an occurrence of one of except in s spans the
// n bytes at at.
func covered(s string, at, n int, except []string) bool {
	for _, e := range except {
		// Every start k from which e would reach past at+n and not start
		// after at.
		for k := max(0, at+n-len(e)); k <= at && k+len(e) <= len(s); k++ {
			if s[k:k+len(e)] == e {
				return true
			}
		}
	}
	return false
}
