package icp_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
	_ "github.com/icpkit/icpkit/icp/audit"
	"github.com/icpkit/icpkit/icp/icptest"
	_ "github.com/icpkit/icpkit/icp/refile"
	"github.com/icpkit/icpkit/internal/catalog"
)

// latinAllowed are the Latin words a zh-Hans message may hold: proper
// nouns, units, protocol and format names, and the parts of addresses and
// examples that are written in Latin letters in Chinese text too.
var latinAllowed = map[string]bool{
	"ICP": true, "IP": true, "MD5": true, "ECS": true, "SLB": true, "ACE": true, "WebApp": true, "NAT": true, "NAT64": true, "ENS": true, "CVM": true, "Lighthouse": true, "CLB": true, "Flexus": true, "App": true, "MIIT": true, "dpi": true, "KB": true, "MB": true, "URL": true,
	"https": true, "http": true, "beian": true, "miit": true, "gov": true, "cn": true, "www": true, "miitbeian": true,
	"FAQ": true, "GB": true, "MD": true, "SHA": true, "Android": true, "iOS": true, "JPEG": true, "JPG": true, "PNG": true,
	"GIF": true, "PDF": true, "HEIC": true, "WebP": true, "SVG": true, "BMP": true, "JFIF": true, "HEIF": true, "AVIF": true, "RAR": true, "Windows": true, "Unix": true, "pHYs": true, "TIFF": true, "MP4": true, "MOV": true, "YYYY": true, "MM": true, "DD": true, "com": true,
	"example": true, "app": true, "B2": true, "EXIF": true, "ZIP": true, "CSS": true, "HTML": true, "RFC": true, "SMS": true,
}

var (
	latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]+`)
	hanRun    = regexp.MustCompile(`\p{Han}+`)
	// quoted is text a message quotes: user data, or a Chinese term an
	// English reader must recognise on a form (“号”, “网站建设方案书”).
	quoted = regexp.MustCompile(`“[^”]*”|"[^"]*"|「[^」]*」|«[^»]*»`)
)

// sample gives a realistic value for a plain parameter.
func sample(name string) string {
	switch name {
	case "number", "want", "usual", "icp", "police", "subject":
		return "京ICP备12345678号-1"
	case "domain", "registrable", "suffix", "domains", "family":
		return "example.com"
	case "ip":
		return "192.0.2.1"
	case "href":
		return "http://www.miitbeian.gov.cn/"
	case "word", "text", "holder", "detail", "value", "document", "provider", "region", "product", "billing", "allowed", "got", "appended", "match", "field", "tag", "platform", "for":
		return "⟦" + name + "⟧" // user data or a token list, checked apart
	}
	return "12"
}

// TestMessagesWholeLanguage renders every message in both languages with
// realistic parameters: a zh-Hans message holds no Latin word outside the
// allow-list, an English one no Han character outside quotes.
func TestMessagesWholeLanguage(t *testing.T) {
	domains := catalog.Domains()
	for _, code := range icp.Codes() {
		m, _ := catalog.Lookup(code)
		variants := []map[string]string{{}, {}}
		for _, p := range m.Params {
			name, domain, _ := strings.Cut(p, ":")
			name = strings.TrimSuffix(name, "#")
			switch {
			case domain != "":
				ns := domains[domain]
				if !assert.NotEmpty(t, ns, "%s: domain %s has no names", code, domain) {
					continue
				}
				variants[0][name] = ns[0].Token
				variants[1][name] = ns[len(ns)-1].Token
			case strings.HasSuffix(p, "#"):
				variants[0][name], variants[1][name] = "1", "3"
			default:
				variants[0][name], variants[1][name] = sample(name), sample(name)
			}
		}
		for _, params := range variants {
			zh := icp.Message(language.SimplifiedChinese, code, params)
			en := icp.Message(language.English, code, params)
			assertZh(t, code, stripParams(zh, params))
			assertEn(t, code, stripParams(en, params))
		}
	}
}

// TestDisplayNamesWholeLanguage checks every display name the same way.
func TestDisplayNamesWholeLanguage(t *testing.T) {
	for domain, ns := range catalog.Domains() {
		for _, n := range ns {
			assert.NotEmpty(t, n.Zh, "%s.%s", domain, n.Token)
			assert.NotEmpty(t, n.En, "%s.%s", domain, n.Token)
			assertZh(t, domain+"."+n.Token, n.Zh)
			assertEn(t, domain+"."+n.Token, n.En)
		}
	}
}

func stripParams(s string, params map[string]string) string {
	for _, v := range params {
		if strings.HasPrefix(v, "⟦") || strings.Contains(v, "ICP") {
			s = strings.ReplaceAll(s, v, " ")
		}
	}
	return s
}

func assertZh(t *testing.T, what, s string) {
	t.Helper()
	// Quoted text is the literal a message talks about (“IPC”).
	for _, w := range latinWord.FindAllString(quoted.ReplaceAllString(s, " "), -1) {
		assert.True(t, latinAllowed[w], "%s: zh-Hans message holds the Latin word %q: %s", what, w, s)
	}
}

func assertEn(t *testing.T, what, s string) {
	t.Helper()
	rest := quoted.ReplaceAllString(s, " ")
	assert.Empty(t, hanRun.FindAllString(rest, -1), "%s: English message holds Han characters outside quotes: %s", what, s)
}

// TestFindingsWholeLanguage runs Check on the application of every
// trigger of icptest in both languages: the message of every finding holds
// no stray script once the values a user typed are set aside, and no
// parameter carries an enum token (snake_case) into a message unnamed.
func TestFindingsWholeLanguage(t *testing.T) {
	token := regexp.MustCompile(`^[a-z0-9]+(_[a-z0-9]+)+$`)
	for _, code := range icptest.TriggerCodes() {
		app, _ := icptest.Trigger(code)
		for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
			opts := append(icptest.TriggerOptions(code), icp.WithLanguage(lang))
			for _, f := range icp.Check(app, opts...).Findings {
				m, _ := catalog.Lookup(f.Code)
				msg := f.Message
				for _, p := range m.Params {
					name, domain, _ := strings.Cut(p, ":")
					if v := f.Params[name]; domain != "" && v != "" {
						if _, known := catalog.DisplayName(lang, domain, v); !known {
							msg = strings.ReplaceAll(msg, v, " ") // a value the user typed, shown as typed
						}
					}
					if catalog.ParamName(p) != p {
						continue // a domain or a count: rendered by the catalog
					}
					v := f.Params[p]
					assert.False(t, token.MatchString(v) && strings.Contains(msg, v),
						"%s (trigger %s): parameter %s shows the token %q", f.Code, code, p, v)
					if v != "" {
						msg = strings.ReplaceAll(msg, v, " ")
					}
				}
				if lang == language.English {
					assertEn(t, f.Code, msg)
				} else {
					assertZh(t, f.Code, msg)
				}
			}
		}
	}
}
