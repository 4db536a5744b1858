package icp

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/icpkit/icpkit/province"
)

func FuzzLoadTLDs(f *testing.F) {
	f.Add("io\tUNCERTAIN\tlocal\t-\t-\n")
	f.Add("中国\tCONFIRMED\tTC-domain\t2020-01-01\t-\tnote\n")
	f.Fuzz(func(t *testing.T, s string) {
		tb, err := LoadTLDs(strings.NewReader(s))
		if err == nil {
			_, _ = tb.Fileable("com", checkRulesZhejiang())
		}
	})
}

func FuzzLoadCalendar(f *testing.F) {
	f.Add("#@ year 2028 UNCERTAIN x\n2028-01-03\toff\t元旦\n")
	f.Add("#@ year 2028 CONFIRMED x\n#@ year 2030 CONFIRMED y\n")
	f.Fuzz(func(t *testing.T, s string) {
		cal, err := DefaultCalendar().Extend(strings.NewReader(s))
		if err != nil {
			return
		}
		if _, err := cal.AddWorkdays(date("2026-09-18"), 20); err != nil {
			t.Fatalf("extended calendar lost 2026: %v", err)
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

// FuzzCheck decodes arbitrary JSON as an application and checks it: a
// typed decode error or a report, never a panic, every finding with a code
// and a message.
func FuzzCheck(f *testing.F) {
	good, _ := json.Marshal(enterpriseApp())
	f.Add(string(good))
	ind, _ := json.Marshal(individualApp())
	f.Add(string(ind))
	f.Add(`{"filing_type":"change_site","province":"京","sites":[{"number":"京ICP备12345678号-1"}]}`)
	f.Add(`{"filing_type":"cancel_subject"}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		app, err := DecodeApplication(strings.NewReader(s))
		if err != nil {
			if _, ok := err.(*DecodeError); !ok {
				t.Fatalf("untyped decode error %T", err)
			}
			return
		}
		for _, f := range Check(app, At(checkDay)).Findings {
			if f.Code == "" || f.Message == "" {
				t.Fatalf("malformed finding %+v", f)
			}
		}
	})
}

func checkRulesZhejiang() province.Rules {
	return province.Default().RulesAt(province.Zhejiang, checkDay)
}
