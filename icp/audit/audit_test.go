package audit

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/icpkit/icpkit/icp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/text/language"
)

var auditWant = icp.Footer{ICP: icp.MustParseNumber("浙ICP备2021047163号-1"), Police: icp.MustParseNumber("浙公网安备33010602011771号")}

// page wraps a footer in a page with some body text before it.
func page(footer string) string {
	return "<!DOCTYPE html>\n<html>\n<head><title>示例</title><style>.x{color:red}</style></head>\n<body>\n" +
		"<main>\n<h1>公司介绍</h1>\n<p>" + strings.Repeat("我们提供云计算与网站建设服务。", 20) + "</p>\n</main>\n" +
		footer + "\n</body>\n</html>\n"
}

const goodFooter = `<footer>
<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer">浙ICP备2021047163号-1</a>
<a href="https://beian.mps.gov.cn/#/query/webSearch?code=33010602011771" target="_blank">浙公网安备33010602011771号</a>
</footer>`

func TestAuditFooter(t *testing.T) {
	tests := []struct {
		name  string
		html  string
		want  []string // codes expected, in report order
		line  int      // line of the first finding, when it has one
		clean bool
	}{
		{"a correct footer", page(goodFooter), nil, 0, true},
		{"the number is missing", page(`<footer><a href="https://beian.mps.gov.cn/#/query/webSearch?code=33010602011771">浙公网安备33010602011771号</a></footer>`),
			[]string{"audit.icp_missing"}, 0, false},
		{"shown but not linked", page(`<footer><span>浙ICP备2021047163号-1</span>
<a href="https://beian.mps.gov.cn/#/query/webSearch?code=33010602011771">浙公网安备33010602011771号</a></footer>`),
			[]string{"audit.icp_not_linked"}, 8, false},
		{"linked to the obsolete miitbeian host", page(strings.Replace(goodFooter, "https://beian.miit.gov.cn/", "http://www.miitbeian.gov.cn/", 1)),
			[]string{"audit.icp_obsolete_link"}, 9, false},
		{"linked to the obsolete miibeian host", page(strings.Replace(goodFooter, "https://beian.miit.gov.cn/", "http://www.miibeian.gov.cn", 1)),
			[]string{"audit.icp_obsolete_link"}, 9, false},
		{"plain http and www variant", page(strings.Replace(goodFooter, "https://beian.miit.gov.cn/", "http://www.beian.miit.gov.cn/", 1)),
			[]string{"audit.icp_link_variant"}, 9, false},
		{"linked elsewhere", page(strings.Replace(goodFooter, "https://beian.miit.gov.cn/", "https://example.com/beian", 1)),
			[]string{"audit.icp_wrong_link"}, 9, false},
		{"another subject's number", page(strings.Replace(goodFooter, "浙ICP备2021047163号-1", "浙ICP备2021047169号-1", 1)),
			[]string{"audit.icp_other_number"}, 9, false},
		{"the bare subject number", page(strings.Replace(goodFooter, "浙ICP备2021047163号-1", "浙ICP备2021047163号", 1)),
			[]string{"audit.icp_subject_only"}, 9, false},
		{"a licence instead of the filing number", page(strings.Replace(goodFooter, "浙ICP备2021047163号-1", "浙ICP证030173号", 1)),
			[]string{"audit.icp_license_for_filing"}, 9, false},
		{"hidden by display:none", page(`<footer style="display: none">` + goodFooter + `</footer>`),
			[]string{"audit.icp_hidden", "audit.police_hidden"}, 9, false},
		{"hidden by visibility:hidden", page(`<div style="VISIBILITY:hidden">` + goodFooter + `</div>`),
			[]string{"audit.icp_hidden", "audit.police_hidden"}, 9, false},
		{"hidden attribute", page(`<div hidden>` + goodFooter + `</div>`),
			[]string{"audit.icp_hidden", "audit.police_hidden"}, 9, false},
		{"at the top of the page", "<html><body><header>" + goodFooter + "</header>\n<main>" + strings.Repeat("<p>正文内容</p>\n", 200) + "</main></body></html>",
			[]string{"audit.icp_not_at_bottom"}, 2, false},
		{"police number missing", page(`<footer><a href="https://beian.miit.gov.cn/">浙ICP备2021047163号-1</a></footer>`),
			[]string{"audit.police_missing"}, 0, false},
		{"police number on the legacy portal", page(strings.Replace(goodFooter, "https://beian.mps.gov.cn/#/query/webSearch?code=", "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=", 1)),
			[]string{"audit.police_legacy_link"}, 10, false},
		{"police number not linked", page(`<footer><a href="https://beian.miit.gov.cn/">浙ICP备2021047163号-1</a> <span>浙公网安备 33010602011771号</span></footer>`),
			[]string{"audit.number_format", "audit.police_not_linked"}, 8, false},
		{"doubled 号", page(strings.Replace(goodFooter, "浙ICP备2021047163号-1", "浙ICP备2021047163号-1号", 1)),
			nil, 0, false},
		{"doubled 号 before the index", page(strings.Replace(goodFooter, "浙ICP备2021047163号-1", "浙ICP备2021047163号号-1", 1)),
			[]string{"audit.double_hao"}, 9, false},
		{"spaces and full width", page(strings.Replace(goodFooter, "浙ICP备2021047163号-1", "浙 ICP 备２０２１０４７１６３号-1", 1)),
			[]string{"audit.number_format"}, 9, false},
		{"placeholder", page(goodFooter + `<p>京ICP备XXXXX号</p>`), []string{"audit.placeholder"}, 12, false},
		{"zero placeholder", page(goodFooter + `<p>贵ICP备00000000号</p>`), []string{"audit.placeholder"}, 12, false},
		{"vanity prefix", page(goodFooter + `<p>萌ICP备20257012号</p>`), []string{"audit.unofficial_number"}, 12, false},
		{"prose is not a number", page(goodFooter + `<p>本站由阿里云ICP备案服务提供支持，腾讯云ICP备案也可。</p>`), nil, 0, true},
		{"number inside a script is not shown", page(`<script>var n = "浙ICP备2021047163号-1";</script>`),
			[]string{"audit.icp_missing", "audit.police_missing"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := AuditFooter(strings.NewReader(tt.html), auditWant)
			require.NoError(t, err)
			var got []string
			for _, f := range r.Findings {
				got = append(got, f.Code)
				assert.NotEmpty(t, f.Message)
				assert.NotEqual(t, f.Code, f.Message, "every code has a message")
				assert.NotEmpty(t, f.Source, "%s names its source", f.Code)
			}
			if tt.clean {
				assert.Empty(t, got)
				return
			}
			if tt.want == nil {
				return
			}
			assert.Equal(t, tt.want, got)
			if tt.line > 0 {
				require.NotEmpty(t, r.Findings)
				assert.Equal(t, lineOfFinding(tt.html, r.Findings[0]), r.Findings[0].Line)
			}
		})
	}
}

func TestAuditLimitAndLanguage(t *testing.T) {
	big := page(strings.Repeat("<p>填充内容填充内容</p>\n", 5000) + goodFooter)
	r, err := AuditFooter(strings.NewReader(big), auditWant, Limit(4096), icp.WithLanguage(language.English))
	require.NoError(t, err)
	assert.True(t, r.Has("audit.truncated"))
	assert.False(t, r.Has("audit.icp_missing"), "a number past the limit is not missing")
	assert.True(t, r.Has("audit.icp_not_seen"))
	assert.True(t, r.OK(), "not seeing the number in the part read is a warning")
	for _, f := range r.Findings {
		assert.NotEmpty(t, f.Source, "%s names its source", f.Code)
		if f.Code == "audit.icp_not_seen" {
			assert.Equal(t, "the filing number 浙ICP备2021047163号-1 was not seen in the first 4096 bytes of the page; the rest was not read", f.Message)
		}
	}
	_, err = AuditFooter(io.MultiReader(strings.NewReader("<html>"), errReader{}), auditWant)
	assert.Error(t, err)

	exact := page(goodFooter)
	r, err = AuditFooter(strings.NewReader(exact), auditWant, Limit(int64(len(exact))))
	require.NoError(t, err)
	assert.False(t, r.Has("audit.truncated"), "a page of exactly the limit is read whole")
	r, err = AuditFooter(strings.NewReader(exact+" "), auditWant, Limit(int64(len(exact))))
	require.NoError(t, err)
	assert.True(t, r.Has("audit.truncated"), "one byte more is cut")
}

// lineOfFinding computes, independently of the tokenizer, the line on which
// the text a finding names first appears in the page.
func lineOfFinding(html string, f icp.Finding) int {
	needle := f.Params["number"]
	if needle == "" {
		needle = f.Params["text"]
	}
	for _, cand := range []string{needle, "浙 ICP 备", "浙ICP备2021047163号号", "浙公网安备"} {
		if i := strings.Index(html, cand); i >= 0 && cand != "" {
			return 1 + strings.Count(html[:i], "\n")
		}
	}
	return -1
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, fmt.Errorf("connection reset") }

func TestReportJSON(t *testing.T) {
	r, err := AuditFooter(strings.NewReader(page("")), auditWant)
	require.NoError(t, err)
	assert.False(t, r.OK())
	assert.Len(t, r.Errors(), 2)
	b, err := r.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(b), `"ok":false`)
	assert.Contains(t, string(b), `"severity":"error"`)
	empty, _ := icp.Report{}.MarshalJSON()
	assert.Equal(t, `{"ok":true,"findings":[]}`, string(empty))
}

// BenchmarkAuditFooter audits the 1 MB pages of BenchmarkAuditVsTokenizer
// alone, for the audit's own time and allocations.
func BenchmarkAuditFooter(b *testing.B) {
	for _, shape := range pageShapes {
		p := shape.make(1 << 20)
		b.Run(shape.name, func(b *testing.B) {
			b.SetBytes(int64(len(p)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := AuditFooter(bytes.NewReader(p), auditWant); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestAuditConcurrent: audits share pooled walkers; many at once, on
// pages that differ in every way the walker remembers (links, hidden
// elements, numbers, a <base>, a long page), give the reports one at a
// time gives.
func TestAuditConcurrent(t *testing.T) {
	pages := []string{
		page(goodFooter),
		page(`<footer style="display: none">` + goodFooter + `</footer>`),
		page(strings.Replace(goodFooter, "https://beian.miit.gov.cn/", "http://www.miitbeian.gov.cn/", 1)),
		`<base href="https://beian.miit.gov.cn/">` + page(strings.Replace(goodFooter, "https://beian.miit.gov.cn/", "/", 1)),
		page(`<footer><span>浙ICP备2021047163号-1</span></footer>`),
		string(densePage(200_000)),
		string(mixedPage(50_000)),
	}
	want := make([]icp.Report, len(pages))
	for i, p := range pages {
		r, err := AuditFooter(strings.NewReader(p), auditWant)
		require.NoError(t, err)
		want[i] = r
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 20 {
				i := (g + k) % len(pages)
				r, err := AuditFooter(strings.NewReader(pages[i]), auditWant)
				assert.NoError(t, err)
				assert.Equal(t, want[i], r, "page %d", i)
			}
		})
	}
	wg.Wait()
}

// TestWalkerRelease: a walker goes back to the pool without the numbers
// found and without buffers grown beyond the bounds by a huge page.
func TestWalkerRelease(t *testing.T) {
	w := walkers.Get().(*walker)
	href := `<a href="/` + strings.Repeat("x", 200_000) + `">`
	w.reset(html.NewTokenizer(strings.NewReader("<p>" + href + strings.Repeat("浙ICP备2021047163号-1 ", 5000) + "</a></p>")))
	require.NoError(t, w.run())
	require.NotEmpty(t, w.found)
	found := w.found[:cap(w.found)]
	w.release()
	assert.Nil(t, w.hrefs)
	assert.Nil(t, w.hrefRun)
	assert.Nil(t, w.text)
	assert.Nil(t, w.z)
	for _, s := range found {
		assert.Zero(t, s)
	}
}

func TestQueryCode(t *testing.T) {
	for _, tc := range []struct{ name, link, want string }{
		{"today's query link", "https://beian.mps.gov.cn/#/query/webSearch?code=33010602011771", "33010602011771"},
		{"the legacy portal", "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33010602011771", "33010602011771"},
		{"upper case", "https://beian.mps.gov.cn/#/query/webSearch?CODE=11010502026705&x=1", "11010502026705"},
		{"after another parameter", "https://beian.mps.gov.cn/?a=b&code=42", "42"},
		{"no digits", "https://beian.mps.gov.cn/?code=", ""},
		{"no code", "https://beian.mps.gov.cn/?c=1&odecode", ""},
		{"too short before =", "de=1", ""},
	} {
		assert.Equal(t, tc.want, queryCode(tc.link), tc.name)
	}
}

// TestLinkFastPaths: the links read without url.Parse get the answer the
// parse gives (a leading space takes the parsing path; resolve trims it).
func TestLinkFastPaths(t *testing.T) {
	for _, h := range []string{"https://beian.miit.gov.cn/", "https://beian.miit.gov.cn", "https://beian.miit.gov.cn/#/Integrated/index"} {
		k, shown := classifyMIIT(h, "")
		assert.Equal(t, linkOK, k, h)
		assert.Empty(t, shown, h)
		slow, _ := classifyMIIT(" "+h, "https://example.com/")
		assert.Equal(t, slow, k, h)
	}
	n := auditWant.Police
	for _, tc := range []struct {
		name, href string
		want       linkKind
	}{
		{"the number's own query", "https://beian.mps.gov.cn/#/query/webSearch?code=" + n.Serial(), linkOK},
		{"another number's query", "https://beian.mps.gov.cn/#/query/webSearch?code=11010502026705", linkOther},
		{"a longer code", "https://beian.mps.gov.cn/#/query/webSearch?code=" + n.Serial() + "9", linkOther},
	} {
		k, _ := classifyPolice(tc.href, "", n)
		slow, _ := classifyPolice(" "+tc.href, "", n)
		assert.Equal(t, tc.want, k, tc.name)
		assert.Equal(t, slow, k, tc.name)
	}
}
