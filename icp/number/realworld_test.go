package number

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/icpkit/icpkit/internal/corpus"
	"github.com/icpkit/icpkit/internal/norm"
)

// footerRow is one hand-labelled row of testdata/realworld/footers.tsv
// (see internal/corpus).
type footerRow = corpus.Row

func readFooterCorpus(t *testing.T) []footerRow {
	t.Helper()
	rows, err := corpus.Read(filepath.Join("testdata", "realworld", "footers.tsv"))
	require.NoError(t, err)
	return rows
}

// inlineTags join their text to the text around them, as a browser shows
// it; other tags separate text by a space.
var inlineTags = map[string]bool{"a": true, "span": true, "b": true, "i": true, "em": true, "strong": true,
	"font": true, "small": true, "u": true, "sup": true, "sub": true, "label": true, "abbr": true, "code": true}

// pageText is the text of a fragment as a reader sees it: character
// references decoded, tags dropped (inline ones without a gap), comments
// kept (numbers hidden in comments are still numbers). It stands in for the
// footer audit's own text extraction, which is not this package's.
func pageText(raw string) string {
	z := html.NewTokenizer(strings.NewReader(raw))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		case html.CommentToken:
			b.WriteByte(' ')
			b.Write(z.Text())
			b.WriteByte(' ')
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if !inlineTags[string(name)] {
				b.WriteByte(' ')
			}
			// Values a page or a component shows or stores: content, value,
			// title, alt, placeholder (not links, which Find does
			// not read).
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "content", "value", "title", "alt", "placeholder":
					b.WriteByte(' ')
					b.Write(v)
					b.WriteByte(' ')
				}
			}
		}
	}
}

// TestRealWorldFooters measures Find on real footers collected from
// public repositories and labelled by hand (testdata/realworld/README.md):
//
//   - every valid real number written in the text is read and normalised to
//     its labelled canonical form (target ≥ 97 % of those numbers). A
//     labelled number counts when Parse accepts its canonical form
//     (outdated or self-contradicting police numbers do not: they must be
//     reported with an error instead) and its serial is in the page text
//     (digits seen only in a link target are out of Find' reach);
//   - no placeholder or non-number is accepted as a number, unless
//     LikelyDummy flags it (target: none);
//   - no number other than the labelled ones is accepted in a real row,
//     unless LikelyDummy flags it (target: none);
//   - dummies are accepted by the parser and flagged by LikelyDummy, and no
//     real number is flagged (measured and logged).
func TestRealWorldFooters(t *testing.T) {
	rows := readFooterCorpus(t)
	require.GreaterOrEqual(t, len(rows), 200)
	var (
		labelled, read                  int
		invalidLabelled, invalidErr     int
		linkOnly                        []string
		falseAccepts, extras, flaggedIn []string
		missed                          []string
		dummyNums, dummyFlagged         int
		realFlagged                     []string
		placeholderRows, phTyped        int
		fixed                           = map[Fix]int{}
	)
	for _, r := range rows {
		text := pageText(r.Raw)
		flat := strings.Join(strings.Fields(string(norm.Append(nil, text, true, false))), "")
		ms := Find(text)
		var found []string
		for _, m := range ms {
			if m.Err == nil {
				found = append(found, m.Number.String())
			}
		}
		switch r.IsNumber {
		case "yes":
			want := strings.Split(r.Canonical, ",")
			if r.Canonical == "" {
				want = nil
			}
			for _, w := range want {
				n, err := Parse(w)
				switch {
				case err != nil:
					invalidLabelled++
					if slices.ContainsFunc(ms, func(m Match) bool { return m.Err != nil }) {
						invalidErr++
					} else {
						t.Logf("labelled invalid number not reported: %s %s (%v)", r.ID, w, err)
					}
					continue
				case !strings.Contains(flat, n.Serial()):
					linkOnly = append(linkOnly, r.ID+" "+w)
					continue
				}
				labelled++
				if slices.Contains(found, w) {
					read++
				} else {
					missed = append(missed, r.ID+" "+w+" in "+strings.Join(strings.Fields(text), " "))
				}
			}
			for _, m := range ms {
				if m.Err != nil {
					continue
				}
				for _, f := range m.Fixes {
					fixed[f]++
				}
				switch {
				case !slices.Contains(want, m.Number.String()) && m.Number.LikelyDummy():
					flaggedIn = append(flaggedIn, r.ID+" "+m.Number.String())
				case !slices.Contains(want, m.Number.String()):
					extras = append(extras, r.ID+" "+m.Number.String())
				case m.Number.LikelyDummy():
					realFlagged = append(realFlagged, r.ID+" "+m.Number.String())
				}
			}
		case "dummy":
			for _, m := range ms {
				if m.Err == nil {
					dummyNums++
					if m.Number.LikelyDummy() {
						dummyFlagged++
					} else {
						t.Logf("dummy not flagged: %s %s", r.ID, m.Number)
					}
				}
			}
		case "placeholder", "not_number":
			if r.IsNumber == "placeholder" {
				placeholderRows++
				if slices.ContainsFunc(ms, func(m Match) bool { return errors.Is(m.Err, ErrPlaceholder) }) {
					phTyped++
				} else {
					t.Logf("placeholder row without ErrPlaceholder: %s %q", r.ID, strings.Join(strings.Fields(text), " "))
				}
			}
			for _, m := range ms {
				switch {
				case m.Err != nil:
				case m.Number.LikelyDummy():
					flaggedIn = append(flaggedIn, r.ID+" "+m.Number.String())
				default:
					falseAccepts = append(falseAccepts, r.ID+" "+m.Number.String())
				}
			}
		default:
			t.Errorf("%s: unknown is_number %q", r.ID, r.IsNumber)
		}
	}
	rate := func(a, b int) float64 {
		if b == 0 {
			return 100
		}
		return 100 * float64(a) / float64(b)
	}
	t.Logf("corpus: %d rows", len(rows))
	t.Logf("valid real numbers read and normalised to the labelled form: %d of %d (%.1f %%)", read, labelled, rate(read, labelled))
	t.Logf("labelled numbers that are not valid (outdated or contradicting police numbers, short serials) reported with an error: %d of %d", invalidErr, invalidLabelled)
	t.Logf("labelled numbers whose digits are only in a link target (not measured): %d %v", len(linkOnly), linkOnly)
	t.Logf("placeholders or non-numbers accepted as numbers and not flagged by LikelyDummy: %d %v", len(falseAccepts), falseAccepts)
	t.Logf("unlabelled numbers accepted in real rows and not flagged: %d %v", len(extras), extras)
	t.Logf("unlabelled numbers accepted but flagged by LikelyDummy: %d %v", len(flaggedIn), flaggedIn)
	t.Logf("placeholder rows reported with ErrPlaceholder: %d of %d (%.1f %%)", phTyped, placeholderRows, rate(phTyped, placeholderRows))
	t.Logf("dummy numbers accepted and flagged by LikelyDummy: %d of %d (%.1f %%)", dummyFlagged, dummyNums, rate(dummyFlagged, dummyNums))
	t.Logf("real numbers flagged by LikelyDummy: %d %v", len(realFlagged), realFlagged)
	t.Logf("fixes made on real numbers: %v", fixed)
	for _, m := range missed {
		t.Logf("missed: %s", m)
	}
	assert.GreaterOrEqual(t, rate(read, labelled), 97.0, "share of valid real numbers normalised")
	assert.Empty(t, falseAccepts, "placeholders or non-numbers accepted")
	assert.Empty(t, extras, "numbers accepted that the labels do not hold")
	assert.Empty(t, realFlagged, "real numbers called dummies")
}
