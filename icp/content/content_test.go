package content

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultTables(t *testing.T) {
	require.NotEmpty(t, DefaultNameRules().Version())
	n := 0
	for r := range DefaultNameRules().All() {
		n++
		assert.NotEmpty(t, r.Source, r.Word)
	}
	assert.Greater(t, n, 20)
	for _, c := range Categories() {
		assert.NotEmpty(t, c.Source, c.ID)
	}
	_, ok := DefaultPreApproval().Category("finance")
	assert.True(t, ok)
}

func TestScanExceptAndOrder(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a keyword", "家庭理财", []string{"finance"}},
		{"a known false positive is excepted", "整理财务报表", nil},
		{"each category once, in data order", "理财与基金，新闻与理财", []string{"news", "finance"}},
		{"nothing", "公司介绍", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range DefaultPreApproval().Scan(tt.text) {
				got = append(got, h.Category)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func FuzzLoadNameRules(f *testing.F) {
	f.Add("unit\tcontains\t官方\terror\tUNCERTAIN\tpanel policy\n")
	f.Add("#@ version 1\napp\tleading\tx\twarning\tCONFIRMED\tsrc\tnote\n")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := LoadNameRules(strings.NewReader(s))
		if err != nil {
			return
		}
		for r := range n.All() {
			if r.Word == "" || r.Source == "" {
				t.Fatalf("a loaded rule without word or source: %+v", r)
			}
		}
	})
}

func FuzzLoadPreApproval(f *testing.F) {
	f.Add("crypto\t金融监管部门\t批准文件\tyes\tUNCERTAIN\tpanel policy\n", "crypto\t比特币\t-\tUNCERTAIN\tpanel policy\n")
	f.Fuzz(func(t *testing.T, cats, kws string) {
		tb, err := LoadPreApproval(strings.NewReader(cats), strings.NewReader(kws))
		if err != nil {
			return
		}
		_ = tb.Scan(cats + kws)
	})
}

func BenchmarkScan(b *testing.B) {
	text := strings.Repeat("公司介绍与产品展示，", 20) + "理财"
	tb := DefaultPreApproval()
	b.ReportAllocs()
	for b.Loop() {
		_ = tb.Scan(text)
	}
}
