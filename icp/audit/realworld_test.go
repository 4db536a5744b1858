package audit

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/corpus"
	"github.com/icpkit/icpkit/province"
)

// corpusRow is one hand-labelled occurrence of the corpus shared with
// icp/number (see internal/corpus).
type corpusRow = corpus.Row

func readCorpus(t *testing.T) []corpusRow {
	rows, err := corpus.Read("../number/testdata/realworld/footers.tsv") // one corpus for numbers and the audit
	require.NoError(t, err)
	return rows
}

var tags = regexp.MustCompile(`<[^>]*>`)

var mdLink = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)

// corpusPage wraps a fragment in a plain page of our own, the fragment in a
// <footer>. Markdown links become HTML links, as a site generator renders
// them.
func corpusPage(r corpusRow) string {
	frag := r.Raw
	switch r.Context {
	case "markdown":
		frag = mdLink.ReplaceAllString(frag, `<a href="$2">$1</a>`)
	case "template":
		frag = renderTemplate(frag)
	}
	// An excerpt cut inside a start tag (`href="…" target="_blank">京ICP…`)
	// gets back the tag it was cut from.
	if gt, lt := strings.IndexByte(frag, '>'), strings.IndexByte(frag, '<'); gt >= 0 && (lt < 0 || gt < lt) &&
		strings.Contains(frag[:gt], "=") {
		if strings.Contains(frag[:gt], "href=") {
			frag = "<a " + frag
		} else {
			frag = "<span " + frag
		}
	}
	return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>示例网站</title></head>\n<body>\n" +
		"<main><h1>欢迎</h1><p>" + strings.Repeat("本站介绍我们的产品与服务。", 10) + "</p></main>\n<footer>\n" +
		frag + "\n</footer>\n</body>\n</html>\n"
}

var (
	jsxComment = regexp.MustCompile(`(?s)\{/\*.*?\*/\}`)
	phpEcho    = regexp.MustCompile(`<\?php\s+echo\s+[A-Za-z_]*\(?'([^']*)'\)?;?\s*\?>`)
	// Components that render a link: Next's <Link>, Nuxt's <NuxtLink>,
	// Element's <el-link>, Naive UI's <n-button tag="a">, MUI's <Link>.
	linkComponent = regexp.MustCompile(`<(/?)(Link|NuxtLink|el-link|n-button|a-link|Typography\.Link)\b`)
)

// renderTemplate renders what a template fragment shows: JSX comments
// render nothing, PHP's echo of a literal its text, and link components an
// <a>.
func renderTemplate(frag string) string {
	frag = jsxComment.ReplaceAllString(frag, "")
	frag = phpEcho.ReplaceAllString(frag, "$1")
	return linkComponent.ReplaceAllString(frag, "<${1}a")
}

// linkScored reports whether the links of a row can be judged from its
// fragment: markup that holds them, cut nowhere near them. A config or text
// value, or prose about a number, has its link (if any) elsewhere.
func linkScored(r corpusRow) bool {
	if r.Context != "html" && r.Context != "template" && r.Context != "markdown" || r.Link == "unknown" ||
		slices.Contains(r.Defects, "prose") || slices.Contains(r.Defects, "help_text") {
		return false
	}
	if r.Link == "none" && !slices.ContainsFunc(r.Defects, func(d string) bool {
		return d == "no_link" || d == "script_link" || d == "no_link_on_number" || d == "empty_href"
	}) {
		return false // the labeller found no link to judge: a value shown elsewhere
	}
	return !cutInTag(r.Raw)
}

// cutInTag reports whether an excerpt starts inside an element whose link
// was cut off: a tag's attributes without href, or a closing </a> before
// any <a.
func cutInTag(frag string) bool {
	gt, lt := strings.IndexByte(frag, '>'), strings.IndexByte(frag, '<')
	if gt >= 0 && (lt < 0 || gt < lt) && strings.Contains(frag[:gt], "=") && !strings.Contains(frag[:gt], "href=") {
		return true
	}
	end, open := strings.Index(frag, "</a>"), strings.Index(frag, "<a")
	return end >= 0 && (open < 0 || end < open)
}

// linkCode reports whether a finding is about a link.
func linkCode(code string) bool {
	return strings.HasSuffix(code, "_link") || strings.HasSuffix(code, "_linked") || code == "audit.icp_link_variant"
}

// corpusWant is the footer the audit is run against: the labelled
// canonical numbers of a row that shows a real number. Where the fragment shows only a subject number and is
// labelled subject_only, the site's own number is that subject's -1 (the
// site number is not on the page, so any index would do).
func corpusWant(r corpusRow) icp.Footer {
	var f icp.Footer
	if r.IsNumber != "yes" {
		return f // a dummy or a placeholder is not the site's number, which is unknown
	}
	shown := tags.ReplaceAllString(r.Raw, "")
	for c := range strings.SplitSeq(r.Canonical, ",") {
		n, err := icp.ParseNumber(c)
		if err != nil || strings.Count(shown, n.Serial())+strings.Count(shown, n.Serial()[:6]) <= 2*strings.Count(shown, "code="+n.Serial()) {
			continue // a number read from a link only is not expected in the text
		}
		switch k := n.Kind(); {
		case k == icp.PoliceFiling && !f.Police.IsValid():
			f.Police = n
		case k >= icp.SubjectFiling && k <= icp.QuickAppFiling && !f.ICP.IsValid():
			f.ICP = n
		}
	}
	if f.ICP.Kind() == icp.SubjectFiling && slices.Contains(r.Defects, "subject_only") {
		f.ICP, _ = f.ICP.WithIndex(1, icp.Website)
	}
	return f
}

// finds maps each auditable defect tag of the corpus to the finding codes
// that report it. Tags not listed describe the text rather than a defect a
// reviewer would flag (label, entity, glued_text, prose …), or lie outside
// the audit (province_mismatch is Footer.Check's; CSS classes and faint
// text are out of scope, see doc.go).
var finds = map[string][]string{
	"no_link":              {"audit.icp_not_linked", "audit.police_not_linked"},
	"empty_href":           {"audit.icp_not_linked", "audit.police_not_linked"},
	"script_link":          {"audit.icp_not_linked", "audit.police_not_linked"},
	"wrong_link":           {"audit.icp_wrong_link", "audit.icp_not_linked", "audit.police_wrong_link", "audit.police_not_linked"},
	"relative_link":        {"audit.icp_wrong_link", "audit.police_wrong_link"},
	"http_link":            {"audit.icp_link_variant", "audit.icp_obsolete_link", "audit.police_legacy_link", "audit.icp_wrong_link"},
	"legacy_link":          {"audit.icp_obsolete_link", "audit.icp_link_variant", "audit.police_legacy_link", "audit.icp_wrong_link"},
	"no_link_on_number":    {"audit.icp_not_linked", "audit.police_not_linked"},
	"www_host":             {"audit.icp_link_variant", "audit.icp_obsolete_link"},
	"subject_only":         {"audit.icp_subject_only"},
	"hidden":               {"audit.icp_hidden", "audit.police_hidden", "audit.icp_missing", "audit.police_missing"},
	"dummy":                {"audit.dummy_number", "audit.placeholder"},
	"placeholder":          {"audit.placeholder", "audit.dummy_number"},
	"partial_x":            {"audit.placeholder"},
	"pending_word":         {"audit.placeholder"},
	"asterisks":            {"audit.placeholder"},
	"old_police_format":    {"audit.police_outdated", "audit.number_unreadable"},
	"split_by_tag":         {"audit.number_format"},
	"label_colon":          {"audit.number_format"},
	"label_bei_an":         {"audit.number_format"},
	"colon_in_number":      {"audit.number_format"},
	"typo_police_word":     {"audit.police_missing", "audit.number_unreadable"},
	"police_wording":       {"audit.police_missing", "audit.number_unreadable"},
	"line_break_in_number": {"audit.number_format"},
	"spaces":               {"audit.number_format"},
	"ideographic_space":    {"audit.number_format"},
	"space_before_hao":     {"audit.number_format"},
	"traditional":          {"audit.number_format"},
	"traditional_province": {"audit.number_format"},
	"traditional_police":   {"audit.number_format"},
	"missing_hao":          {"audit.number_format"},
	"misplaced_hao":        {"audit.number_format"},
	"trailing_hao":         {"audit.number_format"},
	"full_width_bracket":   {"audit.number_format"},
	"bracket_around":       {"audit.number_format"},
	"bracket":              {"audit.number_format"},
	"bracket_after":        {"audit.number_format"},
	"typo_ipc":             {"audit.number_format"},
	"untidy_width":         {"audit.number_format"},
	"full_width_dash":      {"audit.number_format"},
	"lower_case":           {"audit.number_format"},
	"police_label_hao":     {"audit.number_format"},
	"police_no_prefix":     {"audit.number_format", "audit.number_unreadable"},
	"doubled_prefix":       {"audit.number_format"},
	"missing_bei":          {"audit.number_format"},
	"bad_length":           {"audit.number_unreadable", "audit.dummy_number"},
	"short_serial":         {"audit.number_unreadable"},
	"truncated_serial":     {"audit.number_unreadable"},
	"garbled":              {"audit.number_unreadable"},
	"dashes_in_digits":     {"audit.number_unreadable"},
	"wrong_province_abbr":  {"audit.number_alias", "audit.number_unreadable", "audit.unofficial_number"},
	"not_a_province":       {"audit.number_unreadable", "audit.unofficial_number"},
	"city_prefix":          {"audit.number_unreadable", "audit.unofficial_number", "audit.number_format"},
	"no_province":          {"audit.number_unreadable"},
	"prefix_code_mismatch": {"audit.number_unreadable"},
}

// spelling holds the tags about how a number is written. Text the audit
// reports as not a number at all (a placeholder, a dummy, unreadable, a
// vanity or outdated number) counts as found for them too: the text is
// flagged, and its spelling is moot until a real number replaces it.
var spelling = []string{"spaces", "ideographic_space", "space_before_hao", "traditional", "traditional_province",
	"traditional_police", "missing_hao", "misplaced_hao", "trailing_hao", "full_width_bracket", "bracket_around",
	"bracket", "bracket_after", "typo_ipc", "untidy_width", "full_width_dash", "lower_case", "police_label_hao",
	"police_no_prefix", "doubled_prefix", "missing_bei", "bad_length", "short_serial", "truncated_serial",
	"wrong_province_abbr", "not_a_province", "city_prefix", "no_province", "dummy", "label_colon", "label_bei_an",
	"colon_in_number", "split_by_tag", "line_break_in_number"}

var junkCodes = []string{"audit.placeholder", "audit.dummy_number", "audit.number_unreadable", "audit.unofficial_number", "audit.police_outdated"}

// finders returns the codes that report defect tag d.
func finders(d string) []string {
	if slices.Contains(spelling, d) {
		return append(slices.Clone(finds[d]), junkCodes...)
	}
	return finds[d]
}

// aroundTags describe punctuation and white space around a number, which
// a browser shows and no rule forbids: a finding may point at them, but
// the audit is not expected to report them.
var aroundTags = []string{"ideographic_space", "bracket_around", "bracket_after", "full_width_bracket"}

// justified reports whether a finding points at a labelled defect of the
// row: a defect tag the code reports, or for a number that is not on the
// page, the row's being a placeholder, a dummy, or hidden.
func justified(code string, r corpusRow) bool {
	for _, d := range r.Defects {
		if slices.Contains(finders(d), code) {
			return true
		}
	}
	return false
}

// expected reports whether the audit should report the labelled defect d of
// row r: link defects only where a number is there to carry the link, and
// the bare subject number not in Guangdong, whose rule asks for it.
func expected(d string, r corpusRow, want icp.Footer) bool {
	if _, ok := finds[d]; !ok || slices.Contains(aroundTags, d) {
		return false
	}
	if r.Hidden == "yes" && d != "hidden" {
		return false // the rest of a commented-out or hidden footer is not read: no reader sees it
	}
	switch d {
	case "hidden":
		// Hidden text is there to be missed only where a number is
		// expected, and only markup hides it (a disabled config does too,
		// but its page is not ours to render).
		return (want.ICP.IsValid() || want.Police.IsValid()) && (r.Context == "html" || r.Context == "template")
	case "no_link", "empty_href", "script_link", "wrong_link", "relative_link", "http_link", "legacy_link", "www_host":
		return (want.ICP.IsValid() || want.Police.IsValid()) && r.Hidden == "no" && linkScored(r)
	case "subject_only":
		return want.ICP.IsValid() && want.ICP.Province() != province.Guangdong && r.Hidden == "no"
	}
	return true
}

// TestRealWorldFooters measures the audit on the hand-labelled corpus:
// precision is the share of findings that point at a labelled defect of
// their row, recall the share of auditable labelled defects found.
func TestRealWorldFooters(t *testing.T) {
	rows := readCorpus(t)
	require.GreaterOrEqual(t, len(rows), 200)
	var findings, good, defects, found, unscored, unscoredGood, skipped int
	missed := map[string]int{}
	wrong := map[string]int{}
	for _, r := range rows {
		if slices.Contains(r.Defects, "input_placeholder") {
			skipped++
			continue // an input's placeholder attribute: a form, not a footer
		}
		want := corpusWant(r)
		rep, err := AuditFooter(strings.NewReader(corpusPage(r)), want)
		require.NoError(t, err, r.ID)
		codes := map[string]bool{}
		for _, f := range rep.Findings {
			codes[f.Code] = true
			if linkCode(f.Code) && !linkScored(r) {
				unscored++
				if justified(f.Code, r) {
					unscoredGood++
				}
				continue
			}
			findings++
			if justified(f.Code, r) {
				good++
				continue
			}
			wrong[f.Code]++
			if testing.Verbose() {
				t.Logf("%s: unlabelled finding %s (%s) defects=%v %s", r.ID, f.Code, f.Message, r.Defects, r.Unsure)
			}
		}
		for _, d := range r.Defects {
			if !expected(d, r, want) {
				continue
			}
			defects++
			ok := false
			for _, c := range finders(d) {
				ok = ok || codes[c]
			}
			if ok {
				found++
				continue
			}
			missed[d]++
			if testing.Verbose() {
				t.Logf("%s: missed %s in %q %s", r.ID, d, clipRaw(r.Raw), r.Unsure)
			}
		}
	}
	precision := float64(good) / float64(max(findings, 1))
	recall := float64(found) / float64(max(defects, 1))
	t.Logf("corpus: %d rows; %d findings, %d point at a labelled defect: precision %.1f %%", len(rows), findings, good, 100*precision)
	t.Logf("corpus: %d auditable labelled defects, %d found: recall %.1f %%", defects, found, 100*recall)
	t.Logf("not scored: %d rows of input placeholders; %d link findings on rows whose fragment does not hold the link (%d of them labelled); counting those too, precision would be %.1f %%",
		skipped, unscored, unscoredGood, 100*float64(good+unscoredGood)/float64(max(findings+unscored, 1)))
	t.Logf("unlabelled findings by code: %v", sortedCounts(wrong))
	t.Logf("missed defects by tag: %v", sortedCounts(missed))
	assert.GreaterOrEqual(t, precision, 0.97, "precision")
	assert.GreaterOrEqual(t, recall, 0.95, "recall")
}

func clipRaw(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

func sortedCounts(m map[string]int) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+strconv.Itoa(v))
	}
	sort.Strings(out)
	return out
}
