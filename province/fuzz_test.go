package province

import (
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"京", "蜀", "川", "内蒙古自治区", "inner mongolia", "330106", "３３", "港", "萌", "", "\xff", "😀", "3²"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			return
		}
		q, err := Parse(p.String())
		if err != nil || q != p {
			t.Fatalf("Parse(%q) = %v, which does not round-trip: %v", s, p, err)
		}
	})
}

// FuzzLoad feeds arbitrary patches to the loader: errors are *DataError,
// never panics.
func FuzzLoad(f *testing.F) {
	f.Add("浙江\treview_workdays\t25\tUNCERTAIN\tx\t-\t-\n")
	f.Add("*\tmin_age\t18\tCONFIRMED\tx\t2020-01-01\t2019-01-01\n")
	f.Add("#@ version 1\n#@ verified 2026-01-01\n北京\tfileable_tlds\tcom|cn\tCONFIRMED\tx\t-\t-\tnote\n")
	f.Add("\t\t\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		tb, err := Default().Patch(strings.NewReader(s))
		if err != nil {
			if _, ok := err.(*DataError); !ok {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			return
		}
		for _, p := range All() {
			_ = tb.Rules(p)
		}
		for _, c := range Diff(Default(), tb) {
			if c.Old == c.New && c.OldStatus == c.NewStatus && c.OldSource == c.NewSource {
				t.Fatalf("Diff reports an unchanged fact: %+v", c)
			}
		}
		_ = tb.CheckSources(DefaultSources())
	})
}
