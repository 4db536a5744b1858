package domain

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	wpsl "github.com/weppos/publicsuffix-go/publicsuffix"
	xpsl "golang.org/x/net/publicsuffix"
)

// TestRegistrableDomainAgainstWeppos compares RegistrableDomain with
// github.com/weppos/publicsuffix-go, an independent implementation of the
// Public Suffix List algorithm, with private rules ignored. Hosts are
// built from every rule of its list: two labels under a normal rule, three
// under a wildcard, one above an exception. The two libraries embed lists
// of different dates, so a rule that x/net's list does not hold the same
// way is skipped (counted, and bounded).
func TestRegistrableDomainAgainstWeppos(t *testing.T) {
	opts := &wpsl.FindOptions{IgnorePrivate: true, DefaultRule: wpsl.DefaultRule}
	rules := wpsl.DefaultRules()
	var compared, skipped int
	for _, r := range rules {
		var host, base string
		switch r.Type {
		case wpsl.NormalType:
			base = r.Value
			host = "www.example." + base
		case wpsl.WildcardType:
			base = r.Value
			host = "www.example.x." + base
		case wpsl.ExceptionType:
			base = r.Value
			host = "www." + base
		default:
			continue
		}
		a, err := toASCIIHost("test", host)
		if err != nil {
			continue // outside what a filing accepts (numeric labels …)
		}
		if !sameRule(r, base) {
			skipped++
			continue
		}
		want, werr := wpsl.DomainFromListWithOptions(wpsl.DefaultList, a, opts)
		got, gerr := RegistrableDomain(a)
		if werr != nil || gerr != nil {
			assert.Equal(t, werr != nil, gerr != nil, "%s (rule %q): weppos %v, ours %v", host, r.Value, werr, gerr)
			continue
		}
		compared++
		assert.Equal(t, want, got, "%s (rule %q, private %v)", host, r.Value, r.Private)
	}
	t.Logf("compared %d hosts, skipped %d rules the two lists hold differently", compared, skipped)
	assert.Greater(t, compared, 9000)
	assert.Less(t, skipped, len(rules)/20, "the lists should mostly agree")
}

// sameRule reports whether x/net's list holds rule r as weppos's does:
// the same suffix, in the same section.
func sameRule(r wpsl.Rule, base string) bool {
	a, err := toASCIIHost("test", base)
	if err != nil {
		return false
	}
	switch r.Type {
	case wpsl.NormalType:
		ps, icann := xpsl.PublicSuffix(a)
		return ps == a && icann == !r.Private
	case wpsl.WildcardType:
		ps, icann := xpsl.PublicSuffix("x." + a)
		return ps == "x."+a && icann == !r.Private
	case wpsl.ExceptionType:
		ps, _ := xpsl.PublicSuffix(a)
		return ps == a[strings.IndexByte(a, '.')+1:]
	}
	return false
}

// TestRegistrableDomainPrivateRules pins the hosts of issue 17 where
// x/net's icann flag misled the old code.
func TestRegistrableDomainPrivateRules(t *testing.T) {
	tests := []struct{ name, host, want string }{
		{"private wildcard under a private rule", "ric.jelastic.vps-host.net", "vps-host.net"},
		{"private rule under a German university", "noc.ruhr-uni-bochum.de", "ruhr-uni-bochum.de"},
		{"private hosting suffix", "foo.github.io", "github.io"},
		{"ICANN wildcard", "a.b.foo.ck", "b.foo.ck"},
		{"ICANN exception", "a.www.ck", "www.ck"},
		{"plain com.cn", "www.example.com.cn", "example.com.cn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := RegistrableDomain(tt.host)
			assert.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
