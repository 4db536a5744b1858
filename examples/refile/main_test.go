package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runArgs(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestScenarios(t *testing.T) {
	tests := []struct {
		name string
		code int
		want []string
	}{
		{"migrate", 1, []string{"new access", "tencent", "cancel access", "site manager"}},
		{"ip-change", 0, []string{"change access", "recommended"}},
		{"add-domain", 1, []string{"new site", "example.cn"}},
		{"rename", 1, []string{"change subject", "letter confirming a change of name"}},
		{"new-manager", 1, []string{"change site", "manager"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runArgs("-lang", "en", "-scenario", tt.name)
			assert.Equal(t, tt.code, code, errs)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
			assert.NotContains(t, out, "330106198503071238")
		})
	}
	code, out, _ := runArgs("-scenario", "migrate")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "新增接入")
	assert.NotContains(t, out, "move to another provider", "one language only")
	assert.NotContains(t, out, "step", "steps are named in the chosen language")
	code, _, errs := runArgs("-scenario", "teleport")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "unknown scenario")
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	before := filepath.Join(dir, "before.json")
	after := filepath.Join(dir, "after.json")
	require.NoError(t, os.WriteFile(before, []byte(base), 0o644))
	require.NoError(t, os.WriteFile(after, []byte(strings.Replace(base, "aliyun", "huawei", 1)), 0o644))
	code, out, errs := runArgs("-json", before, after)
	assert.Equal(t, 1, code, errs)
	assert.Contains(t, out, `"type": "new_access"`)

	code, out, _ = runArgs(before, before)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "无需办理任何备案")

	require.NoError(t, os.WriteFile(after, []byte(strings.Replace(base, `"name": "示例官网"`, `"nom": "x"`, 1)), 0o644))
	code, _, errs = runArgs(before, after)
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "sites[0].nom")
	code, _, _ = runArgs(before)
	assert.Equal(t, 2, code)
}

// TestRefileFlagsAnywhere: flags may follow the files, and -h exits 0.
func TestRefileFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	before, after := filepath.Join(dir, "before.json"), filepath.Join(dir, "after.json")
	require.NoError(t, os.WriteFile(before, []byte(base), 0o644))
	require.NoError(t, os.WriteFile(after, []byte(strings.Replace(base, "aliyun", "huawei", 1)), 0o644))
	code, out, errs := runArgs(before, after, "-lang", "en")
	assert.Equal(t, 1, code, errs)
	assert.Contains(t, out, "new access")
	code, _, _ = runArgs("-h")
	assert.Equal(t, 0, code)
}
