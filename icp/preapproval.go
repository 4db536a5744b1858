package icp

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/icpkit/icpkit/internal/tsv"
	"golang.org/x/text/language"
)

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
// one (icp/data/preapproval_categories.tsv and preapproval_keywords.tsv),
// and [LoadPreApproval] reads a panel's own.
type PreApprovalTable struct {
	cats     map[string]Category
	order    []string
	keywords []keyword
	byFirst  map[rune][]int // first rune of a keyword (upper case) → keyword indexes
}

// DefaultPreApproval returns the embedded pre-approval table
// (icp/data/preapproval_categories.tsv and preapproval_keywords.tsv),
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
// icp/data/preapproval_categories.tsv and preapproval_keywords.tsv, for a
// panel that keeps its own keyword list; pass it to Check with
// [WithPreApproval].
func LoadPreApproval(categories, keywords io.Reader) (*PreApprovalTable, error) {
	return loadPreApproval("<categories>", categories, "<keywords>", keywords)
}

func loadPreApproval(cname string, cr io.Reader, kname string, kr io.Reader) (*PreApprovalTable, error) {
	d := &PreApprovalTable{cats: map[string]Category{}}
	_, err := tsv.ReadVersioned("icp", cname, cr, 6, 7, func(c []string) error {
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
	_, err = tsv.ReadVersioned("icp", kname, kr, 5, 5, func(c []string) error {
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

// Categories returns the table's categories in data order.
func (d *PreApprovalTable) Categories() []Category {
	out := make([]Category, 0, len(d.order))
	for _, id := range d.order {
		out = append(out, d.cats[id])
	}
	return out
}

// A hit is a pre-approval keyword found in a text.
type hit struct {
	Category string
	Word     string
	Source   string
}

// scanPreApproval returns the pre-approval keywords in text, each category
// at most once. Keywords give false positives; where a false positive is
// known, its phrase is excluded in the data (整理财务 does not count as 理财),
// and a hit is meant to be shown with its word, not taken as a verdict.
func scanPreApproval(text string) []hit { return DefaultPreApproval().scan(text) }

// scan is [scanPreApproval] with this table's keywords.
func (d *PreApprovalTable) scan(text string) []hit {
	if text == "" {
		return nil
	}
	var out []hit
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
	cand := candBuf[:0]
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
		if !cand[i] || hitCategory(out, k.category) {
			continue
		}
		if keywordIn(upper, k.upper, k.except) {
			out = append(out, hit{Category: k.category, Word: k.word, Source: k.source})
		}
	}
	return out
}

func hitCategory(hs []hit, cat string) bool {
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

func init() {
	register(
		msg("site.preapproval_individual", []string{"category:preapproval", "word"}, "个人不能开办需要前置审批的网站（%[1]s，关键词“%[2]s”）", "an individual cannot run a site that needs a pre-approval (%[1]s, keyword %[2]q)"),
		msg("site.preapproval_needed", []string{"category:preapproval", "word", "document"}, "内容涉及 %[1]s（关键词“%[2]s”）：需提供%[3]s，或不涉及前置审批承诺书", "the content touches %[1]s (keyword %[2]q): provide “%[3]s”, or a commitment that it is not involved"),
		msg("site.preapproval_commitment", []string{"category:preapproval", "word"}, "已声明不涉及 %[1]s（关键词“%[2]s”）：请附不涉及前置审批承诺书", "declared as not involving %[1]s (keyword %[2]q): attach the commitment letter"),
		msg("site.preapproval_abolished", []string{"category:preapproval", "word"}, "%[1]s 前置审批已在全国取消（关键词“%[2]s”），但部分省份仍会询问", "the %[1]s pre-approval was abolished nationally (keyword %[2]q), but some provinces still ask"),
	)
}

// PreApprovalInput is what [CheckPreApproval] scans and what the site
// declares.
type PreApprovalInput struct {
	Individual  bool
	Texts       map[string]string // JSON path → text (name, description, business scope)
	Approvals   []Approval        // approvals the site holds
	NotInvolved bool              // the subject commits that no category is involved
	Language    language.Tag
	Table       *PreApprovalTable // nil: DefaultPreApproval()
}

// CheckPreApproval reports the pre-approval categories the texts touch:
// individuals may run none of them (error); units need the approval document
// or, if not involved, a commitment letter (which one a finding says).
// Categories abolished nationally give an info finding.
func CheckPreApproval(in PreApprovalInput) Report {
	fd := finder{lang: in.Language}
	checkPreApproval(&fd, in)
	return fd.report()
}

func checkPreApproval(fd *finder, in PreApprovalInput) {
	d := in.Table
	if d == nil {
		d = DefaultPreApproval()
	}
	done := map[string]bool{}
	// Walk fields in a fixed order so that reports are deterministic.
	fields := slices.AppendSeq(make([]string, 0, len(in.Texts)), maps.Keys(in.Texts))
	slices.Sort(fields)
	for _, field := range fields {
		for _, h := range d.scan(in.Texts[field]) {
			if done[h.Category] {
				continue
			}
			done[h.Category] = true
			cat := d.cats[h.Category]
			src := cat.Source
			switch {
			case !cat.National:
				fd.add("site.preapproval_abolished", SeverityInfo, field, src, "category", cat.ID, "word", h.Word)
			case in.Individual:
				fd.add("site.preapproval_individual", SeverityError, field, src+"; TC-site; QC-limit", "category", cat.ID, "word", h.Word)
			case hasApproval(in.Approvals, cat.ID):
			case in.NotInvolved:
				fd.add("site.preapproval_commitment", SeverityInfo, field, "TC-site; HW-mat", "category", cat.ID, "word", h.Word)
			default:
				fd.add("site.preapproval_needed", SeverityWarning, field, src, "category", cat.ID, "word", h.Word, "document", cat.Document)
			}
		}
	}
}

func hasApproval(as []Approval, cat string) bool {
	for _, a := range as {
		if a.Category == cat && strings.TrimSpace(a.Document) != "" {
			return true
		}
	}
	return false
}
