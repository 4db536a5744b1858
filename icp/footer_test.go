package icp

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFooterRender(t *testing.T) {
	tests := []struct {
		name   string
		footer Footer
	}{
		{"site_only", Footer{ICP: MustParseNumber("浙ICP备2021000001号-1")}},
		{"full", Footer{ICP: MustParseNumber("浙ICP备2021000001号-1"), Police: MustParseNumber("浙公网安备33010602011771号"),
			License: MustParseNumber("浙B2-20080224"), Company: "杭州示例网络科技有限公司", PoliceIcon: "/static/beian.png"}},
		{"escaping", Footer{ICP: MustParseNumber("京ICP备12345678号-1"), Company: `<script>alert("x")</script> & Co`}},
		{"guangdong_auto_subject", Footer{ICP: MustParseNumber("粤ICP备2020123456号-3")}},
		{"guangdong_forced_site", Footer{ICP: MustParseNumber("粤ICP备2020123456号-3"), Display: DisplaySite}},
		{"police_without_icon", Footer{ICP: MustParseNumber("川ICP备10000001号-1"), Police: MustParseNumber("川公网安备51010802000001号")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := tt.footer.HTML()
			require.NoError(t, err)
			txt, err := tt.footer.Text()
			require.NoError(t, err)
			app, err := tt.footer.AppText()
			require.NoError(t, err)
			golden(t, tt.name+".golden", string(h)+"\n---\n"+txt+"\n---\n"+app+"\n")
			h2, _ := tt.footer.HTML()
			assert.Equal(t, h, h2, "deterministic")
			assert.Contains(t, string(h), `href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer"`)
			assert.NotContains(t, string(h), "<script>")
			if tt.footer.PoliceIcon == "" {
				assert.NotContains(t, string(h), "<img")
			}
		})
	}
}

func TestFooterRefuses(t *testing.T) {
	tests := []struct {
		name   string
		footer Footer
		code   string
		ok     bool
	}{
		{"no number", Footer{}, "footer.icp_required", false},
		{"subject number where a site number is required", Footer{ICP: MustParseNumber("浙ICP备2021000001号")}, "footer.subject_number", false},
		{"subject number allowed by option", Footer{ICP: MustParseNumber("浙ICP备2021000001号"), AllowSubjectNumber: true}, "", true},
		{"subject number in Guangdong by rule", Footer{ICP: MustParseNumber("粤ICP备2020123456号")}, "", true},
		{"licence as the ICP number", Footer{ICP: MustParseNumber("京ICP证030173号")}, "footer.icp_kind", false},
		{"police number as the ICP number", Footer{ICP: MustParseNumber("京公网安备11010502000001号")}, "footer.icp_kind", false},
		{"ICP number as the police number", Footer{ICP: MustParseNumber("京ICP备12345678号-1"), Police: MustParseNumber("京ICP备12345678号-2")}, "footer.police_kind", false},
		{"provinces differ: a warning", Footer{ICP: MustParseNumber("京ICP备12345678号-1"), Police: MustParseNumber("浙公网安备33010602011771号")}, "footer.province_mismatch", true},
		{"alias abbreviation: a warning", Footer{ICP: MustParseNumber("川ICP备10000001号-1")}, "footer.alias", true},
		{"filing number as the licence", Footer{ICP: MustParseNumber("京ICP备12345678号-1"), License: MustParseNumber("京ICP备12345678号-2")}, "footer.license_kind", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.footer.Check()
			if tt.code != "" {
				assert.True(t, r.Has(tt.code), "%v", r.Findings)
			}
			_, err := tt.footer.HTML()
			if tt.ok {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrFooter))
			assert.Contains(t, err.Error(), tt.code)
			_, err = tt.footer.Text()
			assert.Error(t, err)
		})
	}
}

func TestPoliceURL(t *testing.T) {
	assert.Equal(t, "https://beian.mps.gov.cn/#/query/webSearch?code=43010502002236",
		PoliceURL(MustParseNumber("湘公网安备43010502002236号")))
	assert.Equal(t, "", PoliceURL(MustParseNumber("湘ICP备2020000001号")))
	assert.True(t, strings.HasPrefix(MIITURL, "https://"))
}

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), got)
}
