package icp

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp/content"
	"github.com/icpkit/icpkit/icp/domain"
	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// NameOptions say whose site a name belongs to and which province rules
// apply to [CheckSiteName].
type NameOptions struct {
	// Individual: the subject is a person; individual word lists apply.
	Individual bool
	// NationalUnit: a national-level unit, which may use 中国, 国家 … as
	// leading words.
	NationalUnit bool
	// Rules are the province's rules; the zero Rules applies none.
	Rules province.Rules
	// Field is the JSON path findings name ("sites[0].name").
	Field string
	// Language of the messages; zh-Hans when zero.
	Language language.Tag
	// Words are the word rules; nil means content.DefaultNameRules().
	Words *content.NameRules
}

// CheckSiteName checks a site name against the national rules (no pure
// digits or letters, no domain as name, no special symbols, at least 3
// characters: QC-sitename, HW-mat), the unit or individual word rules of
// icp/content/data/names.tsv, and the province's extras in o.Rules. Each finding
// names the word or pattern that triggered it.
func CheckSiteName(name string, o NameOptions) Report {
	fd := finder{lang: o.Language}
	checkSiteName(&fd, name, o)
	return fd.report()
}

func checkSiteName(fd *finder, name string, o NameOptions) {
	f := o.Field
	n := strings.TrimSpace(name)
	if n == "" {
		fd.add("site.name_empty", SeverityError, f, "QC-sitename")
		return
	}
	runes := utf8.RuneCountInString(n)
	minChars := 3
	if v, ok := o.Rules.SiteNameMinChars.Get(); ok {
		minChars = v
	}
	if runes < minChars {
		fd.add("site.name_short", SeverityError, f, "HW-mat", "min", strconv.Itoa(minChars))
	}
	han, letters, digits := 0, 0, 0
	for _, r := range n {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < 0x80 && (r|0x20 >= 'a' && r|0x20 <= 'z'):
			letters++
		case r >= '0' && r <= '9':
			digits++
		}
	}
	switch {
	case digits == runes:
		fd.add("site.name_digits", SeverityError, f, "QC-sitename")
	case letters > 0 && letters+strings.Count(n, " ") == runes:
		fd.add("site.name_letters", SeverityError, f, "QC-sitename")
	}
	lower := n
	if letters > 0 {
		lower = strings.ToLower(n)
	}
	if strings.Contains(lower, "www.") || strings.Contains(lower, "http") || looksLikeDomain(lower) {
		fd.add("site.name_domain", SeverityError, f, "QC-sitename; HW-mat", "word", norm.Clip(n, 40))
	} else {
		for _, r := range n {
			if r == ' ' {
				continue // spaces are not counted as symbols
			}
			if !(unicode.Is(unicode.Han, r) || r < 0x80 && (r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9') || r == '·') {
				fd.add("site.name_symbol", SeverityError, f, "QC-sitename; HW-mat", "word", string(r))
				break
			}
		}
	}
	words := o.Words
	if words == nil {
		words = content.DefaultNameRules()
	}
	for nr := range words.All() {
		switch nr.Scope {
		case "unit":
			if o.Individual || o.NationalUnit {
				continue
			}
		case "individual":
			if !o.Individual {
				continue
			}
		case "app":
			continue
		}
		hit := nr.Rule == "leading" && strings.HasPrefix(n, nr.Word) || nr.Rule == "contains" && strings.Contains(lower, nr.Word)
		if !hit {
			continue
		}
		code, sev := "site.name_word", SeverityError
		if nr.Warning {
			sev = SeverityWarning
		}
		switch {
		case nr.Rule == "leading":
			code = "site.name_leading"
		case nr.Warning:
			code = "site.name_word_warning"
		}
		fd.add(code, sev, f, nr.Source, "word", nr.Word)
	}
	r := o.Rules
	if v, ok := r.SiteNameMinHan.Get(); ok && han < v {
		fd.add("site.name_min_han", SeverityError, f, r.SiteNameMinHan.Source(), "min", strconv.Itoa(v))
	}
	provWords := func(fact province.Fact[province.Words], code string, sev Severity) {
		if w, ok := fact.Get(); ok {
			for x := range w.All() {
				if strings.Contains(n, x) {
					fd.add(code, sev, f, fact.Source(), "word", x)
				}
			}
		}
	}
	provWords(r.SiteNameBannedWords, "site.name_province_word", SeverityError)
	if o.Individual {
		provWords(r.SiteNameIndividualBannedWords, "site.name_province_word", SeverityError)
	}
	provWords(r.SiteNamePreApprovalWords, "site.name_preapproval", SeverityWarning)
	if forms, ok := r.SiteNameUnitBannedForms.Get(); ok && !o.Individual {
		// Domains and addresses are refused everywhere (site.name_domain
		// above); personal names cannot be told apart offline.
		if forms.Contains("english") && letters > 0 {
			fd.add("site.name_english", SeverityError, f, r.SiteNameUnitBannedForms.Source())
		}
	}
	if letters > 0 {
		if v, ok := r.SiteNameNoEnglish.Get(); ok && v {
			fd.add("site.name_english", SeverityError, f, r.SiteNameNoEnglish.Source())
		} else if v, ok := r.SiteNameIndividualNoEnglish.Get(); ok && v && o.Individual {
			fd.add("site.name_english", SeverityError, f, r.SiteNameIndividualNoEnglish.Source())
		}
	}
	if o.Individual {
		if runes > 10 {
			fd.add("site.name_long", SeverityWarning, f, "HW-reject", "max", "10")
		}
		for _, p := range province.All() {
			if strings.Contains(n, p.ShortName()) {
				fd.add("site.name_place", SeverityWarning, f, "HW-reject", "word", p.ShortName())
				break
			}
		}
	}
}

// looksLikeDomain reports a name such as "example.com" or "例子.中国".
func looksLikeDomain(s string) bool {
	if !strings.ContainsAny(s, ".。") || strings.ContainsAny(s, " ") {
		return false
	}
	_, err := domain.RegistrableDomain(s)
	return err == nil
}

// genericAppNames are names that say nothing of the App (HW-app doc_0121:
// "no generic or industry words"); a name that is only one of them is
// refused. Our list, UNCERTAIN.
var genericAppNames = []string{"浏览器", "计算器", "手电筒", "相机", "天气", "日历", "闹钟", "视频", "音乐", "游戏",
	"工具", "助手", "商城", "新闻", "地图", "App", "APP", "app"}

// CheckAppName checks an App's name (HW-app doc_0121): not only a generic
// word, no emoji, no price, marketing or placeholder words.
func CheckAppName(name string, field string, lang language.Tag) Report {
	fd := finder{lang: lang}
	checkAppName(&fd, name, field, content.DefaultNameRules())
	return fd.report()
}

func checkAppName(fd *finder, name, field string, words *content.NameRules) {
	n := strings.TrimSpace(name)
	if slices.Contains(genericAppNames, n) {
		fd.add("app.name_generic", SeverityError, field, "HW-app", "word", n)
	}
	for _, r := range n {
		if r >= 0x1F000 || r >= 0x2600 && r <= 0x27BF || r == 0xFE0F {
			fd.add("app.name_emoji", SeverityError, field, "HW-app")
			break
		}
	}
	lower := strings.ToLower(n)
	for nr := range words.All() {
		if nr.Scope == "app" && strings.Contains(lower, nr.Word) {
			sev := SeverityError
			if nr.Warning {
				sev = SeverityWarning
			}
			fd.add("app.name_word", sev, field, nr.Source, "word", nr.Word)
		}
	}
}

// validAndroidPackage reports whether s is an Android package name in
// reverse-DNS form: at least two segments of letters, digits and
// underscores, each starting with a letter.
func validAndroidPackage(s string) bool {
	if len(s) == 0 || len(s) > 255 {
		return false
	}
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if p == "" || !(p[0]|0x20 >= 'a' && p[0]|0x20 <= 'z') {
			return false
		}
		for i := 0; i < len(p); i++ {
			c := p[i]
			if !(c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' || c == '_') {
				return false
			}
		}
	}
	return true
}

// normalizeFingerprint checks a certificate fingerprint of hexBytes bytes
// (16 for an Android MD5, 20 for an iOS SHA-1), with or without colons, and
// returns it in upper-case hex without colons.
func normalizeFingerprint(s string, hexBytes int) (string, bool) {
	h := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), ":", ""))
	if len(h) != hexBytes*2 {
		return "", false
	}
	for i := 0; i < len(h); i++ {
		if !(h[i] >= '0' && h[i] <= '9' || h[i] >= 'A' && h[i] <= 'F') {
			return "", false
		}
	}
	return h, true
}
