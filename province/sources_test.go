package province

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSourcesDefault(t *testing.T) {
	all := Sources()
	require.NotEmpty(t, all)
	assert.NotEmpty(t, DefaultSources().Version())
	for _, s := range all {
		got, ok := LookupSource(s.Key)
		require.True(t, ok, s.Key)
		assert.Equal(t, s, got)
		assert.NotEmpty(t, s.Title, s.Key)
		if s.URL == "" {
			assert.True(t, strings.HasPrefix(s.Key, "TP-code-"), "%s has no address; only unrecorded code excerpts may lack one", s.Key)
		}
	}
	tests := []struct {
		name, key, title, url string
	}{
		{"a Tencent province page", "TC-P-北京", "北京管局要求", "https://github.com/tencentyun/qcloud-documents/blob/HEAD/product/域名与网站/网站备案/备案准备/各省管局要求/华北各省管局要求/北京管局要求.md"},
		{"a project-internal key with a public address", "TC-provfaq", "省管局要求相关", "https://github.com/tencentyun/qcloud-documents/blob/HEAD/product/域名与网站/网站备案/常见问题/省管局要求相关.md"},
		{"QingCloud's limits page", "QC-limit", "备案限制", "https://github.com/yunify/qingcloud-docs/blob/HEAD/content/site/record/intro/limit.md"},
		{"Shaanxi lives in sanxi.md", "QC-shaanxi", "陕西管局要求", "https://github.com/yunify/qingcloud-docs/blob/HEAD/content/site/record/prepare/policy_requirement/sanxi.md"},
		{"a Huawei KB page", "HW-prov", "备案管局咨询", "https://github.com/huaweicloud/huaweicloud-skills/blob/HEAD/skills/cdi/assist/huawei-cloud-icp-process-guidance/kb/topics/备案管局咨询.md"},
		{"an unrecorded code excerpt has no address", "TP-code-21469907520", "code excerpt 21469907520", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := LookupSource(" " + tt.key + " ")
			require.True(t, ok)
			assert.Equal(t, tt.title, s.Title)
			assert.Equal(t, tt.url, s.URL)
			assert.Len(t, s.Read, 10)
		})
	}
	_, ok := LookupSource("DESIGN.md")
	assert.False(t, ok)
	assert.Contains(t, LookupSourceMust(t, "TC-P-北京").String(), "TC-P-北京: 北京管局要求 (Tencent Cloud) https://")
	assert.Contains(t, LookupSourceMust(t, "TP-code-7995328525").String(), "no public address")
}

func LookupSourceMust(t *testing.T, k string) Source {
	t.Helper()
	s, ok := LookupSource(k)
	require.True(t, ok, k)
	return s
}

func TestSourceKeys(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"TC-P-北京; HW-policy", []string{"TC-P-北京", "HW-policy"}},
		{"TC-P-*; HW-prov (not stated)", []string{"TC-P-*", "HW-prov"}},
		{"TP-code-21469907520, TP-code-7995328525", []string{"TP-code-21469907520", "TP-code-7995328525"}},
		{"TC-sms(old)", []string{"TC-sms"}},
		{" ; ;", nil},
		{"", nil},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, SourceKeys(tt.in), tt.in)
	}
	found, missing := DefaultSources().Resolve("TC-P-北京; peers.md §5; QC-henan")
	require.Len(t, found, 2)
	assert.Equal(t, "QC-henan", found[1].Key)
	assert.Equal(t, []string{"peers.md"}, missing)
}

func TestRuleSourcesResolve(t *testing.T) {
	// Every key a shipped rule row cites is in the sources table.
	for _, rw := range Default().rows {
		_, missing := DefaultSources().Resolve(rw.meta.Source)
		assert.Empty(t, missing, "%s:%d cites unknown sources", DefaultFile, rw.meta.Line)
	}
	for _, a := range Aliases() {
		_, missing := DefaultSources().Resolve(a.Source)
		assert.Empty(t, missing, "alias %s", a.Abbr)
	}
}

func TestSourcesPatchAndErrors(t *testing.T) {
	tb, err := DefaultSources().Patch(strings.NewReader("panel-1\tExample Panel\tOps ticket 1\thttps://example.com/t/1\t2026-11-30\n" +
		"TC-P-北京\tTencent Cloud\t北京管局要求 (mirror)\thttps://example.com/bj\t2026-11-30\n"))
	require.NoError(t, err)
	s, ok := tb.Lookup("panel-1")
	require.True(t, ok)
	assert.Equal(t, "Ops ticket 1", s.Title)
	bj, _ := tb.Lookup("TC-P-北京")
	assert.Equal(t, "https://example.com/bj", bj.URL)
	assert.Len(t, tb.All(), len(Sources())+1)
	orig, _ := LookupSource("TC-P-北京")
	assert.NotEqual(t, bj.URL, orig.URL, "the default table is unchanged")

	bad := []struct {
		name, data, field string
		err               error
	}{
		{"too few columns", "k\tp\tt\n", "", ErrDataSyntax},
		{"key with a space", "a b\tp\tt\t-\t2026-11-30\n", "key", ErrBadValue},
		{"no title", "k\tp\t\t-\t2026-11-30\n", "title", ErrMissingSource},
		{"not a URL", "k\tp\tt\tftp://x\t2026-11-30\n", "url", ErrBadValue},
		{"bad date", "k\tp\tt\t-\t30.11.2026\n", "read", ErrBadValue},
		{"duplicate key", "k\tp\tt\t-\t2026-11-30\nk\tp\tt\t-\t2026-11-30\n", "key", ErrDataSyntax},
		{"unknown directive", "#@ colour blue\n", "", ErrDataSyntax},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadSources(strings.NewReader(tt.data))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.err)
			var de *DataError
			require.True(t, errors.As(err, &de))
			assert.Equal(t, tt.field, de.Field)
			assert.Positive(t, de.Line)
		})
	}
	_, err = LoadSources(strings.NewReader(strings.Repeat("# padding line for the size limit test\n", maxDataSize/30)))
	assert.ErrorIs(t, err, ErrTooLarge)
}

func FuzzLoadSources(f *testing.F) {
	f.Add("k\tp\tt\thttps://example.com\t2026-11-30\tnote\n")
	f.Add("#@ version 1\nk\tp\tt\t-\t2026-11-30\n")
	f.Add("\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		tb, err := LoadSources(strings.NewReader(s))
		if err != nil {
			if _, ok := err.(*DataError); !ok {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			return
		}
		for _, src := range tb.All() {
			if _, ok := tb.Lookup(src.Key); !ok {
				t.Fatalf("key %q does not look up", src.Key)
			}
		}
	})
}

func TestCheckSources(t *testing.T) {
	require.NoError(t, Default().CheckSources(DefaultSources()))
	tb, err := Default().Patch(strings.NewReader("浙江\treview_workdays\t25\tUNCERTAIN\tpanel-1; TC-review\t-\t-\n"))
	require.NoError(t, err)
	err = tb.CheckSources(DefaultSources())
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrUnknownSource)
	var de *DataError
	require.True(t, errors.As(err, &de))
	assert.Equal(t, "浙江", de.Province)
	assert.Equal(t, "review_workdays", de.Field)
	assert.Equal(t, 1, de.Line)
	assert.Equal(t, "panel-1", de.Detail)

	src, err := DefaultSources().Patch(strings.NewReader("panel-1\tExample Panel\tOps ticket 1\thttps://example.com/t/1\t2026-11-30\n"))
	require.NoError(t, err)
	assert.NoError(t, tb.CheckSources(src), "the panel's own key resolves in its patched sources")
}
