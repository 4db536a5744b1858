package province_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/icpkit/icpkit/province"
)

func ExampleParse() {
	for _, s := range []string{"蜀", "川", "四川省", "Sichuan", "510104", "５１"} {
		p, err := province.Parse(s)
		fmt.Println(s, "→", p, p.Code(), p.ICPAbbr(), p.PSBAbbr(), err)
	}
	// Output:
	// 蜀 → 四川 51 蜀 川 <nil>
	// 川 → 四川 51 蜀 川 <nil>
	// 四川省 → 四川 51 蜀 川 <nil>
	// Sichuan → 四川 51 蜀 川 <nil>
	// 510104 → 四川 51 蜀 川 <nil>
	// ５１ → 四川 51 蜀 川 <nil>
}

func ExampleParse_errors() {
	for _, s := range []string{"港", "萌"} {
		_, err := province.Parse(s)
		fmt.Println(err)
		fmt.Println(errors.Is(err, province.ErrNotFilingRegion), errors.Is(err, province.ErrUnknown))
	}
	// Output:
	// province.Parse("港"): not an ICP filing region (Hong Kong, Macau and Taiwan have no ICP filing)
	// true false
	// province.Parse("萌"): unknown province
	// false true
}

func ExampleAll() {
	all := province.All()
	fmt.Println(len(all), all[0], all[0].Name(), all[30], all[30].CNSuffix())
	// Output: 31 北京 北京市 新疆 xj.cn
}

func ExampleProvince_Rules() {
	r := province.Zhejiang.Rules()
	fmt.Println(r.ReviewWorkdays.Value(), r.ReviewWorkdays.Status(), r.ReviewWorkdays.Source())
	if v, ok := province.Beijing.Rules().MaxManagerAge.Get(); ok {
		fmt.Println("Beijing caps the manager's age at", v)
	} else {
		fmt.Println("Beijing: manager age cap not stated")
	}
	// Output:
	// 30 CONFIRMED TC-review
	// Beijing: manager age cap not stated
}

func ExampleRulesAt() {
	before := province.RulesAt(province.Jiangsu, time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC))
	after := province.RulesAt(province.Jiangsu, time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(before.ExtraDocuments.Value().Contains("commitment_video"))
	fmt.Println(after.ExtraDocuments.Value().Contains("commitment_video"), after.From().Format(time.DateOnly))
	// Output:
	// false
	// true 2021-06-01
}

func ExampleTable_Patch() {
	patch := "浙江\treview_workdays\t25\tUNCERTAIN\tpanel-ops ticket 42\t-\t-\tseen in practice\n"
	tb, err := province.Default().Patch(strings.NewReader(patch))
	if err != nil {
		fmt.Println(err)
		return
	}
	f := tb.Rules(province.Zhejiang).ReviewWorkdays
	fmt.Println(f.Value(), f.Status(), f.Provenance().Note)
	fmt.Println(province.Zhejiang.Rules().ReviewWorkdays.Value()) // the default is untouched
	// Output:
	// 25 UNCERTAIN seen in practice
	// 30
}

func ExampleLoad_errors() {
	_, err := province.Default().Patch(strings.NewReader("浙江\tmin_age\tadult\tCONFIRMED\tTC-P-浙江\t-\t-\n"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, province.ErrBadValue))
	// Output:
	// province: <patch>:1: province 浙江: field min_age: value does not fit the field's type: "adult" is not a non-negative integer
	// true
}

func ExampleLookupSource() {
	r := province.Henan.Rules()
	for _, key := range province.SourceKeys(r.MinorDocuments.Source()) {
		s, _ := province.LookupSource(key)
		fmt.Println(s.Key, "|", s.Publisher, "|", s.Title, "|", s.Read)
		fmt.Println(s.URL)
	}
	// Output:
	// TC-P-河南 | Tencent Cloud | 河南省管局要求 | 2026-11-30
	// https://github.com/tencentyun/qcloud-documents/blob/HEAD/product/域名与网站/网站备案/备案准备/各省管局要求/华中各省管局要求/河南省管局要求.md
	// QC-henan | QingCloud | 河南管局要求 | 2026-11-30
	// https://github.com/yunify/qingcloud-docs/blob/HEAD/content/site/record/prepare/policy_requirement/henan.md
}

func ExampleLoadSources_errors() {
	_, err := province.LoadSources(strings.NewReader("TC-x\tTencent Cloud\tA page\tnot a url\t2026-11-30\n"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, province.ErrBadValue))
	_, ok := province.LookupSource("DESIGN.md")
	fmt.Println(ok)
	// Output:
	// province: <input>:1: field url: value does not fit the field's type: not an http(s) address: "not a url"
	// true
	// false
}

func ExampleDiff() {
	patch := "河南\tmin_age\t16\tUNCERTAIN\tpanel-ops-7\t-\t-\tseen in a 2026 approval\n"
	tb, err := province.Default().Patch(strings.NewReader(patch))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range province.Diff(province.Default(), tb) {
		fmt.Printf("%s %s: %s (%v, %s) → %s (%v, %s)\n", c.Province, c.Field, c.Old, c.OldStatus, c.OldSource, c.New, c.NewStatus, c.NewSource)
	}
	// Output:
	// 河南 min_age: 18 (CONFIRMED, TC-P-河南; QC-henan) → 16 (UNCERTAIN, panel-ops-7)
}

func ExampleRules_MinAgeFor() {
	r := province.Fujian.Rules()
	fmt.Println("unit managers from", r.MinAgeFor(true).Value())
	fmt.Println("individuals from", r.MinAgeFor(false).Value(), "or from", r.MinAgeWithProof.Value(), "with", r.MinorDocumentsFor(false).Value())
	// Output:
	// unit managers from 18
	// individuals from 16 or from 8 with guardian_statement
}

func ExampleRules_NeedsLocalMobile() {
	r := province.Hebei.Rules()
	local, _ := r.NeedsLocalMobile(false, province.OwnerMobile, false)
	nonLocal, f := r.NeedsLocalMobile(false, province.OwnerMobile, true)
	fmt.Println(local, nonLocal, f.Source())
	// Output: false true TC-P-河北
}

func ExampleTable_CheckSources() {
	tb, _ := province.Default().Patch(strings.NewReader("浙江\treview_workdays\t25\tUNCERTAIN\tops-42\t-\t-\n"))
	fmt.Println(tb.CheckSources(province.DefaultSources()))
	src, _ := province.DefaultSources().Patch(strings.NewReader("ops-42\tExample Panel\tTicket 42\thttps://example.com/ops/42\t2026-11-30\n"))
	fmt.Println(tb.CheckSources(src))
	// Output:
	// province: <patch>:1: province 浙江: field review_workdays: unknown source key: ops-42
	// <nil>
}
