package domain

import (
	"strings"
	"testing"
	"time"

	"github.com/icpkit/icpkit/province"
)

func FuzzLoadTLDs(f *testing.F) {
	f.Add("io\tUNCERTAIN\tlocal\t-\t-\n")
	f.Add("中国\tCONFIRMED\tTC-domain\t2020-01-01\t-\tnote\n")
	f.Fuzz(func(t *testing.T, s string) {
		tb, err := LoadTLDs(strings.NewReader(s))
		if err == nil {
			_, _ = tb.Fileable("com", province.Default().RulesAt(province.Zhejiang, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
		}
	})
}

func FuzzHostFromURL(f *testing.F) {
	for _, s := range []string{"https://www.example.com/a", "example.com", "http://[::1]:80/", "://", "http://例子.中国/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if h, err := HostFromURL(s); err == nil {
			_, _ = RegistrableDomain(h)
		}
	})
}
