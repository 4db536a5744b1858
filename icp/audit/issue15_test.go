package audit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
)

const (
	miit   = `https://beian.miit.gov.cn/`
	psbURL = `https://beian.mps.gov.cn/#/query/webSearch?code=33010602011771`
	psbA   = `<a href="` + psbURL + `">浙公网安备33010602011771号</a>`
)

// icpA is the ICP part of a footer: text linked to href.
func icpA(href, text string) string { return `<a href="` + href + `">` + text + `</a>` }

// foot is a footer holding the given ICP part and the right police link.
func foot(icpPart string) string { return page("<footer>" + icpPart + " " + psbA + "</footer>") }

var (
	gdWant = icp.Footer{ICP: icp.MustParseNumber("粤ICP备2021047163号-1")}
	zjSubj = icp.Footer{ICP: icp.MustParseNumber("浙ICP备2021047163号")}
)

func encodeGBK(t *testing.T, s string) string {
	out, err := simplifiedchinese.GBK.NewEncoder().String(s)
	require.NoError(t, err)
	return out
}

// TestIssue15Pages keeps every crafted page of issue 15 as a row: want is
// the codes expected in report order (nil: none), how the "how" of the
// first finding when it has one.
func TestIssue15Pages(t *testing.T) {
	gbkPage := "<html><head><meta charset=\"gbk\"><title>示例</title></head><body><footer>" +
		icpA(miit, "浙ICP备2021047163号-1") + psbA + "</footer></body></html>"
	undeclared := "<html><body><p>" + strings.Repeat("网站建设", 10) + "</p><footer>" +
		icpA(miit, "浙ICP备2021047163号-1") + psbA + "</footer></body></html>"
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(page("<footer>" + icpA(miit, "浙ICP备2021047163号-1") + psbA + "</footer>"))
	require.NoError(t, err)
	longStyle := strings.Repeat("color: red; ", 30) // 360 bytes before display:none
	tests := []struct {
		name  string
		page  string
		want  icp.Footer
		codes []string
		how   string
	}{
		// Glued words.
		{"glued: 号 Copyright after a subject number", page(`<footer>` + icpA(miit, "浙ICP备2021047163号 Copyright © 2026") + `</footer>`), zjSubj, nil, ""},
		{"glued: 号-1 Powered by", foot(icpA(miit, "浙ICP备2021047163号-1 Powered by Hexo")), auditWant, nil, ""},
		{"glued: 号-1 备案查询", foot(icpA(miit, "浙ICP备2021047163号-1 备案查询")), auditWant, nil, ""},
		{"glued: 号-1App is not an App number", foot(icpA(miit, "浙ICP备2021047163号-1App下载")), auditWant, nil, ""},
		{"glued: 号-1 ICP证 next to it", foot(icpA(miit, "浙ICP备2021047163号-1 浙ICP证030173号")), auditWant, nil, ""},
		{"glued: no space before Copyright", foot(icpA(miit, "浙ICP备2021047163号-1Copyright")), auditWant, nil, ""},

		// Text as a browser shows it.
		{"entities: &nbsp; and a numeric reference", foot(icpA(miit, "&#27993;ICP备2021047163号-1&nbsp;&nbsp;")), auditWant, nil, ""},
		{"entities: &#45; dash", foot(icpA(miit, "浙ICP备2021047163号&#45;1")), auditWant, nil, ""},
		{"split across inline tags", foot(icpA(miit, "浙ICP备<span>2021</span>047163号<b>-1</b>")), auditWant, nil, ""},
		{"split across a link and a span", foot(`<span>浙ICP备</span>` + icpA(miit, "2021047163号-1")), auditWant, []string{"audit.icp_not_linked"}, ""},
		{"zero-width joiner inside", foot(icpA(miit, "浙ICP备2021\u200d047163号-1")), auditWant, nil, ""},
		{"zero-width space and soft hyphen inside", foot(icpA(miit, "浙\u200bICP备2021047163\u00ad号-1")), auditWant, nil, ""},
		{"a block element splits text", foot(`<div>浙ICP备</div><div>` + icpA(miit, "2021047163号-1") + `</div>`), auditWant, []string{"audit.icp_missing"}, ""},
		{"GBK page with meta charset", encodeGBK(t, gbkPage), auditWant, nil, ""},
		{"GB18030 page that declares nothing", encodeGBK(t, undeclared), auditWant, nil, ""},
		{"UTF-16LE page with a byte-order mark", utf16, auditWant, nil, ""},

		// Hidden numbers.
		{"display:none after 360 bytes of style", page(`<footer style="` + longStyle + `display:none">` + icpA(miit, "浙ICP备2021047163号-1") + psbA + `</footer>`), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "display:none"},
		{"hidden attribute before a style", page(`<footer hidden style="color:red">` + icpA(miit, "浙ICP备2021047163号-1") + psbA + `</footer>`), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "hidden"},
		{"style before the hidden attribute", page(`<footer style="color:red" hidden>` + icpA(miit, "浙ICP备2021047163号-1") + psbA + `</footer>`), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "hidden"},
		{"hidden ancestor 600 elements up", page(`<div hidden>` + strings.Repeat("<div>", 600) + icpA(miit, "浙ICP备2021047163号-1") + psbA + strings.Repeat("</div>", 600) + `</div>`), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "hidden"},
		{"hidden ancestor 5000 elements up", page(`<section style="display:none">` + strings.Repeat("<span><i>", 2500) + icpA(miit, "浙ICP备2021047163号-1") + psbA), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "display:none"},
		{"shown after a hidden sibling closes", page(`<div hidden>x</div>` + strings.Repeat("<div>", 600) + icpA(miit, "浙ICP备2021047163号-1") + psbA + strings.Repeat("</div>", 600)), auditWant, nil, ""},
		{"shown after a hidden block of unclosed <p>s", page(`<div hidden>` + strings.Repeat("<p>旧内容", 300) + `</div>` + "<footer>" + icpA(miit, "浙ICP备2021047163号-1") + psbA + "</footer>"), auditWant, nil, ""},
		{"shown after a hidden list of unclosed <li>s", page(`<ul style="display:none">` + strings.Repeat("<li>项目", 300) + `</ul><table>` + strings.Repeat("<tr><td>单元", 100) + `</table>` + "<footer>" + icpA(miit, "浙ICP备2021047163号-1") + psbA + "</footer>"), auditWant, nil, ""},
		{"hidden inside an unclosed <p>", page(`<p>说明<div hidden>` + icpA(miit, "浙ICP备2021047163号-1") + psbA + `</div>`), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "hidden"},
		{"inside <template>", page(`<template><footer>` + icpA(miit, "浙ICP备2021047163号-1") + psbA + `</footer></template>`), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "<template>"},
		{"inside a closed <details>", page(`<details><p>` + icpA(miit, "浙ICP备2021047163号-1") + psbA + `</p></details>`), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "<details>"},
		{"inside an open <details>", page(`<details open><p>` + icpA(miit, "浙ICP备2021047163号-1") + psbA + `</p></details>`), auditWant, nil, ""},
		{"in the <summary> of a closed <details>", page(`<details><summary>` + icpA(miit, "浙ICP备2021047163号-1") + psbA + `</summary><p>更多</p></details>`), auditWant, nil, ""},
		{"inside <noscript>", page(`<noscript><footer>` + icpA(miit, "浙ICP备2021047163号-1") + psbA + `</footer></noscript>`), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "<noscript>"},
		{"only in <title>", "<html><head><title>示例 浙ICP备2021047163号-1 浙公网安备33010602011771号</title></head><body><p>正文</p></body></html>", auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "<title>"},
		{"in <title> and in the footer", "<html><head><title>浙ICP备2021047163号-1</title></head><body><footer>" + icpA(miit, "浙ICP备2021047163号-1") + psbA + "</footer></body></html>", auditWant, nil, ""},
		{"inside <textarea>", page(`<textarea>浙ICP备2021047163号-1 浙公网安备33010602011771号</textarea>`), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "<textarea>"},
		{"inside <iframe> fallback", page(`<iframe src="/f.html">浙ICP备2021047163号-1 浙公网安备33010602011771号</iframe>`), auditWant, []string{"audit.icp_hidden", "audit.police_hidden"}, "<iframe>"},
		{"number in a script is not shown", page(`<script>document.write("浙ICP备2021047163号-1")</script>`), auditWant, []string{"audit.icp_missing", "audit.police_missing"}, ""},

		// Links.
		{"link with #/Integrated/index", foot(icpA(miit+"#/Integrated/index", "浙ICP备2021047163号-1")), auditWant, nil, ""},
		{"link without the slash", foot(icpA("https://beian.miit.gov.cn", "浙ICP备2021047163号-1")), auditWant, nil, ""},
		{"scheme-relative link", foot(icpA("//beian.miit.gov.cn/", "浙ICP备2021047163号-1")), auditWant, nil, ""},
		{"relative link under <base href> of MIIT", "<html><head><base href=\"https://beian.miit.gov.cn/\"></head><body><footer>" + icpA("#/Integrated/index", "浙ICP备2021047163号-1") + psbA + "</footer></body></html>", auditWant, nil, ""},
		{"relative link under another <base href>", "<html><head><base href=\"https://example.com/\"></head><body><footer>" + icpA("beian.html", "浙ICP备2021047163号-1") + psbA + "</footer></body></html>", auditWant, []string{"audit.icp_wrong_link"}, ""},
		{"a look-alike host is wrong, not obsolete", foot(icpA("http://evilmiitbeian.gov.cn/", "浙ICP备2021047163号-1")), auditWant, []string{"audit.icp_wrong_link"}, ""},
		{"a look-alike suffix is wrong", foot(icpA("https://beian.miit.gov.cn.example.com/", "浙ICP备2021047163号-1")), auditWant, []string{"audit.icp_wrong_link"}, ""},
		{"plain http is a legacy link", foot(icpA("http://beian.miit.gov.cn/", "浙ICP备2021047163号-1")), auditWant, []string{"audit.icp_link_variant"}, ""},
		{"miitbeian is a legacy host", foot(icpA("http://www.miitbeian.gov.cn/", "浙ICP备2021047163号-1")), auditWant, []string{"audit.icp_obsolete_link"}, ""},
		{"an old portal path", foot(icpA("http://beian.miit.gov.cn/publish/query/indexFirst.action", "浙ICP备2021047163号-1")), auditWant, []string{"audit.icp_link_variant"}, ""},
		{"javascript: is no link", foot(icpA("javascript:void(0)", "浙ICP备2021047163号-1")), auditWant, []string{"audit.icp_not_linked"}, ""},
		{"entities in the href", foot(icpA("https://beian.miit.gov.cn/&#35;/Integrated/index", "浙ICP备2021047163号-1")), auditWant, nil, ""},
		{"entities in a wrong href", foot(icpA("https&#58;//example.com/", "浙ICP备2021047163号-1")), auditWant, []string{"audit.icp_wrong_link"}, ""},
		{"police: the legacy portal", page("<footer>" + icpA(miit, "浙ICP备2021047163号-1") + `<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33010602011771">浙公网安备33010602011771号</a></footer>`), auditWant, []string{"audit.police_legacy_link"}, ""},
		{"police: a query of another number", page("<footer>" + icpA(miit, "浙ICP备2021047163号-1") + `<a href="https://beian.mps.gov.cn/#/query/webSearch?code=33010602011772">浙公网安备33010602011771号</a></footer>`), auditWant, []string{"audit.police_wrong_link"}, ""},

		// Which number.
		{"Guangdong: the site number is right", page("<footer>" + icpA(miit, "粤ICP备2021047163号-1") + "</footer>"), gdWant, nil, ""},
		{"Guangdong: the subject number is right", page("<footer>" + icpA(miit, "粤ICP备2021047163号") + "</footer>"), gdWant, nil, ""},
		{"Guangdong: another service of the subject", page("<footer>" + icpA(miit, "粤ICP备2021047163号-3") + "</footer>"), gdWant, nil, ""},
		{"Guangdong: the site number's link is still checked", page("<footer>" + icpA("http://www.miitbeian.gov.cn/", "粤ICP备2021047163号-1") + "</footer>"), gdWant, []string{"audit.icp_obsolete_link"}, ""},
		{"Guangdong: another subject is an error", page("<footer>" + icpA(miit, "粤ICP备2021047164号-1") + "</footer>"), gdWant, []string{"audit.icp_other_number"}, ""},
		{"Zhejiang: the bare subject number is a warning", foot(icpA(miit, "浙ICP备2021047163号")), auditWant, []string{"audit.icp_subject_only"}, ""},
		{"Zhejiang: the subject number allowed", foot(icpA(miit, "浙ICP备2021047163号")), icp.Footer{ICP: auditWant.ICP, Police: auditWant.Police, AllowSubjectNumber: true}, nil, ""},
		{"Zhejiang: another service of the subject", foot(icpA(miit, "浙ICP备2021047163号-2")), auditWant, []string{"audit.icp_other_service"}, ""},
		{"Zhejiang: subject expected, site shown", page(`<footer>` + icpA(miit, "浙ICP备2021047163号-4") + `</footer>`), zjSubj, nil, ""},
		{"the subject number unlinked: both reported", foot("<span>浙ICP备2021047163号</span>"), auditWant, []string{"audit.icp_not_linked", "audit.icp_subject_only"}, ""},

		// Spellings.
		{"full-width letters", foot(icpA(miit, "浙ＩＣＰ备2021047163号-1")), auditWant, []string{"audit.number_format"}, ""},
		{"a Unicode dash", foot(icpA(miit, "浙ICP备2021047163号—1")), auditWant, []string{"audit.number_format"}, ""},
		{"a serial of 9 digits does not parse", foot(icpA(miit, "浙ICP备202104716号-1")), auditWant, []string{"audit.icp_missing", "audit.number_unreadable"}, ""},
		{"no province before ICP", foot(icpA(miit, "ICP备2021047163号-1")), auditWant, []string{"audit.icp_missing", "audit.number_unreadable"}, ""},
		{"placeholder with x", foot(icpA(miit, "浙ICP备2021047163号-1") + " 京ICP备xxxxxxxx号-x"), auditWant, []string{"audit.placeholder"}, ""},
		{"placeholder partly x", foot(icpA(miit, "浙ICP备2021047163号-1") + " 黔ICP备2022xxxxxx号-1"), auditWant, []string{"audit.placeholder"}, ""},
		{"placeholder with stars", foot(icpA(miit, "浙ICP备2021047163号-1") + " 京ICP备＊＊＊＊号"), auditWant, []string{"audit.placeholder"}, ""},
		{"pending word", foot(icpA(miit, "浙ICP备2021047163号-1") + " 京ICP备 待备案"), auditWant, []string{"audit.placeholder"}, ""},
		{"dummy serial", foot(icpA(miit, "浙ICP备2021047163号-1") + " 京ICP备12345678号-1"), auditWant, []string{"audit.dummy_number"}, ""},
		{"dummy police number", foot(icpA(miit, "浙ICP备2021047163号-1") + " 京公网安备11000000000001号"), auditWant, []string{"audit.dummy_number"}, ""},
		{"old-format police number", foot(icpA(miit, "浙ICP备2021047163号-1") + " 京公网安备：110105001242"), auditWant, []string{"audit.police_outdated"}, ""},
		{"vanity prefix", foot(icpA(miit, "浙ICP备2021047163号-1") + " 萌ICP备20257012号"), auditWant, []string{"audit.unofficial_number"}, ""},
		{"B2 licence beside the number", foot(icpA(miit, "浙ICP备2021047163号-1") + " 浙B2-20080224"), auditWant, nil, ""},
		{"a model name is not a licence", foot(icpA(miit, "浙ICP备2021047163号-1") + " 型号B2-3"), auditWant, nil, ""},
		{"prose is not a number", foot(icpA(miit, "浙ICP备2021047163号-1") + " 本站ICP备案由阿里云ICP备案系统办理"), auditWant, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
				r, err := AuditFooter(strings.NewReader(tt.page), tt.want, icp.WithLanguage(lang))
				require.NoError(t, err)
				var got []string
				for _, f := range r.Findings {
					got = append(got, f.Code)
					assert.NotEmpty(t, f.Source, "%s names its source", f.Code)
					assert.NotContains(t, f.Message, "%!", f.Code)
				}
				assert.Equal(t, tt.codes, got, "%s", r.Findings)
				if tt.how != "" && len(r.Findings) > 0 {
					assert.Equal(t, tt.how, r.Findings[0].Params["how"])
				}
			}
		})
	}
}

// TestHeTzuLicence: 合字 licences are MIIT's, never "unofficial", and a
// message about one keeps the 合.
func TestHeTzuLicence(t *testing.T) {
	r, err := AuditFooter(strings.NewReader(foot(icpA(miit, "浙ICP备2021047163号-1")+" 合字B2-20170010")), auditWant)
	require.NoError(t, err)
	assert.False(t, r.Has("audit.unofficial_number"))
	for _, f := range r.Findings {
		if strings.Contains(f.Message, "B2-20170010") {
			assert.Contains(t, f.Message, "合字B2-20170010")
		}
	}
}

// TestSpellingFixNamed: the fix of a folded spelling is named in the
// message, in the report's language.
func TestSpellingFixNamed(t *testing.T) {
	p := foot(icpA(miit, "浙ＩＣＰ备2021047163号—1"))
	r, err := AuditFooter(strings.NewReader(p), auditWant, icp.WithLanguage(language.English))
	require.NoError(t, err)
	require.True(t, r.Has("audit.number_format"))
	f := r.Findings[0]
	assert.Equal(t, "width,dash", f.Params["fixes"])
	assert.Equal(t, "浙ＩＣＰ备2021047163号—1 should be written 浙ICP备2021047163号-1 (full-width characters folded to ASCII; a Unicode dash replaced by '-')", f.Message)
	r, err = AuditFooter(strings.NewReader(p), auditWant)
	require.NoError(t, err)
	assert.Equal(t, "“浙ＩＣＰ备2021047163号—1”应写作 浙ICP备2021047163号-1（全角字符已转为半角；其他连字符已改为“-”）", r.Findings[0].Message)
}

// TestMessagesWhollyInLanguage: en messages hold no Han character beyond
// the quoted data, zh messages no English words beyond the allowed terms.
func TestMessagesWhollyInLanguage(t *testing.T) {
	allowed := []string{"ICP", "MIIT", "URL", "https", "beian", "miit", "gov", "cn", "display", "none", "visibility", "hidden",
		"details", "template", "noscript", "title", "textarea", "iframe"}
	for _, c := range icp.Codes() {
		if !strings.HasPrefix(c, "audit.") {
			continue
		}
		en := icp.Message(language.English, c, map[string]string{})
		for _, r := range en {
			if r >= 0x3400 && r <= 0x9FFF && r != '号' {
				t.Errorf("%s: Han character %q in the English message %q", c, r, en)
			}
		}
		zh := icp.Message(language.SimplifiedChinese, c, map[string]string{})
		for _, w := range strings.FieldsFunc(zh, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
			ok := false
			for _, a := range allowed {
				ok = ok || w == a
			}
			if !ok && len(w) > 1 {
				t.Errorf("%s: English word %q in the Chinese message %q", c, w, zh)
			}
		}
	}
	for _, k := range []string{"no_abbreviation", "abbreviation", "serial", "index", "mismatch", "format"} {
		assert.NotRegexp(t, `[a-zA-Z]`, reasonText(language.SimplifiedChinese, k))
		assert.NotRegexp(t, `\p{Han}`, reasonText(language.English, k))
	}
}

// TestScanStops: after the serial only 号, -N[AXK] and spaces are read,
// through the whole path from markup to number.
func TestScanStops(t *testing.T) {
	tests := []struct{ text, want string }{
		{"浙ICP备2021047163号 Copyright", "浙ICP备2021047163号"},
		{"浙ICP备2021047163号-1 Powered by", "浙ICP备2021047163号-1"},
		{"浙ICP备2021047163号-1 备案查询", "浙ICP备2021047163号-1"},
		{"浙ICP备2021047163号-2A 应用", "浙ICP备2021047163号-2A"},
		{"浙ICP备2021047163号-3XK", "浙ICP备2021047163号-3"},
		{"浙ICP备2021047163-1号 版权", "浙ICP备2021047163-1号"},
		{"浙ICP备2021047163号号-1。", "浙ICP备2021047163号号-1"},
		{"浙 ICP 备 2021047163 号 - 1 ABC", "浙 ICP 备 2021047163 号 - 1"},
		{"浙B2-20080224-1X 小程序", "浙B2-20080224-1X"},
		{"浙公网安备 33010602011771号 浙ICP", "浙公网安备 33010602011771号"},
		{"©2026 浙ICP备2021047163号ICP", "浙ICP备2021047163号"},
	}
	for _, tt := range tests {
		got := foundIn(t, "<p>"+tt.text+"</p>")
		require.NotEmpty(t, got, tt.text)
		assert.Equal(t, tt.want, got[0].text, tt.text)
	}
}

// foundIn returns what the walker reads on a page.
func foundIn(t *testing.T, page string) []seen {
	var w walker
	w.reset(html.NewTokenizer(strings.NewReader(page)))
	require.NoError(t, w.run())
	return w.found
}

// TestWalkerBounded: however deep the nesting, the walker keeps at most
// maxStack element names and maxMarks visibility marks, and still knows a
// hidden ancestor from the bottom of the page.
func TestWalkerBounded(t *testing.T) {
	deep := `<div hidden>` + strings.Repeat(`<details><summary><section style="display:none"><span>`, 20000) + "浙ICP备2021047163号-1"
	var w walker
	w.reset(html.NewTokenizer(strings.NewReader(deep)))
	require.NoError(t, w.run())
	assert.LessOrEqual(t, len(w.stack), maxStack)
	assert.LessOrEqual(t, len(w.marks), maxMarks)
	assert.Equal(t, 80001, w.depth())
	require.Len(t, w.found, 1)
	assert.Equal(t, "hidden", w.found[0].hidden)
}

// TestCharsets: pages in the encodings Chinese sites use, declared the
// ways they declare them.
func TestCharsets(t *testing.T) {
	body := "<body><p>" + strings.Repeat("网站建设与运维服务", 30) + "</p><footer>" + icpA(miit, "浙ICP备2021047163号-1") + psbA + "</footer></body></html>"
	enc := func(e encoding.Encoding, s string) string {
		out, err := e.NewEncoder().String(s)
		require.NoError(t, err)
		return out
	}
	tests := []struct{ name, page string }{
		{"GB2312 by http-equiv", enc(simplifiedchinese.GBK, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>`+body)},
		{"GB18030 by meta charset", enc(simplifiedchinese.GB18030, `<html><head><meta charset="GB18030"></head>`+body)},
		{"Big5 by meta charset", enc(traditionalchinese.Big5, `<html><head><meta charset="big5"></head>`+strings.ReplaceAll(body, "网站建设与运维服务", "網站建設"))},
		{"UTF-16BE with a byte-order mark", enc(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "<html>"+body)},
		{"UTF-8 with a byte-order mark", "\ufeff<html><head><meta charset=utf-8></head>" + body},
		{"UTF-8 declaring nothing, ASCII first", "<html><head>" + strings.Repeat("<!-- padding -->", 100) + "</head>" + body},
	}
	for _, tt := range tests {
		r, err := AuditFooter(strings.NewReader(tt.page), auditWant)
		require.NoError(t, err, tt.name)
		assert.Empty(t, r.Findings, "%s: %v", tt.name, r.Findings)
	}
}
