package checkapi

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheck(t *testing.T) {
	app, err := os.ReadFile("../../../precheck/sample.json")
	require.NoError(t, err)
	for _, tc := range []struct {
		what, app, opts string
		want            []string
	}{
		{"sample, zh-Hans by default", string(app), `{"at":"2026-11-26"}`, []string{`"code":"domain.subdomain"`, `应备案主域名`}},
		{"sample in English with a profile", string(app), `{"lang":"en","profile":"alibaba","at":"2026-11-26"}`, []string{`file the registrable domain`}},
		{"empty options", string(app), ``, []string{`"findings":[`}},
		{"decode error names the path", `{"sites":[{"access":{"ips":["x"]}}]}`, `{}`, []string{`"path":"sites[0].access.ips[0]"`, `"findings":[]`}},
		{"not JSON", `{`, `{}`, []string{`"error":`}},
		{"unknown option", `{}`, `{"language":"en"}`, []string{`"error":"options: `}},
		{"unknown profile", `{}`, `{"profile":"acme"}`, []string{`unknown profile acme`}},
		{"bad date", `{}`, `{"at":"26.11.2026"}`, []string{`"error":"options: `}},
	} {
		t.Run(tc.what, func(t *testing.T) {
			out := string(Check([]byte(tc.app), []byte(tc.opts)))
			require.True(t, json.Valid([]byte(out)), out)
			for _, w := range tc.want {
				assert.Contains(t, out, w)
			}
		})
	}
}

func TestForm(t *testing.T) {
	out := string(Form([]byte(`{"province":"北京","kind":"individual","lang":"en","at":"2026-11-26"}`)))
	assert.Contains(t, out, `"province":"北京"`)
	assert.Contains(t, out, `"kind":"individual"`)
	assert.Contains(t, out, `"label":"site manager's mobile"`)
	for _, bad := range []string{`{"province":"香港"}`, `{"province":"北京","kind":"company"}`, `{"province":"北京","filing_type":"x"}`, `{`} {
		assert.Contains(t, string(Form([]byte(bad))), `"error":`, bad)
	}
}

// FuzzCheck: any input gives JSON, never a panic.
func FuzzCheck(f *testing.F) {
	app, _ := os.ReadFile("../../../precheck/sample.json")
	f.Add(string(app), `{"lang":"en","at":"2026-11-26"}`)
	f.Add(`{}`, ``)
	f.Add(`{"sites":[{}]}`, `{"profile":"tencent"}`)
	f.Fuzz(func(t *testing.T, app, opts string) {
		if !strings.Contains(opts, `"at"`) {
			opts = `{"at":"2026-11-26"}` // no clock in a test
		}
		out := Check([]byte(app), []byte(opts))
		if !json.Valid(out) {
			t.Fatalf("not JSON: %s", out)
		}
	})
}
