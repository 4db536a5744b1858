package province

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAllRoundTrip(t *testing.T) {
	all := All()
	require.Len(t, all, 31)
	seenCodes := map[int]bool{}
	for i, p := range all {
		assert.True(t, p.IsValid())
		if i > 0 {
			assert.Less(t, all[i-1].Code(), p.Code(), "All is in code order")
		}
		assert.False(t, seenCodes[p.Code()], "codes are unique")
		seenCodes[p.Code()] = true

		for _, in := range []string{p.String(), p.Name(), p.ShortName(), p.EnglishName(), p.ICPAbbr(), p.PSBAbbr(),
			strings.ToUpper(p.EnglishName()), strings.ReplaceAll(strings.ToLower(p.EnglishName()), " ", ""),
			itoa(p.Code()), itoa(p.Code()) + "0105", toFullWidth(itoa(p.Code())), toFullWidth(p.EnglishName())} {
			got, err := Parse(in)
			require.NoError(t, err, "Parse(%q)", in)
			assert.Equal(t, p, got, "Parse(%q)", in)
		}
		b, err := p.MarshalText()
		require.NoError(t, err)
		var q Province
		require.NoError(t, q.UnmarshalText(b))
		assert.Equal(t, p, q)
		j, err := json.Marshal(p)
		require.NoError(t, err)
		var r Province
		require.NoError(t, json.Unmarshal(j, &r))
		assert.Equal(t, p, r)
		v, err := p.Value()
		require.NoError(t, err)
		var s Province
		require.NoError(t, s.Scan(v))
		assert.Equal(t, p, s)
		assert.Equal(t, p.CNSuffix()[:2]+".cn", p.CNSuffix())
	}
}

func itoa(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

func toFullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7F {
			r += 0xFEE0
		} else if r == ' ' {
			r = '\u3000'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Province
		err  error
	}{
		{"ICP abbreviation", "京", Beijing, nil},
		{"Sichuan ICP abbreviation is 蜀", "蜀", Sichuan, nil},
		{"Sichuan alias and PSB abbreviation 川", "川", Sichuan, nil},
		{"Guizhou ICP 黔", "黔", Guizhou, nil},
		{"Guizhou PSB 贵", "贵", Guizhou, nil},
		{"Gansu ICP 陇", "陇", Gansu, nil},
		{"Gansu PSB 甘", "甘", Gansu, nil},
		{"Yunnan 滇", "滇", Yunnan, nil},
		{"Yunnan alias 云", "云", Yunnan, nil},
		{"Shaanxi alias 秦", "秦", Shaanxi, nil},
		{"full name", "内蒙古自治区", InnerMongolia, nil},
		{"short name", "内蒙古", InnerMongolia, nil},
		{"English with space, any case", "inner MONGOLIA", InnerMongolia, nil},
		{"pinyin alias", "Nei Mongol", InnerMongolia, nil},
		{"Xizang", "xizang", Tibet, nil},
		{"Shanxi is not Shaanxi", "Shanxi", Shanxi, nil},
		{"Shaanxi", "Shaanxi", Shaanxi, nil},
		{"surrounding spaces", "  浙江 ", Zhejiang, nil},
		{"ideographic space", "\u3000广西\u3000", Guangxi, nil},
		{"two-digit code", "44", Guangdong, nil},
		{"six-digit division code", "330106", Zhejiang, nil},
		{"full-width code", "３３", Zhejiang, nil},
		{"Hong Kong abbreviation", "港", 0, ErrNotFilingRegion},
		{"Macau name", "澳门", 0, ErrNotFilingRegion},
		{"Taiwan", "Taiwan", 0, ErrNotFilingRegion},
		{"Hong Kong code", "81", 0, ErrNotFilingRegion},
		{"Taiwan division code", "710000", 0, ErrNotFilingRegion},
		{"vanity abbreviation", "萌", 0, ErrUnknown},
		{"empty", "", 0, ErrUnknown},
		{"unused code", "99", 0, ErrUnknown},
		{"five digits", "11010", 0, ErrUnknown},
		{"emoji", "😀", 0, ErrUnknown},
		{"superscript digit", "3²", 0, ErrUnknown},
		{"long input", strings.Repeat("京", 10000), 0, ErrUnknown},
		{"NUL", "\x00", 0, ErrUnknown},
		{"invalid UTF-8", "\xff\xfe", 0, ErrUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.err != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, tt.err)
				var pe *ParseError
				require.True(t, errors.As(err, &pe))
				assert.LessOrEqual(t, len(pe.Input), 70, "input is clipped in errors")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestAbbreviations(t *testing.T) {
	assert.Equal(t, "蜀", Sichuan.ICPAbbr())
	assert.Equal(t, "川", Sichuan.PSBAbbr())
	assert.Equal(t, []string{"川"}, Sichuan.ICPAliases())
	assert.Equal(t, "黔", Guizhou.ICPAbbr())
	assert.Equal(t, "贵", Guizhou.PSBAbbr())
	assert.Equal(t, "陇", Gansu.ICPAbbr())
	assert.Equal(t, "甘", Gansu.PSBAbbr())
	assert.Equal(t, "滇", Yunnan.PSBAbbr())
	p, canonical, ok := FromICPAbbr("川")
	assert.True(t, ok)
	assert.False(t, canonical)
	assert.Equal(t, Sichuan, p)
	for _, a := range Aliases() {
		assert.NotEmpty(t, a.Source, "alias %s has a source", a.Abbr)
		assert.Equal(t, Uncertain, a.Status)
	}
	assert.Equal(t, "广西壮族自治区", Guangxi.Name())
	assert.Equal(t, "Province(0)", Province(0).String())
	assert.Equal(t, "Province(40)", Province(40).String())
	assert.Equal(t, 0, Province(0).Code())
	_, err := Province(40).MarshalText()
	assert.Error(t, err)
}

func TestScanAndValue(t *testing.T) {
	var p Province
	require.NoError(t, p.Scan(int64(51)))
	assert.Equal(t, Sichuan, p)
	require.NoError(t, p.Scan(nil))
	assert.Equal(t, Province(0), p)
	assert.Error(t, p.Scan(int64(81)))
	assert.Error(t, p.Scan(3.5))
	v, err := Province(0).Value()
	require.NoError(t, err)
	assert.Nil(t, v)
}

var day2026 = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

func TestDefaultTableComplete(t *testing.T) {
	tb := Default()
	assert.NotEmpty(t, tb.Version())
	assert.False(t, tb.Verified().IsZero())
	for _, p := range All() {
		for _, at := range []time.Time{time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), day2026} {
			r := tb.RulesAt(p, at)
			require.Equal(t, p, r.Province)
			for _, f := range fields {
				assert.True(t, f.has(&r), "%s lacks field %s at %s", p, f.name, at.Format(time.DateOnly))
			}
		}
	}
}

func TestDefaultTableFacts(t *testing.T) {
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"Zhejiang reviews in 30 working days", Zhejiang.Rules().ReviewWorkdays.Value(), 30},
		{"Beijing reviews in 20 working days", Beijing.Rules().ReviewWorkdays.Value(), 20},
		{"Shanghai wants 180 days of domain validity", Shanghai.Rules().MinDomainValidityDays.Value(), 180},
		{"Anhui uses the national 90 days", Anhui.Rules().MinDomainValidityDays.Value(), 90},
		{"Henan refuses non-local individuals", Henan.Rules().NonLocalIndividuals.Value(), NonLocalRefused},
		{"Jiangxi conflict defaults to proof (2 of 3 sources)", Jiangxi.Rules().NonLocalIndividuals.Value(), NonLocalWithProof},
		{"Jiangxi conflict is UNCERTAIN", Jiangxi.Rules().NonLocalIndividuals.Status(), Uncertain},
		{"Beijing owner rule is UNCERTAIN", Beijing.Rules().OwnerMustBeLegalRep.Status(), Uncertain},
		{"expedited review off in Beijing", Beijing.Rules().ExpeditedReview.Value(), false},
		{"no expedited review in Shanghai is CONFIRMED (the claim had no source)", Shanghai.Rules().ExpeditedReview.Status(), Confirmed},
		{"Guangdong footer shows the subject number", Guangdong.Rules().FooterSubjectNumber.Value(), true},
		{"Jiangsu needs a landline", Jiangsu.Rules().UnitLandline.Value(), true},
		{"Tianjin site names need 3 Han", Tianjin.Rules().SiteNameMinHan.Value(), 3},
		{"Beijing has its own TLD list", Beijing.Rules().FileableTLDs.Value().Contains("xyz"), true},
		{"org is not fileable in Beijing", Beijing.Rules().FileableTLDs.Value().Contains("org"), false},
		{"Zhejiang has no TLD list of its own", Zhejiang.Rules().FileableTLDs.Known(), false},
		{"Hebei letters may be 6 months old", Hebei.Rules().AuthorizationMaxDays.Value(), 180},
		{"Heilongjiang manager at most 65", Heilongjiang.Rules().MaxManagerAge.Value(), 65},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, tt.got) })
	}
	src := Zhejiang.Rules().ReviewWorkdays.Provenance()
	assert.Equal(t, "TC-review", src.Source)
	assert.Equal(t, DefaultFile, src.File)
	assert.Positive(t, src.Line)
	assert.Equal(t, "浙江", src.Scope)
}

func TestRulesAtPeriods(t *testing.T) {
	before := RulesAt(Jiangsu, time.Date(2021, 5, 31, 15, 0, 0, 0, time.UTC)) // 23:00 in China
	after := RulesAt(Jiangsu, time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC))
	assert.False(t, before.ExtraDocuments.Value().Contains("commitment_video"), "video not required before 2021-06-01")
	assert.True(t, after.ExtraDocuments.Value().Contains("commitment_video"))
	assert.Equal(t, time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), after.From())
	assert.True(t, after.To().IsZero(), "the newest period is open-ended")
	assert.Equal(t, Rules{}, RulesAt(0, day2026), "invalid province gives zero rules")
	// Dates are China's calendar days, whatever the time's location:
	// 23:00 UTC on 31 May is 1 June in China.
	shanghai := time.FixedZone("CST", 8*3600)
	assert.True(t, RulesAt(Jiangsu, time.Date(2021, 6, 1, 1, 0, 0, 0, shanghai)).ExtraDocuments.Value().Contains("commitment_video"))
	assert.True(t, RulesAt(Jiangsu, time.Date(2021, 5, 31, 23, 0, 0, 0, time.UTC)).ExtraDocuments.Value().Contains("commitment_video"))
}

func TestPatch(t *testing.T) {
	patch := "#@ version local-1\n浙江\treview_workdays\t25\tUNCERTAIN\tpanel-ops 2026-11\t2026-12-01\t-\tlocal override\n" +
		"浙江\treview_workdays\t30\tCONFIRMED\tTC-review\t-\t2026-11-30\n"
	tb, err := Default().Patch(strings.NewReader(patch))
	require.NoError(t, err)
	assert.Equal(t, "local-1", tb.Version())
	assert.Equal(t, 30, tb.RulesAt(Zhejiang, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)).ReviewWorkdays.Value())
	got := tb.RulesAt(Zhejiang, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)).ReviewWorkdays
	assert.Equal(t, 25, got.Value())
	assert.Equal(t, "local override", got.Provenance().Note)
	assert.Equal(t, 20, tb.Rules(Beijing).ReviewWorkdays.Value(), "other provinces unchanged")
	assert.Equal(t, 30, Default().Rules(Zhejiang).ReviewWorkdays.Value(), "the default table is unchanged")

	// A national patch row changes every province without a row of its own.
	tb2, err := Default().Patch(strings.NewReader("*\treview_workdays\t15\tUNCERTAIN\ttest\t-\t-\n"))
	require.NoError(t, err)
	assert.Equal(t, 15, tb2.Rules(Beijing).ReviewWorkdays.Value())
	assert.Equal(t, 30, tb2.Rules(Zhejiang).ReviewWorkdays.Value())
}

func TestLoadErrors(t *testing.T) {
	full := func(extra string) string { return defaultData + extra }
	tests := []struct {
		name  string
		data  string
		patch bool
		err   error
		field string
		prov  string
	}{
		{"unknown province", "港\tmin_age\t18\tCONFIRMED\tx\t-\t-\n", true, ErrUnknownProvince, "min_age", "港"},
		{"unknown field", "浙江\tmax_fun\t1\tCONFIRMED\tx\t-\t-\n", true, ErrUnknownField, "max_fun", "浙江"},
		{"int field with text", "浙江\tmin_age\tadult\tCONFIRMED\tx\t-\t-\n", true, ErrBadValue, "min_age", "浙江"},
		{"negative int", "浙江\tmin_age\t-3\tCONFIRMED\tx\t-\t-\n", true, ErrBadValue, "min_age", "浙江"},
		{"bool field with a number", "浙江\tunit_landline\t1\tCONFIRMED\tx\t-\t-\n", true, ErrBadValue, "unit_landline", "浙江"},
		{"enum outside its vocabulary", "浙江\tnon_local_individuals\tmaybe\tCONFIRMED\tx\t-\t-\n", true, ErrBadValue, "non_local_individuals", "浙江"},
		{"token outside its vocabulary", "浙江\textra_documents\tbribe\tCONFIRMED\tx\t-\t-\n", true, ErrBadValue, "extra_documents", "浙江"},
		{"bad status", "浙江\tmin_age\t18\tSURE\tx\t-\t-\n", true, ErrBadStatus, "min_age", "浙江"},
		{"unknown with a value", "浙江\tmin_age\t18\tUNKNOWN\tx\t-\t-\n", true, ErrBadValue, "min_age", "浙江"},
		{"missing source", "浙江\tmin_age\t18\tCONFIRMED\t-\t-\t-\n", true, ErrMissingSource, "min_age", "浙江"},
		{"inverted dates", "浙江\tmin_age\t18\tCONFIRMED\tx\t2025-01-01\t2024-01-01\n", true, ErrBadPeriod, "min_age", "浙江"},
		{"bad date", "浙江\tmin_age\t18\tCONFIRMED\tx\t2025-13-01\t-\n", true, ErrBadPeriod, "min_age", "浙江"},
		{"too few columns", "浙江\tmin_age\t18\n", true, ErrDataSyntax, "", ""},
		{"overlapping rows", "浙江\tmin_age\t18\tCONFIRMED\tx\t-\t-\n浙江\tmin_age\t16\tCONFIRMED\tx\t2020-01-01\t-\n", true, ErrOverlap, "min_age", "浙江"},
		{"field not covered in a whole table", "*\tmin_age\t18\tCONFIRMED\tx\t-\t-\n", false, ErrMissingField, "non_local_individuals", "北京"},
		{"duplicate national row", full("*\treview_workdays\t20\tCONFIRMED\tx\t-\t-\n"), false, ErrOverlap, "review_workdays", "*"},
		{"unknown directive", "#@ colour blue\n", true, ErrDataSyntax, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.patch {
				_, err = Default().Patch(strings.NewReader(tt.data))
			} else {
				_, err = Load(strings.NewReader(tt.data))
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.err)
			var de *DataError
			require.True(t, errors.As(err, &de))
			assert.Equal(t, tt.field, de.Field)
			assert.Equal(t, tt.prov, de.Province)
			if tt.err != ErrMissingField {
				assert.Positive(t, de.Line, "the error names the line")
			}
			assert.Contains(t, err.Error(), "province: ")
		})
	}
}

func TestLoadTooLarge(t *testing.T) {
	big := strings.Repeat("# padding line for the size limit test\n", maxDataSize/30)
	_, err := Load(strings.NewReader(big))
	assert.ErrorIs(t, err, ErrTooLarge)
}

func TestLoadWholeTableRoundTrip(t *testing.T) {
	tb, err := Load(strings.NewReader(defaultData))
	require.NoError(t, err)
	for _, p := range All() {
		assert.True(t, sameFactsIgnoringFile(tb.Rules(p), Default().Rules(p)), "%s", p)
	}
}

func sameFactsIgnoringFile(a, b Rules) bool {
	return a.ReviewWorkdays.Value() == b.ReviewWorkdays.Value() && a.MinAge.Value() == b.MinAge.Value() &&
		a.NonLocalIndividuals.Value() == b.NonLocalIndividuals.Value() && a.FileableTLDs.Value() == b.FileableTLDs.Value()
}

func TestConcurrentLookups(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tb := Default()
			if i%8 == 0 {
				var err error
				tb, err = tb.Patch(strings.NewReader("浙江\treview_workdays\t25\tUNCERTAIN\tx\t-\t-\n"))
				if err != nil {
					t.Error(err)
					return
				}
			}
			for _, p := range All() {
				_ = tb.RulesAt(p, day2026)
				_, _ = Parse(p.ICPAbbr())
			}
		}()
	}
	wg.Wait()
}

func TestWords(t *testing.T) {
	w := NewWords("a", "b")
	assert.Equal(t, 2, w.Len())
	assert.True(t, w.Contains("b"))
	assert.False(t, w.Contains("c"))
	assert.Equal(t, []string{"a", "b"}, w.Slice())
	assert.Equal(t, 0, Words{}.Len())
	assert.Nil(t, Words{}.Slice())
	assert.Equal(t, "unknown", Fact[int]{}.String())
	assert.Equal(t, "30 (CONFIRMED: TC-review)", Zhejiang.Rules().ReviewWorkdays.String())
	assert.Len(t, Fields(), len(fields))
}

// Sinks keep the compiler from optimising benchmarked calls away.
var (
	sinkP    Province
	sinkR    Rules
	sinkInt  int
	sinkSrc  Source
	sinkBool bool
)

func TestNoAllocs(t *testing.T) {
	tb := Default()
	tests := []struct {
		name string
		f    func()
	}{
		{"Parse abbreviation", func() { sinkP, _ = Parse("蜀") }},
		{"Parse name", func() { sinkP, _ = Parse("Inner Mongolia") }},
		{"Parse code", func() { sinkP, _ = Parse("330106") }},
		{"RulesAt", func() { sinkR = tb.RulesAt(Jiangsu, day2026) }},
		{"AppendText", func() { _, _ = Sichuan.AppendText(make([]byte, 0, 16)) }},
		{"LookupSource", func() { sinkSrc, _ = LookupSource("TC-P-北京") }},
		{"NeedsLocalMobile", func() { sinkBool, _ = tb.Rules(Hebei).NeedsLocalMobile(false, OwnerMobile, true) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Zero(t, testing.AllocsPerRun(100, tt.f))
		})
	}
}

func BenchmarkParse(b *testing.B) {
	for _, in := range []string{"蜀", "浙江", "Inner Mongolia", "330106"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkP, _ = Parse(in)
			}
		})
	}
}

func BenchmarkRulesAt(b *testing.B) {
	tb := Default()
	b.ReportAllocs()
	for b.Loop() {
		// A local copy, as callers use it; the field read keeps the call.
		r := tb.RulesAt(Jiangsu, day2026)
		sinkInt += r.MinAge.Value()
	}
}

func BenchmarkLookupSource(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkSrc, _ = LookupSource("QC-henan")
	}
}

func TestDayOf(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(1880, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 3, 1, 0, 0, 0, 0, time.UTC),
	} {
		assert.Equal(t, day(d.Unix()/86400), dayOf(d), "%s", d)
	}
	// The calendar date in the time's own zone counts, before 1970 too.
	cst := time.FixedZone("CST", 8*3600)
	assert.Equal(t, dayOf(time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)), dayOf(time.Date(2021, 6, 1, 1, 0, 0, 0, cst)))
	assert.Equal(t, dayOf(time.Date(1960, 6, 1, 0, 0, 0, 0, time.UTC)), dayOf(time.Date(1960, 6, 1, 23, 59, 0, 0, cst)))
}

func TestFieldCount(t *testing.T) {
	// The README states the number of rule fields; keep them in step.
	assert.Len(t, Fields(), 68)
}

// TestRulesAtChinaDate: the same instant is one date in China whatever
// the caller's zone, so a server in UTC gets Shanghai's answer.
func TestRulesAtChinaDate(t *testing.T) {
	utc := time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)
	shanghai := time.Date(2026, 12, 1, 4, 0, 0, 0, time.FixedZone("CST", 8*3600))
	assert.Equal(t, dayOf(shanghai), dayOf(utc))
	assert.Equal(t, dayOf(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)), dayOf(utc), "20:00 UTC is the next day in China")
}
