package domain

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/province"
)

func TestRegistrableDomain(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            error
	}{
		{"www under com.cn", "www.example.com.cn", "example.com.cn", nil},
		{"gov.cn", "a.b.gov.cn", "b.gov.cn", nil},
		{"miit", "beian.miit.gov.cn", "miit.gov.cn", nil},
		{"provincial bj.cn", "foo.bj.cn", "foo.bj.cn", nil},
		{"provincial ah.cn", "www.foo.ah.cn", "foo.ah.cn", nil},
		{"net.cn", "foo.net.cn", "foo.net.cn", nil},
		{"org.cn", "foo.org.cn", "foo.org.cn", nil},
		{"edu.cn", "www.foo.edu.cn", "foo.edu.cn", nil},
		{"ac.cn", "foo.ac.cn", "foo.ac.cn", nil},
		{"mil.cn", "foo.mil.cn", "foo.mil.cn", nil},
		{"U-label under 中国", "例子.中国", "xn--fsqu00a.xn--fiqs8s", nil},
		{"ideographic full stop", "例子。中国", "xn--fsqu00a.xn--fiqs8s", nil},
		{"U-label under 公司", "www.例子.公司", "xn--fsqu00a.xn--55qx5d", nil},
		{"x/net is silently wrong on this without A-labels", "食狮.公司.cn", "xn--85x722f.xn--55qx5d.cn", nil},
		{"IDN under com.cn", "食狮.com.cn", "xn--85x722f.com.cn", nil},
		{"upper case", "WWW.Example.COM.CN", "example.com.cn", nil},
		{"full width", "ＷＷＷ．ＥＸＡＭＰＬＥ．ｃｏｍ．ｃｎ", "example.com.cn", nil},
		{"trailing dot dropped", "example.com.cn.", "example.com.cn", nil},
		{"surrounding space", "  example.com \t", "example.com", nil},
		{"private suffix is not a boundary", "foo.github.io", "github.io", nil},
		{"A-label input", "xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s", nil},
		{"unlisted TLD uses the default rule", "foo.example-tld", "foo.example-tld", nil},
		{"com.cn is a suffix", "com.cn", "", ErrPublicSuffix},
		{"gov.cn is a suffix", "gov.cn", "", ErrPublicSuffix},
		{"公司.cn is a suffix", "公司.cn", "", ErrPublicSuffix},
		{"中国 is a suffix", "中国", "", ErrPublicSuffix},
		{"IPv4", "192.168.1.1", "", ErrIPHost},
		{"IPv6", "::1", "", ErrIPHost},
		{"bracketed IPv6", "[2001:db8::1]", "", ErrIPHost},
		{"port", "example.com:8080", "", ErrHost},
		{"empty label", "a..example.com", "", ErrHost},
		{"leading hyphen", "-a.example.com", "", ErrHost},
		{"underscore", "a_b.example.com", "", ErrHost},
		{"empty", "", "", ErrHost},
		{"only a dot", ".", "", ErrHost},
		{"URL is not a host", "https://example.com/", "", ErrHost},
		{"numeric TLD", "1.2.3.4.5", "", ErrHost},
		{"label over 63", strings.Repeat("a", 64) + ".com", "", ErrHost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := RegistrableDomain(tt.in)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Equal(t, "例子.中国", Display("xn--fsqu00a.xn--fiqs8s"))
	ps, err := PublicSuffixOf("www.例子.公司")
	require.NoError(t, err)
	assert.Equal(t, "xn--55qx5d", ps)
}

func TestHostFromURLAndCovers(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.example.com/a?b=c": "www.example.com",
		"www.example.com/path":          "www.example.com",
		"http://例子.中国:8080/":            "例子.中国",
		"example.com/p?r=http://x":      "example.com", // a URL in the query is not a scheme
		"//example.com":                 "example.com", // scheme-relative
		"//example.com/a":               "example.com",
	} {
		got, err := HostFromURL(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got)
	}
	_, err := HostFromURL("http://")
	assert.Error(t, err)

	assert.True(t, Covers("example.com", "example.com"))
	assert.True(t, Covers("example.com", "shop.www.example.com"))
	assert.True(t, Covers("例子.中国", "www.例子。中国"))
	assert.False(t, Covers("example.com", "example.net"))
	assert.False(t, Covers("example.com", "badexample.com"))
	assert.False(t, Covers("hangzhou.gov.cn", "tax.hangzhou.gov.cn"), "a gov.cn sub-domain needs its own filing")
	assert.True(t, Covers("hangzhou.gov.cn", "hangzhou.gov.cn"))
	assert.True(t, GovSubdomain("tax.hangzhou.gov.cn"))
	assert.False(t, GovSubdomain("hangzhou.gov.cn"))
}

func TestFileableTLDs(t *testing.T) {
	tb := DefaultTLDs()
	assert.NotEmpty(t, tb.Version())
	at := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	zj := province.RulesAt(province.Zhejiang, at)
	bj := province.RulesAt(province.Beijing, at)
	tests := []struct {
		name   string
		suffix string
		rules  province.Rules
		ok     bool
	}{
		{"com nationally", "com", zj, true},
		{"com.cn nationally", "com.cn", zj, true},
		{"provincial zj.cn", "zj.cn", zj, true},
		{"中国 as U-label", "中国", zj, true},
		{"公司 as A-label", "xn--55qx5d", zj, true},
		{"me nationally", "me", zj, true},
		{"io is not fileable", "io", zj, false},
		{"org is not fileable", "org", zj, false},
		{"Beijing: xyz on its list", "xyz", bj, true},
		{"Beijing: me not on its list", "me", bj, false},
		{"Beijing: asia not on its list", "asia", bj, false},
		{"Beijing: cn family", "com.cn", bj, true},
		{"Beijing: Chinese-script suffix", "公司", bj, true},
		{"Beijing lists .tel, the national list does not", "tel", bj, false},
		{"Beijing's 中文域名 does not take .香港, which is not on the national list", "香港", bj, false},
		{"the traditional-script .中國 is on the national list (UNCERTAIN)", "中國", zj, true},
		{"Beijing before its list (2018): national list", "me", province.RulesAt(province.Beijing, time.Date(2018, 6, 1, 0, 0, 0, 0, time.UTC)), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, src := tb.Fileable(tt.suffix, tt.rules)
			assert.Equal(t, tt.ok, ok)
			assert.NotEmpty(t, src)
		})
	}
	custom, err := LoadTLDs(strings.NewReader("io\tUNCERTAIN\tlocal list\t-\t-\n"))
	require.NoError(t, err)
	ok, src := custom.Fileable("io", zj)
	assert.True(t, ok)
	assert.Equal(t, "local list", src)
	_, err = LoadTLDs(strings.NewReader("io\tSURE\tx\t-\t-\n"))
	assert.Error(t, err)
	_, err = LoadTLDs(strings.NewReader("io\tCONFIRMED\t-\t-\t-\n"))
	assert.Error(t, err)
}

func FuzzRegistrableDomain(f *testing.F) {
	for _, s := range []string{"www.example.com.cn", "例子。中国", "食狮.公司.cn", "WWW.Example.COM.CN", "192.168.1.1",
		"[::1]", "example.com:80", "a..b", "com.cn", "foo.github.io", "", "€", "😀", strings.Repeat("a.", 200)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := RegistrableDomain(s)
		if err != nil {
			return
		}
		again, err := RegistrableDomain(r)
		if err != nil || again != r {
			t.Fatalf("RegistrableDomain(%q) = %q, which maps to %q, %v", s, r, again, err)
		}
		if !Covers(r, s) && !GovSubdomain(s) {
			t.Fatalf("%q does not cover its own host %q", r, s)
		}
	})
}

var sinkS string

func BenchmarkRegistrableDomain(b *testing.B) {
	for _, in := range []string{"www.example.com.cn", "WWW.Example.COM", "www.例子.公司"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkS, _ = RegistrableDomain(in)
			}
		})
	}
}

func TestFileableAtPeriods(t *testing.T) {
	tb, err := LoadTLDs(strings.NewReader("newtld\tUNCERTAIN\tlocal list\t2027-01-01\t-\noldtld\tUNCERTAIN\tlocal list\t-\t2020-12-31\n"))
	require.NoError(t, err)
	zj := province.Zhejiang.Rules()
	ok, _ := tb.FileableAt("newtld", zj, time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))
	assert.False(t, ok, "not yet fileable")
	ok, _ = tb.FileableAt("newtld", zj, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.True(t, ok)
	ok, _ = tb.FileableAt("oldtld", zj, time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.False(t, ok, "no longer fileable")
	ok, _ = tb.Fileable("oldtld", zj)
	assert.True(t, ok, "without a date the periods are ignored")
}

func TestCaseFoldBeforeIDNA(t *testing.T) {
	for _, h := range []string{"xn--zzzz.com", "Xn--zzzz.com", "XN--ZZZZ.com", "xN--zzzz.com"} {
		_, err := RegistrableDomain(h)
		assert.ErrorIs(t, err, ErrHost, "%s: an invalid A-label whatever its case", h)
	}
	for _, h := range []string{"xn--fiqs8s", "XN--FSQU00A.XN--FIQS8S", "Xn--fsqu00a.xn--fiqs8s"} {
		_, err := toASCIIHost("test", h)
		assert.NoError(t, err, "%s: a valid A-label whatever its case", h)
	}
}

func TestConfusable(t *testing.T) {
	tests := []struct {
		name string
		host string
		want bool
	}{
		{"Cyrillic letters posing as apple", "аррӏе.com", true},
		{"Cyrillic posing as paypal, in A-label form", "xn--80aa0cbo65f.com", true},
		{"Cyrillic posing as apple, in A-label form", "xn--80ak6aa92e.com", true},
		{"Latin and Cyrillic mixed in one label", "exаmple.com", true},
		{"Greek omicron in a Latin name", "gοogle.com", true},
		{"plain ASCII", "example.com", false},
		{"Chinese", "例子.中国", false},
		{"Chinese and Latin mixed", "qq邮箱.com", false},
		{"a real Cyrillic word", "пример.рф", false},
		{"not a host", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Confusable(tt.host))
		})
	}
}
